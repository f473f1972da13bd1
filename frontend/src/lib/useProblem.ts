import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { errorNotice, formErrors, type FieldPath } from '../api/problem';
import { translate } from '../i18n';

/**
 * Shows API errors the way the SPA does everywhere: field errors under the form's
 * fields, everything else as a notification in the current language.
 */
export function useProblem() {
  const { notification } = App.useApp();

  const notify = useCallback(
    (error: unknown) => {
      const n = errorNotice(error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'topRight' });
    },
    [notification],
  );

  const showOnForm = useCallback(
    <T,>(form: FormInstance<T>, error: unknown, toFormPath: (field: string) => FieldPath | null) => {
      const { fields, notice } = formErrors(error, toFormPath, translate);
      if (fields.length) {
        form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
        form.scrollToField(fields[0].name as never);
      }
      if (notice) {
        notification.error({ title: notice.message, description: notice.description, placement: 'topRight' });
      }
    },
    [notification],
  );

  return { notify, showOnForm };
}
