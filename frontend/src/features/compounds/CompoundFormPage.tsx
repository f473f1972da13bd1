import { InputNumber, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Compound, CompoundInput, GovernanceMode } from '../../api/types';
import { FieldCol } from '../../components/FieldCol';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { RecordFormPage } from '../registry/RecordFormPage';
import { SiteFields } from '../registry/SiteFields';
import { compoundKeys, createCompound, fetchCompound, GOVERNANCE_MODES, updateCompound, useCompound } from './api';

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
  const { t } = useTranslation();
  const { editing, search, page } = useVersionedForm({
    useRecord: useCompound,
    keys: compoundKeys,
    fetchOne: fetchCompound,
    create: createCompound,
    update: updateCompound,
    toValues,
    toBody,
    toFormPath: FIELDS,
    feature: 'compounds',
    titleArgs: (c) => ({ name: c.name }),
  });

  const initial: Values = {
    is_open: false,
    governance_mode: 'property_managed',
    community_id: search.get('community_id') ?? undefined,
    location: { lat: null, lon: null },
  };

  return (
    <RecordFormPage<Values> {...page} initialValues={initial} testId="compound-form" saveTestId="save-compound">
      <Row gutter={24}>
        <SiteFields editing={editing} nameRequired={t('compounds.nameRequired')} locationHint={t('compounds.locationHint')} />
        <FieldCol width="quarter" name="year_built" label={t('fields.year_built')}>
          <InputNumber style={{ width: '100%' }} min={1900} max={2100} precision={0} />
        </FieldCol>
        <FieldCol width="quarter" name="is_open" label={t('fields.is_open')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </FieldCol>
        {(['building_count', 'household_count'] as const).map((count) => (
          <FieldCol key={count} width="quarter" name={count} label={t(`fields.${count}`)} requiredMessage={t('compounds.countRequired')}>
            <InputNumber style={{ width: '100%' }} min={0} precision={0} />
          </FieldCol>
        ))}
        <FieldCol name="governance_mode" label={t('fields.governance_mode')} requiredMessage={t('compounds.modeRequired')}>
          <Radio.Group
            optionType="button"
            options={GOVERNANCE_MODES.map((m) => ({ value: m, label: t(`governanceModes.${m}`) }))}
          />
        </FieldCol>
      </Row>
    </RecordFormPage>
  );
}
