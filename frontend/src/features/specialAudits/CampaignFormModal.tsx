import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Tagged } from '../../api/client';
import { knownFields, type FieldPath } from '../../api/problem';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { isStale } from '../registry/isStale';
import { auditKeys, createCampaign, fetchCampaign, updateCampaign, useAuditFirms, useAuditsChanged } from './api';
import { fenToYuan, yuanToFen } from './model';
import type { Campaign, CampaignInput } from './types';

interface Values {
  name?: string;
  year?: number;
  area_id?: string;
  budget_yuan?: number;
  description?: string;
  firm_ids?: string[];
}

const known = knownFields(['name', 'year', 'area_id', 'description', 'firm_ids']);
function fieldPath(field: string): FieldPath | null {
  return field === 'budget_fen' ? ['budget_yuan'] : known(field);
}

function toValues(c: Campaign): Values {
  return {
    name: c.name,
    year: c.year,
    area_id: c.area_id,
    budget_yuan: fenToYuan(c.budget_fen),
    description: c.description ?? '',
    firm_ids: c.firms.map((f) => f.id),
  };
}

function toBody(v: Values): CampaignInput {
  const description = v.description?.trim();
  return {
    name: (v.name ?? '').trim(),
    year: v.year ?? new Date().getFullYear(),
    area_id: v.area_id ?? '',
    budget_fen: yuanToFen(v.budget_yuan ?? 0),
    description: description || null,
    firm_ids: v.firm_ids ?? [],
  };
}

/**
 * Creates a campaign (then opens it) or edits one with `If-Match`. The year and area stay
 * once created; when someone else saved meanwhile the form reloads rather than overwrite.
 */
export function CampaignFormModal({
  open,
  existing,
  onClose,
}: {
  open: boolean;
  existing?: Tagged<Campaign>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useAuditsChanged();
  const firms = useAuditFirms(open);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [etag, setEtag] = useState<string | null>(existing?.etag ?? null);
  const editing = !!existing;
  const openedEtag = existing?.etag ?? null;
  // Each opening starts from the record as the page has it now (it may have been saved since).
  useEffect(() => {
    if (open) setEtag(openedEtag);
  }, [open, openedEtag]);

  async function submit(v: Values) {
    setBusy(true);
    try {
      if (existing) {
        const saved = await updateCampaign(existing.data.id, etag ?? existing.etag ?? '*', toBody(v));
        queryClient.setQueryData(auditKeys.one(saved.data.id), saved);
        void message.success(t('audits.campaign.saved'));
        void changed();
        onClose();
      } else {
        const saved = await createCampaign(toBody(v));
        void changed();
        void message.success(t('audits.campaign.created'));
        onClose();
        navigate(`/audits/campaigns/${saved.data.id}`);
      }
    } catch (e) {
      if (existing && isStale(e)) {
        notification.warning({ title: t('audits.campaign.stale'), placement: 'topRight' });
        const fresh = await fetchCampaign(existing.data.id).catch(() => null);
        if (fresh) {
          queryClient.setQueryData(auditKeys.one(fresh.data.id), fresh);
          setEtag(fresh.etag);
          form.setFieldsValue(toValues(fresh.data));
        }
      } else {
        showOnForm(form, e, fieldPath);
      }
    } finally {
      setBusy(false);
    }
  }

  // Firms already in the campaign are named even if the firm list has not come yet.
  const firmOptions = new Map<string, string>((existing?.data.firms ?? []).map((f) => [f.id, f.name]));
  for (const f of firms.data ?? []) firmOptions.set(f.id, f.name);

  return (
    <Modal
      open={open}
      title={editing ? t('audits.campaign.editTitle') : t('audits.campaign.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('campaign-submit') }}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={existing ? toValues(existing.data) : { year: new Date().getFullYear(), firm_ids: [] }}
        onFinish={submit}
        data-testid="campaign-form"
        autoComplete="off"
      >
        <Form.Item name="name" label={t('audits.campaign.name')} rules={[{ required: true, whitespace: true, message: t('audits.campaign.nameRequired') }]}>
          <Input maxLength={100} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('audits.campaign.year')}
          extra={editing ? t('audits.campaign.fixedOnEdit') : undefined}
          rules={[{ required: true, message: t('audits.campaign.yearRequired') }]}
        >
          <InputNumber<number> min={2000} max={2100} precision={0} disabled={editing} style={{ width: 160 }} data-testid="campaign-year" />
        </Form.Item>
        <Form.Item
          name="area_id"
          label={t('audits.campaign.area')}
          extra={editing ? t('audits.campaign.fixedOnEdit') : undefined}
          rules={[{ required: true, message: t('audits.campaign.areaRequired') }]}
        >
          <AreaTreeSelect
            selectable={['district', 'subdistrict']}
            deepest="subdistrict"
            disabled={editing}
            placeholder={t('audits.campaign.areaPlaceholder')}
            data-testid="campaign-area"
          />
        </Form.Item>
        <Form.Item
          name="budget_yuan"
          label={t('audits.campaign.budget')}
          extra={editing ? t('audits.campaign.budgetHint') : undefined}
          rules={[{ required: true, message: t('audits.campaign.budgetRequired') }]}
        >
          <InputNumber<number> min={0.01} precision={2} step={10000} style={{ width: '100%' }} suffix={t('audits.unit')} data-testid="campaign-budget-input" />
        </Form.Item>
        <Form.Item
          name="firm_ids"
          label={t('audits.campaign.firms')}
          extra={editing ? t('audits.campaign.firmsHint') : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: t('audits.campaign.firmsRequired') }]}
        >
          <Select<string[]>
            mode="multiple"
            loading={firms.isFetching}
            options={[...firmOptions].map(([value, label]) => ({ value, label }))}
            optionFilterProp="label"
            data-testid="campaign-firms"
          />
        </Form.Item>
        <Form.Item name="description" label={t('audits.campaign.description')}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="campaign-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
