import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields, type FieldPath } from '../../api/problem';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { isStale } from '../registry/isStale';
import { setFee, useAuditsChanged } from './api';
import { fenToYuan, yuanToFen } from './model';
import type { Engagement } from './types';

interface Values {
  fee_yuan?: number;
  scope?: string;
}

const known = knownFields(['scope']);
/** The form holds yuan; the server names the field in fen (a 422 there means over budget). */
function feeFieldPath(field: string): FieldPath | null {
  return field === 'fee_fen' ? ['fee_yuan'] : known(field);
}

/** Changes an engagement's fee (and scope) with `If-Match` from the engagement's `version`. */
export function FeeModal({ engagement, onClose }: { engagement: Engagement | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const changed = useAuditsChanged();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    if (!engagement) return;
    setBusy(true);
    try {
      const scope = v.scope?.trim();
      await setFee(engagement, { fee_fen: yuanToFen(v.fee_yuan ?? 0), scope: scope && scope !== engagement.scope ? scope : null });
      void message.success(t('audits.engagement.feeSaved'));
      void changed();
      onClose();
    } catch (e) {
      if (isStale(e)) {
        // The card's version is old: show the current fee rather than overwrite someone's change.
        notification.warning({ title: t('audits.engagement.stale'), placement: 'topRight' });
        void changed();
        onClose();
      } else {
        showOnForm(form, e, feeFieldPath);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!engagement}
      title={engagement ? t('audits.engagement.feeTitle', { compound: engagement.compound_name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('fee-submit') }}
      destroyOnHidden
    >
      {engagement && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ fee_yuan: fenToYuan(engagement.fee_fen), scope: engagement.scope }}
          onFinish={submit}
          data-testid="fee-form"
        >
          <Form.Item
            name="fee_yuan"
            label={t('audits.engagement.fee')}
            rules={[{ required: true, message: t('audits.engagement.feeRequired') }]}
          >
            <InputNumber<number> min={0} precision={2} step={1000} style={{ width: '100%' }} suffix={t('audits.unit')} data-testid="fee-yuan" />
          </Form.Item>
          <Form.Item name="scope" label={t('audits.engagement.scope')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="fee-scope" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
