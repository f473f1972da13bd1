import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { User } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { unmaskUser } from './api';

const FIELDS = knownFields(['reason']);
const REASON_MIN = 4;
const REASON_MAX = 200;

interface Props {
  user: Pick<User, 'id' | 'username' | 'display_name'>;
  open: boolean;
  onClose: () => void;
}

/**
 * Asks why, then shows the user's phone in full. The number lives only in this
 * dialog's state: closing it forgets the number (the dialog is destroyed), and it is
 * never put into the query cache or the list.
 */
export function UnmaskModal({ user, open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('users.unmaskTitle', { name: user.display_name })}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <UnmaskBody userId={user.id} onClose={onClose} />
    </Modal>
  );
}

function UnmaskBody({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState<string | null | undefined>(undefined);

  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    try {
      const result = await unmaskUser(userId, reason.trim());
      setPhone(result.phone ?? null);
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  if (phone !== undefined) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {phone ? (
          <div>
            <Typography.Text type="secondary">{t('users.unmaskedPhone')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: '4px 0 0' }} copyable data-testid="unmasked-phone">
              {phone}
            </Typography.Title>
          </div>
        ) : (
          <Alert type="info" showIcon title={t('users.unmaskedNone')} />
        )}
        <Typography.Text type="secondary">
          <SafetyCertificateOutlined /> {t('users.unmaskAudited')}
        </Typography.Text>
        <div style={{ textAlign: 'right' }}>
          <Button type="primary" onClick={onClose} data-testid="unmask-close">
            {t('common.close')}
          </Button>
        </div>
      </Space>
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="unmask-form">
      <Alert type="warning" showIcon title={t('users.unmaskNotice')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('fields.reason')}
        rules={[
          {
            validator: async (_, value?: string) => {
              const n = [...(value ?? '').trim()].length;
              if (n < REASON_MIN || n > REASON_MAX) throw new Error(t('users.reasonLength', { min: REASON_MIN, max: REASON_MAX }));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={REASON_MAX}
          showCount
          placeholder={t('users.reasonPlaceholder')}
          data-testid="unmask-reason"
          autoFocus
        />
      </Form.Item>
      <div style={{ textAlign: 'right' }}>
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" icon={<EyeOutlined />} loading={busy} data-testid="unmask-submit">
            {t('users.unmaskSubmit')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
