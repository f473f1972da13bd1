import { Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Organisation, OrganisationInput, OrgKind } from '../../api/types';
import { FieldCol } from '../../components/FieldCol';
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
  const { t } = useTranslation();
  const { editing, search, page } = useVersionedForm({
    useRecord: useOrganisation,
    keys: organisationKeys,
    fetchOne: fetchOrganisation,
    create: createOrganisation,
    update: updateOrganisation,
    toValues,
    toBody,
    toFormPath: FIELDS,
    feature: 'organisations',
    titleArgs: (o) => ({ name: o.name }),
  });

  const kindParam = search.get('kind');
  const initial: Values = {
    kind: ORG_KINDS.includes(kindParam as OrgKind) ? (kindParam as OrgKind) : undefined,
    area_id: search.get('area_id') ?? undefined,
    compound_ids: search.get('compound_id') ? [search.get('compound_id')!] : [],
  };

  return (
    <RecordFormPage<Values> {...page} initialValues={initial} testId="organisation-form" saveTestId="save-organisation" autoComplete="off">
      <Row gutter={24}>
        <FieldCol
          name="kind"
          label={t('fields.kind')}
          requiredMessage={t('organisations.kindRequired')}
          extra={editing ? t('organisations.kindFixed') : undefined}
        >
          <Select<OrgKind>
            disabled={editing}
            data-testid="organisation-kind"
            placeholder={t('organisations.kindPlaceholder')}
            options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
          />
        </FieldCol>
        <FieldCol name="name" label={t('fields.name')} requiredMessage={t('organisations.nameRequired')} text>
          <Input maxLength={100} showCount />
        </FieldCol>
        <FieldCol
          name="area_id"
          label={t('organisations.area')}
          extra={t('organisations.areaHint')}
          requiredMessage={t('organisations.areaRequired')}
        >
          <AreaTreeSelect deepest="compound" placeholder={t('organisations.areaPlaceholder')} data-testid="organisation-area" />
        </FieldCol>
        <FieldCol name="parent_id" label={t('organisations.parent')} extra={t('organisations.parentHint')}>
          <OrganisationSelect placeholder={t('organisations.parentPlaceholder')} />
        </FieldCol>
        <FieldCol name="contact_phone" label={t('fields.contact_phone')} rules={[{ pattern: PHONE, message: t('organisations.phonePattern') }]}>
          <Input maxLength={30} inputMode="tel" />
        </FieldCol>
        <FieldCol
          width="full"
          name="compound_ids"
          label={t('fields.compound_ids')}
          extra={t('organisations.compoundsHint')}
          rules={[{ type: 'array', max: 50, message: t('organisations.compoundsMax') }]}
        >
          <CompoundSelect mode="multiple" placeholder={t('organisations.compoundsPlaceholder')} data-testid="organisation-compounds" />
        </FieldCol>
      </Row>
    </RecordFormPage>
  );
}
