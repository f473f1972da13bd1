import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Tagged } from '../../api/client';
import { knownFields, type FieldPath } from '../../api/problem';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { isStale } from '../registry/isStale';
import { ORG_KINDS } from '../registry/kinds';
import { allowanceKeys, createProgramme, fetchProgramme, updateProgramme } from './api';
import { fenToYuan, yuanToFen } from './model';
import type { OrgKind, Programme, ProgrammeInput } from './types';

interface Values {
  name?: string;
  area_id?: string;
  org_kind?: OrgKind;
  post_title?: string;
  amount_yuan?: number | null;
  required_result?: 'qualified' | 'excellent';
  annual_budget_yuan?: number | null;
  pro_rata?: boolean;
  active?: boolean;
}

const NEW_VALUES: Values = {
  org_kind: 'compound_party_branch',
  post_title: '书记',
  required_result: 'qualified',
  pro_rata: true,
  active: true,
};

function toValues(p: Programme): Values {
  return {
    name: p.name,
    area_id: p.area_id,
    org_kind: p.org_kind as OrgKind,
    post_title: p.post_title,
    amount_yuan: fenToYuan(p.amount_fen_per_month),
    required_result: p.required_result === 'excellent' ? 'excellent' : 'qualified',
    annual_budget_yuan: fenToYuan(p.annual_budget_fen),
    pro_rata: p.pro_rata,
    active: p.active,
  };
}

function toBody(v: Values): ProgrammeInput {
  return {
    name: (v.name ?? '').trim(),
    area_id: v.area_id ?? '',
    org_kind: v.org_kind ?? 'compound_party_branch',
    post_title: (v.post_title ?? '').trim(),
    amount_fen_per_month: yuanToFen(v.amount_yuan) ?? 0,
    required_result: v.required_result ?? 'qualified',
    annual_budget_fen: yuanToFen(v.annual_budget_yuan) ?? 0,
    pro_rata: v.pro_rata ?? true,
    active: v.active ?? true,
  };
}

/** Yuan with thousands separators while typing (`4,080,000.00`), read back without them. */
const yuanInput = {
  formatter: (v?: number | string) => (v === undefined || v === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')),
  parser: (v?: string) => Number((v ?? '').replace(/[,，\s]/g, '')),
};

/** Server field names -> the form's (amounts are typed in yuan). */
const plainFields = knownFields(['name', 'area_id', 'org_kind', 'post_title', 'required_result', 'pro_rata', 'active']);
function toFormPath(field: string): FieldPath | null {
  if (field === 'amount_fen_per_month') return ['amount_yuan'];
  if (field === 'annual_budget_fen') return ['annual_budget_yuan'];
  return plainFields(field);
}

/**
 * 新建 / 编辑津贴项目. An edit is saved with `If-Match`: when someone else changed the
 * programme meanwhile, it says so and shows their version instead of overwriting it.
 * (src/lib/useVersionedForm fits record pages at `/<feature>/:id`; programmes live at
 * `/allowances/programmes/:id` and are edited in place, hence this small form of its own.)
 */
export function ProgrammeModal({ open, onClose, programme }: { open: boolean; onClose: () => void; programme?: Tagged<Programme> }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [etag, setEtag] = useState<string | null>(null);
  const editing = !!programme;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (programme) {
      form.setFieldsValue(toValues(programme.data));
      setEtag(programme.etag);
    }
  }, [open, programme, form]);

  async function save(values: Values) {
    setSaving(true);
    try {
      const body = toBody(values);
      const saved = programme ? await updateProgramme(programme.data.id, etag ?? '*', body) : await createProgramme(body);
      queryClient.setQueryData(allowanceKeys.one(saved.data.id), saved);
      await queryClient.invalidateQueries({ queryKey: allowanceKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['allowances', 'budget', saved.data.id] });
      void message.success(editing ? t('allowances.programme.saved') : t('allowances.programme.created'));
      onClose();
      if (!editing) navigate(`/allowances/programmes/${saved.data.id}`);
    } catch (e) {
      if (programme && isStale(e)) {
        notification.warning({ title: t('allowances.programme.stale'), placement: 'topRight' });
        try {
          const fresh = await fetchProgramme(programme.data.id);
          queryClient.setQueryData(allowanceKeys.one(fresh.data.id), fresh);
          form.setFieldsValue(toValues(fresh.data));
          setEtag(fresh.etag);
        } catch (err) {
          showOnForm(form, err, toFormPath);
        }
      } else {
        showOnForm(form, e, toFormPath);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={editing ? t('allowances.programme.editTitle') : t('allowances.programme.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ ...testId('save-programme') }}
      width={720}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" initialValues={NEW_VALUES} onFinish={save} data-testid="programme-form" autoComplete="off">
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={t('allowances.programme.name')} rules={[{ required: true, whitespace: true, message: t('allowances.programme.nameRequired') }]}>
              <Input maxLength={100} placeholder={t('allowances.programme.namePlaceholder')} data-testid="programme-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="area_id"
              label={t('allowances.programme.area')}
              extra={t('allowances.programme.areaHint')}
              rules={[{ required: true, message: t('allowances.programme.areaRequired') }]}
            >
              <AreaTreeSelect selectable={['district', 'subdistrict', 'community']} deepest="community" data-testid="programme-area" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="org_kind" label={t('allowances.programme.orgKind')} rules={[{ required: true }]}>
              <Select data-testid="programme-org-kind" options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="post_title"
              label={t('allowances.programme.postTitle')}
              extra={t('allowances.programme.postTitleHint')}
              rules={[{ required: true, whitespace: true, message: t('allowances.programme.postTitleRequired') }]}
            >
              <Input maxLength={40} data-testid="programme-post-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="amount_yuan"
              label={t('allowances.programme.amount')}
              rules={[{ required: true, type: 'number', min: 0.01, max: 100000, message: t('allowances.programme.amountRange') }]}
            >
              <InputNumber<number> style={{ width: '100%' }} min={0.01} max={100000} precision={2} step={100} suffix={t('allowances.yuanPerMonth')} {...yuanInput} data-testid="programme-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="annual_budget_yuan"
              label={t('allowances.programme.annualBudget')}
              rules={[{ required: true, type: 'number', min: 0.01, message: t('allowances.programme.budgetRequired') }]}
            >
              <InputNumber<number> style={{ width: '100%' }} min={0.01} precision={2} step={10000} suffix={t('allowances.yuan')} {...yuanInput} data-testid="programme-budget" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="required_result" label={t('allowances.programme.requiredResult')} extra={t('allowances.programme.requiredResultHint')}>
              <Select
                data-testid="programme-required"
                options={[
                  { value: 'qualified', label: t('allowances.requiredResults.qualified') },
                  { value: 'excellent', label: t('allowances.requiredResults.excellent') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="pro_rata" label={t('allowances.programme.proRata')} valuePropName="checked" tooltip={t('allowances.programme.proRataRule')}>
              <Switch data-testid="programme-pro-rata" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="active" label={t('allowances.programme.active')} valuePropName="checked">
              <Switch data-testid="programme-active" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
