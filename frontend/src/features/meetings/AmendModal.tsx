import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Meeting } from '../../api/types';
import { FormModal } from '../../components/FormModal';
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
  const [form] = Form.useForm<{ reason: string; correction: string }>();

  return (
    <FormModal
      open={open}
      title={t('meetings.amendTitle', { name: meeting.title })}
      onCancel={onClose}
      okText={t('meetings.amendSubmit')}
      width={640}
      form={form}
      onSave={async (v) => onDone(await amendMeeting(meeting.id, { reason: v.reason.trim(), correction: v.correction.trim() }))}
      toFormPath={FIELDS}
      okTestId="amend-submit"
      formTestId="amend-form"
      intro={<Alert type="info" showIcon title={t('meetings.amendNotice')} style={{ marginBottom: 16 }} />}
    >
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
    </FormModal>
  );
}
