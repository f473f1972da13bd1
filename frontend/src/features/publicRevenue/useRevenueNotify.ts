import { App } from 'antd';
import { useCallback } from 'react';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { withRevenueTitle } from './model';

/** Raises a notification for a failed request, titled in this feature's words where it has them. */
export function useRevenueNotify(): (error: unknown) => void {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const n = withRevenueTitle(errorNotice(error, translate), error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'topRight' });
    },
    [notification],
  );
}
