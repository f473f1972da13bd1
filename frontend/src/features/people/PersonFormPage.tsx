import { Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Person, PersonInput } from '../../api/types';
import { FieldCol } from '../../components/FieldCol';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { CompoundSelect } from '../registry/CompoundSelect';
import { RecordFormPage } from '../registry/RecordFormPage';
import { PhoneReenterField, ReenterField } from '../registry/ReenterField';
import { createPerson, fetchPerson, ID_NUMBER_PATTERN, personKeys, updatePerson, usePerson } from './api';

interface Values {
  name?: string;
  home_compound_id?: string;
  is_party_member: boolean;
  employer?: string;
  phone?: string;
  clear_phone?: boolean;
  id_number?: string;
  clear_id_number?: boolean;
}

const FIELDS = knownFields(['name', 'home_compound_id', 'is_party_member', 'employer', 'phone', 'id_number']);

function toValues(p: Person): Values {
  // Phone and ID number come masked and are never filled back in: PUT replaces them,
  // so they must be typed again (or cleared on purpose).
  return {
    name: p.name,
    home_compound_id: p.home_compound_id ?? undefined,
    is_party_member: p.is_party_member,
    employer: p.employer ?? '',
    phone: '',
    clear_phone: false,
    id_number: '',
    clear_id_number: false,
  };
}

function toBody(v: Values): PersonInput {
  const text = (s: string | undefined, clear?: boolean) => (clear || !s?.trim() ? null : s.trim());
  return {
    name: (v.name ?? '').trim(),
    home_compound_id: v.home_compound_id ?? '',
    is_party_member: v.is_party_member,
    employer: text(v.employer),
    phone: text(v.phone, v.clear_phone),
    id_number: text(v.id_number, v.clear_id_number)?.toUpperCase() ?? null,
  };
}

export default function PersonFormPage() {
  const { t } = useTranslation();
  const { form, search, record: person, page } = useVersionedForm({
    useRecord: usePerson,
    keys: personKeys,
    fetchOne: fetchPerson,
    create: createPerson,
    update: updatePerson,
    toValues,
    toBody,
    toFormPath: FIELDS,
    feature: 'people',
    titleArgs: (p) => ({ name: p.name }),
  });
  const hadPhone = !!person?.phone;
  const hadId = !!person?.id_number;

  return (
    <RecordFormPage<Values>
      {...page}
      initialValues={{ is_party_member: false, home_compound_id: search.get('compound_id') ?? undefined }}
      testId="person-form"
      saveTestId="save-person"
      autoComplete="off"
    >
      <Row gutter={24}>
        <FieldCol name="name" label={t('fields.display_name')} requiredMessage={t('people.nameRequired')} text>
          <Input maxLength={50} showCount />
        </FieldCol>
        <FieldCol
          name="home_compound_id"
          label={t('fields.home_compound_id')}
          extra={t('people.homeHint')}
          requiredMessage={t('people.homeRequired')}
        >
          <CompoundSelect
            placeholder={t('common.compoundPlaceholder')}
            known={person?.home_compound_id && person.home_compound_name ? { [person.home_compound_id]: person.home_compound_name } : undefined}
            data-testid="person-home"
          />
        </FieldCol>
        <FieldCol name="is_party_member" label={t('fields.is_party_member')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </FieldCol>
        <FieldCol name="employer" label={t('fields.employer')} extra={t('people.employerHint')}>
          <Input maxLength={100} />
        </FieldCol>
        <PhoneReenterField
          form={form}
          had={hadPhone}
          extra={hadPhone ? t('people.reenterHint', { value: person?.phone }) : t('people.phoneHint')}
          reenterMessage={t('people.phoneReenter')}
        />
        <ReenterField
          form={form}
          name="id_number"
          clearName="clear_id_number"
          label={t('fields.id_number')}
          had={hadId}
          extra={hadId ? t('people.reenterHint', { value: person?.id_number }) : t('people.idHint')}
          pattern={ID_NUMBER_PATTERN}
          patternMessage={t('people.idPattern')}
          reenterMessage={t('people.idReenter')}
          clearLabel={t('people.idClear')}
          input={{ maxLength: 18 }}
        />
      </Row>
    </RecordFormPage>
  );
}
