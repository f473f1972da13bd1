import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../api/problem';
import { useProblem } from '../lib/useProblem';

const FIELDS = knownFields(['reason']);
const REASON_MIN = 4;
const REASON_MAX = 200;

interface UnmaskDialogProps<R> {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Hint in the reason box. */
  reasonPlaceholder: string;
  /** Asks the server for the data in full, giving the reason (which is audited). */
  unmask: (reason: string) => Promise<R>;
  /** The data in full. */
  renderResult: (result: R) => ReactNode;
  /** Under the data: that this viewing was recorded. */
  auditedNote: ReactNode;
}

/**
 * Asks why, then shows personal data in full. The data lives only in this dialog's state:
 * closing it forgets the data (the dialog is destroyed), and it never enters the query
 * cache or the list.
 */
export function UnmaskDialog<R>({ open, onClose, title, ...body }: UnmaskDialogProps<R>) {
  return (
    <Modal open={open} onCancel={onClose} title={title} footer={null} destroyOnHidden mask={{ closable: false }}>
      <UnmaskBody<R> onClose={onClose} {...body} />
    </Modal>
  );
}

function UnmaskBody<R>({
  onClose,
  reasonPlaceholder,
  unmask,
  renderResult,
  auditedNote,
}: Omit<UnmaskDialogProps<R>, 'open' | 'title'>) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ data: R } | null>(null);

  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    try {
      setResult({ data: await unmask(reason.trim()) });
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {renderResult(result.data)}
        <Typography.Text type="secondary">
          <SafetyCertificateOutlined /> {auditedNote}
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
          placeholder={reasonPlaceholder}
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
