import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields, type FieldPath } from '../../api/problem';
import { dateField } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { CompoundSelect } from '../registry/CompoundSelect';
import { createEngagement, useAuditsChanged } from './api';
import { formatYuan, yuanToFen } from './model';
import type { Campaign } from './types';

interface Values {
  compound_id?: string;
  firm_id?: string;
  fee_yuan?: number;
  scope?: string;
  period_from?: string;
  period_to?: string;
}

const known = knownFields(['compound_id', 'firm_id', 'scope', 'period_from', 'period_to']);
/** The fee is typed in yuan; a 422 on `fee_fen` (over budget) belongs under it. */
function fieldPath(field: string): FieldPath | null {
  return field === 'fee_fen' ? ['fee_yuan'] : known(field);
}

/** Adds a compound to the campaign with one of its firms and a fee; over budget shows on the fee. */
export function EngagementFormModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showOnForm } = useProblem();
  const changed = useAuditsChanged();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    try {
      await createEngagement(campaign.id, {
        compound_id: v.compound_id ?? '',
        firm_id: v.firm_id ?? '',
        fee_fen: yuanToFen(v.fee_yuan ?? 0),
        scope: (v.scope ?? '').trim(),
        period_from: v.period_from ?? '',
        period_to: v.period_to ?? '',
      });
      void message.success(t('audits.engagement.added'));
      void changed();
      onClose();
    } catch (e) {
      showOnForm(form, e, fieldPath);
    } finally {
      setBusy(false);
    }
  }

  // A campaign audits one year: default the period to that calendar year.
  const initial: Values = {
    firm_id: campaign.firms.length === 1 ? campaign.firms[0].id : undefined,
    period_from: `${campaign.year - 1}-12-01`,
    period_to: `${campaign.year}-11-30`,
  };

  return (
    <Modal
      open={open}
      title={t('audits.engagement.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('engagement-submit') }}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onFinish={submit}
        data-testid="engagement-form"
        autoComplete="off"
      >
        <Form.Item name="compound_id" label={t('audits.engagement.compound')} rules={[{ required: true, message: t('audits.engagement.compoundRequired') }]}>
          <CompoundSelect placeholder={t('common.compoundPlaceholder')} data-testid="engagement-compound" />
        </Form.Item>
        <Form.Item name="firm_id" label={t('audits.engagement.firm')} rules={[{ required: true, message: t('audits.engagement.firmRequired') }]}>
          <Select
            options={campaign.firms.map((f) => ({ value: f.id, label: f.name }))}
            data-testid="engagement-firm"
          />
        </Form.Item>
        <Form.Item
          name="fee_yuan"
          label={t('audits.engagement.fee')}
          extra={t('audits.engagement.feeHint', { remaining: t('audits.yuan', { amount: formatYuan(campaign.remaining_fen) }) })}
          rules={[{ required: true, message: t('audits.engagement.feeRequired') }]}
        >
          <InputNumber<number> min={0} precision={2} step={1000} style={{ width: '100%' }} suffix={t('audits.unit')} data-testid="engagement-fee-input" />
        </Form.Item>
        <Form.Item name="scope" label={t('audits.engagement.scope')} rules={[{ required: true, whitespace: true, message: t('audits.engagement.scopeRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="engagement-scope" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="period_from"
              label={t('audits.engagement.periodFrom')}
              rules={[{ required: true, message: t('audits.engagement.periodRequired') }]}
              {...dateField}
            >
              <DatePicker style={{ width: '100%' }} data-testid="engagement-period-from" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="period_to"
              label={t('audits.engagement.periodTo')}
              rules={[{ required: true, message: t('audits.engagement.periodRequired') }]}
              {...dateField}
            >
              <DatePicker style={{ width: '100%' }} data-testid="engagement-period-to" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
