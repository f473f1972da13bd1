import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { forgetSession } from '../../api/client';
import { knownFields } from '../../api/problem';
import type { SignInState } from '../../auth/session';
import { FormModal } from '../../components/FormModal';
import { changePassword } from './api';

interface Values {
  current_password: string;
  new_password: string;
  confirm_password: string;
}

const FIELDS = knownFields(['current_password', 'new_password']);
const MIN_LENGTH = 10;

/**
 * Changes the signed-in user's password. The server then ends every session of the
 * user, this one included, so the tab forgets its tokens and asks to sign in again.
 */
export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  async function save(values: Values) {
    await changePassword({ current_password: values.current_password, new_password: values.new_password });
    forgetSession();
    const state: SignInState = { reason: 'password_changed' };
    navigate('/login', { replace: true, state });
    queryClient.clear();
  }

  return (
    <FormModal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      okText={t('password.submit')}
      mask={{ closable: false }}
      form={form}
      onSave={save}
      toFormPath={FIELDS}
      okTestId="change-password-submit"
      formTestId="change-password-form"
      intro={<Alert type="info" showIcon title={t('password.notice')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item
        name="current_password"
        label={t('fields.current_password')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={256} autoFocus />
      </Form.Item>
      <Form.Item
        name="new_password"
        label={t('fields.new_password')}
        extra={t('password.hint', { min: MIN_LENGTH })}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: MIN_LENGTH, message: t('password.newLength', { min: MIN_LENGTH }) },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      <Form.Item
        name="confirm_password"
        label={t('password.confirm')}
        dependencies={['new_password']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (value && value !== getFieldValue('new_password')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
    </FormModal>
  );
}
