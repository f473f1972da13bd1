import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { knownFields } from '../../api/problem';
import type { Organisation, OrganisationInput, OrgKind } from '../../api/types';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { CompoundSelect } from '../registry/CompoundSelect';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { ORG_KINDS } from '../registry/kinds';
import { createOrganisation, fetchOrganisation, organisationKeys, updateOrganisation, useOrganisation } from './api';
import { RecordFormPage } from '../registry/RecordFormPage';

interface Values {
  kind?: OrgKind;
  name?: string;
  area_id?: string;
  parent_id?: string;
  contact_phone?: string;
  compound_ids?: string[];
}

const FIELDS = knownFields(['kind', 'name', 'area_id', 'parent_id', 'contact_phone', 'compound_ids']);
const PHONE = /^[0-9+-]{3,30}$/;

function toValues(o: Organisation): Values {
  return {
    kind: o.kind,
    name: o.name,
    area_id: o.area_id,
    parent_id: o.parent_id ?? undefined,
    contact_phone: o.contact_phone ?? '',
    compound_ids: o.compound_ids,
  };
}

function toBody(v: Values): OrganisationInput {
  const phone = v.contact_phone?.trim();
  return {
    kind: v.kind ?? 'partner',
    name: (v.name ?? '').trim(),
    area_id: v.area_id ?? '',
    parent_id: v.parent_id ?? null,
    contact_phone: phone ? phone : null,
    compound_ids: v.compound_ids ?? [],
  };
}

export default function OrganisationFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const existing = useOrganisation(id);
  const { form, saving, submit } = useVersionedForm({
    id,
    existing,
    keys: organisationKeys,
    fetchOne: fetchOrganisation,
    create: createOrganisation,
    update: updateOrganisation,
    toValues,
    toBody,
    toFormPath: FIELDS,
    feature: 'organisations',
  });

  const kindParam = search.get('kind');
  const initial: Values = {
    kind: ORG_KINDS.includes(kindParam as OrgKind) ? (kindParam as OrgKind) : undefined,
    area_id: search.get('area_id') ?? undefined,
    compound_ids: search.get('compound_id') ? [search.get('compound_id')!] : [],
  };

  return (
    <RecordFormPage<Values>
      editing={editing}
      record={existing}
      back="/organisations"
      title={ editing ? t('organisations.editTitle', { name: existing.data?.data.name ?? '' }) : t('organisations.createTitle') }
      form={form}
      initialValues={initial}
      onFinish={submit}
      saving={saving}
      testId="organisation-form"
      saveTestId="save-organisation"
      autoComplete="off"
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t('fields.kind')}
            rules={[{ required: true, message: t('organisations.kindRequired') }]}
            extra={editing ? t('organisations.kindFixed') : undefined}
          >
            <Select<OrgKind>
              disabled={editing}
              data-testid="organisation-kind"
              placeholder={t('organisations.kindPlaceholder')}
              options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('fields.name')}
            rules={[{ required: true, whitespace: true, message: t('organisations.nameRequired') }]}
          >
            <Input maxLength={100} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="area_id"
            label={t('organisations.area')}
            extra={t('organisations.areaHint')}
            rules={[{ required: true, message: t('organisations.areaRequired') }]}
          >
            <AreaTreeSelect deepest="compound" placeholder={t('organisations.areaPlaceholder')} data-testid="organisation-area" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="parent_id" label={t('organisations.parent')} extra={t('organisations.parentHint')}>
            <OrganisationSelect placeholder={t('organisations.parentPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contact_phone"
            label={t('fields.contact_phone')}
            rules={[{ pattern: PHONE, message: t('organisations.phonePattern') }]}
          >
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="compound_ids"
            label={t('fields.compound_ids')}
            extra={t('organisations.compoundsHint')}
            rules={[{ type: 'array', max: 50, message: t('organisations.compoundsMax') }]}
          >
            <CompoundSelect mode="multiple" placeholder={t('organisations.compoundsPlaceholder')} data-testid="organisation-compounds" />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormPage>
  );
}
