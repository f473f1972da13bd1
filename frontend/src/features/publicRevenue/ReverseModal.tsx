import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKeys } from '../../api/idempotency';
import { ApiError, knownFields } from '../../api/problem';
import { dateField } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { reverseEntry, useLedgerChanged } from './api';
import { useRevenueNotify } from './useRevenueNotify';
import type { Entry } from './types';

interface Values {
  reason?: string;
  entry_date?: string;
}

const FIELDS = knownFields(['reason', 'entry_date']);

/**
 * 冲销: posted entries never change; a mistake is undone by a new entry with every debit
 * and credit swapped, dated today (or the day picked) in an open month.
 */
export function ReverseModal({ compoundId, entry, onClose }: { compoundId: string; entry: Entry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showOnForm } = useProblem();
  const notify = useRevenueNotify();
  const [form] = Form.useForm<Values>();
  const changed = useLedgerChanged(compoundId);
  const keys = useRef(idempotencyKeys());
  const [saving, setSaving] = useState(false);

  async function submit(v: Values) {
    if (!entry) return;
    const body = { reason: (v.reason ?? '').trim(), entry_date: v.entry_date || null };
    setSaving(true);
    try {
      const reversal = await reverseEntry(entry.id, body, keys.current.keyFor({ id: entry.id, ...body }));
      keys.current.reset();
      void message.success(t('revenue.reverse.done', { number: reversal.number }));
      changed();
      onClose();
    } catch (e) {
      // A reason or date refused goes under its field; a refusal of the whole (already
      // reversed, a closed month) is a notification in this feature's words.
      const fieldErrors = e instanceof ApiError ? Object.keys(e.problem?.errors ?? {}).length : 0;
      if (fieldErrors) showOnForm(form, e, FIELDS);
      else notify(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={!!entry}
      title={entry ? t('revenue.reverse.title', { number: entry.number }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('revenue.reverse.submit')}
      okButtonProps={{ danger: true, loading: saving, ...testId('reverse-submit') }}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && form.resetFields()}
    >
      {entry && (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="reverse-form">
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('revenue.reverse.explain')} />
          <Typography.Paragraph>
            {entry.entry_date} · {entry.memo}
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('revenue.reverse.reason')}
            rules={[{ required: true, whitespace: true, message: t('revenue.reverse.reasonRequired') }, { max: 150 }]}
          >
            <Input.TextArea rows={2} maxLength={150} showCount data-testid="reverse-reason" />
          </Form.Item>
          <Form.Item name="entry_date" label={t('revenue.reverse.date')} extra={t('revenue.reverse.dateHelp')} {...dateField}>
            <DatePicker style={{ width: '100%' }} data-testid="reverse-date" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
