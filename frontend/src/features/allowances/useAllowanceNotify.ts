import { App } from 'antd';
import { useCallback } from 'react';
import { translate } from '../../i18n';
import { allowanceNotice } from './model';

/** Raises a notification for a failed request, in this feature's words where it has them. */
export function useAllowanceNotify(): (error: unknown) => void {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const n = allowanceNotice(error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'topRight', duration: 8 });
    },
    [notification],
  );
}
