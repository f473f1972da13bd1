import { Alert, App } from 'antd';
import { useCallback } from 'react';
import { translate } from '../../i18n';
import { refusal } from './model';

/** Shows a refusal the volunteering way: its title and the server's sentence (the numbers). */
export function useRefusal() {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const n = refusal(error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'top' });
    },
    [notification],
  );
}

/** A refusal shown in place (on the phone, where a notification is easily missed). */
export function RefusalAlert({ error, onClose, testId = 'refusal' }: { error: unknown; onClose?: () => void; testId?: string }) {
  if (!error) return null;
  const n = refusal(error, translate);
  return (
    <Alert
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      title={n.message}
      description={n.description}
      data-testid={testId}
      style={{ marginBottom: 12 }}
    />
  );
}
