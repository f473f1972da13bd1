import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Meeting } from '../../api/types';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { amendMeeting } from './api';

const FIELDS = knownFields(['reason', 'correction']);

interface Props {
  meeting: Pick<Meeting, 'id' | 'title'>;
  open: boolean;
  onClose: () => void;
  onDone: (meeting: Meeting) => void;
}

/** Adds a correction (更正说明) to a finalised record: what was wrong, and why. */
export function AmendModal({ meeting, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<{ reason: string; correction: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(v: { reason: string; correction: string }) {
    setBusy(true);
    try {
      onDone(await amendMeeting(meeting.id, { reason: v.reason.trim(), correction: v.correction.trim() }));
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('meetings.amendTitle', { name: meeting.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meetings.amendSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('amend-submit') }}
      destroyOnHidden
      width={640}
    >
      <Alert type="info" showIcon title={t('meetings.amendNotice')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="amend-form">
        <Form.Item
          name="correction"
          label={t('fields.correction')}
          rules={[{ required: true, whitespace: true, message: t('meetings.correctionRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('meetings.correctionPlaceholder')} data-testid="amend-correction" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('fields.amend_reason')}
          rules={[
            { required: true, whitespace: true, message: t('meetings.reasonRequired') },
            { min: 4, message: t('meetings.reasonLength', { min: 4 }) },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('meetings.reasonPlaceholder')} data-testid="amend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
