import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, knownFields } from '../../api/problem';
import type { Compound, CompoundInput, GovernanceMode } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { compoundKeys, createCompound, fetchCompound, GOVERNANCE_MODES, updateCompound, useCompound } from './api';
import { RecordFormPage } from '../registry/RecordFormPage';

interface Values {
  community_id?: string;
  name?: string;
  address?: string;
  location?: { lat?: number | null; lon?: number | null };
  year_built?: number | null;
  building_count?: number;
  household_count?: number;
  is_open: boolean;
  governance_mode?: GovernanceMode;
}

/** Server field names this form shows; errors for others go to a notification. */
const FIELDS = knownFields([
  'community_id',
  'name',
  'address',
  'location',
  'location.lat',
  'location.lon',
  'year_built',
  'building_count',
  'household_count',
  'is_open',
  'governance_mode',
]);

function toValues(c: Compound): Values {
  return {
    community_id: c.community_id,
    name: c.name,
    address: c.address,
    location: { lat: c.location?.lat ?? null, lon: c.location?.lon ?? null },
    year_built: c.year_built ?? null,
    building_count: c.building_count,
    household_count: c.household_count,
    is_open: c.is_open,
    governance_mode: c.governance_mode,
  };
}

function toBody(v: Values): CompoundInput {
  const lat = v.location?.lat;
  const lon = v.location?.lon;
  return {
    community_id: v.community_id ?? '',
    name: (v.name ?? '').trim(),
    address: (v.address ?? '').trim(),
    location: lat != null && lon != null ? { lat, lon } : null,
    year_built: v.year_built ?? null,
    building_count: v.building_count ?? 0,
    household_count: v.household_count ?? 0,
    is_open: v.is_open,
    governance_mode: v.governance_mode ?? 'property_managed',
  } as CompoundInput;
}

export default function CompoundFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = useCompound(id);
  const [etag, setEtag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(toValues(existing.data.compound));
      setEtag(existing.data.etag);
    }
  }, [existing.data, form]);

  async function reloadAfterConflict() {
    const fresh = await fetchCompound(id!);
    queryClient.setQueryData(compoundKeys.one(id!), fresh);
    // Start from the stored record: drop the user's edits and any old field errors.
    form.resetFields();
    form.setFieldsValue(toValues(fresh.compound));
    setEtag(fresh.etag);
  }

  async function submit(values: Values) {
    setSaving(true);
    try {
      const body = toBody(values);
      const saved = editing ? await updateCompound(id!, etag ?? '*', body) : await createCompound(body);
      await queryClient.invalidateQueries({ queryKey: compoundKeys.all });
      void message.success(editing ? t('compounds.saved') : t('compounds.created'));
      navigate(`/compounds/${saved.id}`, { replace: true });
    } catch (e) {
      if (editing && e instanceof ApiError && (e.status === 412 || e.status === 428)) {
        notification.warning({ title: t('compounds.stale'), placement: 'topRight' });
        await reloadAfterConflict().catch((err) => showOnForm(form, err, FIELDS));
      } else {
        showOnForm(form, e, FIELDS);
      }
    } finally {
      setSaving(false);
    }
  }

  const title = editing
    ? t('compounds.editTitle', { name: existing.data?.compound.name ?? '' })
    : t('compounds.createTitle');
  const initial: Values = {
    is_open: false,
    governance_mode: 'property_managed',
    community_id: search.get('community_id') ?? undefined,
    location: { lat: null, lon: null },
  };

  return (
    <RecordFormPage<Values>
      editing={editing}
      record={existing}
      back="/compounds"
      title={title}
      form={form}
      initialValues={initial}
      onFinish={submit}
      saving={saving}
      testId="compound-form"
      saveTestId="save-compound"
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="community_id"
            label={t('fields.community_id')}
            rules={[{ required: true, message: t('compounds.communityRequired') }]}
          >
            {/* A compound never moves to another community once registered. */}
            <AreaTreeSelect
              selectable={['community']}
              deepest="community"
              placeholder={t('compounds.communityPlaceholder')}
              disabled={editing}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('fields.name')}
            rules={[{ required: true, whitespace: true, message: t('compounds.nameRequired') }]}
          >
            <Input maxLength={100} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="address"
            label={t('fields.address')}
            rules={[{ required: true, whitespace: true, message: t('compounds.addressRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['location', 'lat']} label={t('compounds.lat')} extra={t('compounds.locationHint')}>
            <InputNumber style={{ width: '100%' }} min={-90} max={90} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['location', 'lon']} label={t('compounds.lon')}>
            <InputNumber style={{ width: '100%' }} min={-180} max={180} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="year_built" label={t('fields.year_built')}>
            <InputNumber style={{ width: '100%' }} min={1900} max={2100} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="is_open" label={t('fields.is_open')} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="building_count"
            label={t('fields.building_count')}
            rules={[{ required: true, message: t('compounds.countRequired') }]}
          >
            <InputNumber style={{ width: '100%' }} min={0} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="household_count"
            label={t('fields.household_count')}
            rules={[{ required: true, message: t('compounds.countRequired') }]}
          >
            <InputNumber style={{ width: '100%' }} min={0} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="governance_mode"
            label={t('fields.governance_mode')}
            rules={[{ required: true, message: t('compounds.modeRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={GOVERNANCE_MODES.map((m) => ({ value: m, label: t(`governanceModes.${m}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormPage>
  );
}
