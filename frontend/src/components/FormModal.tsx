import { Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../api/problem';
import { testId } from '../lib/testId';
import { useProblem } from '../lib/useProblem';

type FormModalProps<V> = Omit<ModalProps, 'onOk' | 'okButtonProps' | 'confirmLoading' | 'children'> & {
  form: FormInstance<V>;
  /** Saves what was entered; a refusal shows on the fields `toFormPath` names, or as a notice. */
  onSave: (values: V) => Promise<unknown>;
  toFormPath: (field: string) => FieldPath | null;
  okTestId: string;
  formTestId?: string;
  initialValues?: FormProps<V>['initialValues'];
  /** Above the form: a notice or an explanation. */
  intro?: ReactNode;
  /** The form's fields. */
  children: ReactNode;
};

/**
 * A dialog holding one form: its OK button submits the form and spins while saving, and a
 * refusal lands on the fields. Closed, it forgets what was typed (unless told otherwise).
 */
export function FormModal<V>({ form, onSave, toFormPath, okTestId, formTestId, initialValues, intro, children, ...modal }: FormModalProps<V>) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [busy, setBusy] = useState(false);

  async function submit(values: V) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (e) {
      showOnForm(form, e, toFormPath);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal cancelText={t('common.cancel')} destroyOnHidden {...modal} onOk={() => form.submit()} okButtonProps={{ loading: busy, ...testId(okTestId) }}>
      {intro}
      <Form<V> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues} data-testid={formTestId}>
        {children}
      </Form>
    </Modal>
  );
}
