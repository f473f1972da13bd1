import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { forgetSession } from '../../api/client';
import { knownFields } from '../../api/problem';
import type { SignInState } from '../../auth/session';
import { useProblem } from '../../lib/useProblem';
import { testId } from '../../lib/testId';
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
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    try {
      await changePassword({ current_password: values.current_password, new_password: values.new_password });
      forgetSession();
      const state: SignInState = { reason: 'password_changed' };
      navigate('/login', { replace: true, state });
      queryClient.clear();
    } catch (e) {
      showOnForm(form, e, FIELDS);
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('change-password-submit') }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon title={t('password.notice')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="change-password-form">
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
      </Form>
    </Modal>
  );
}
