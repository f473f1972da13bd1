import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { PersonalData } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { unmaskPerson } from './api';

const FIELDS = knownFields(['reason']);
const REASON_MIN = 4;
const REASON_MAX = 200;

interface Props {
  person: { id: string; name: string };
  open: boolean;
  onClose: () => void;
}

/**
 * Asks why, then shows the person's phone and ID number in full. They live only in this
 * dialog's state: closing it forgets them, and they never enter the query cache.
 */
export function PersonUnmaskModal({ person, open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('people.unmaskTitle', { name: person.name })}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Body personId={person.id} onClose={onClose} />
    </Modal>
  );
}

function Body({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [data, setData] = useState<PersonalData | null>(null);

  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    try {
      setData(await unmaskPerson(personId, reason.trim()));
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  if (data) {
    const none = <Typography.Text type="secondary">{t('people.notRecorded')}</Typography.Text>;
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          bordered
          column={1}
          size="small"
          items={[
            {
              key: 'phone',
              label: t('fields.phone'),
              children: data.phone ? (
                <Typography.Text copyable strong data-testid="unmasked-phone">
                  {data.phone}
                </Typography.Text>
              ) : (
                none
              ),
            },
            {
              key: 'id',
              label: t('fields.id_number'),
              children: data.id_number ? (
                <Typography.Text copyable strong data-testid="unmasked-id-number">
                  {data.id_number}
                </Typography.Text>
              ) : (
                none
              ),
            },
          ]}
        />
        <Typography.Text type="secondary">
          <SafetyCertificateOutlined /> {t('people.unmaskAudited')}
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
          placeholder={t('people.reasonPlaceholder')}
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
