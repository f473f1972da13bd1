import { Alert, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Contract, ContractInput } from '../../api/types';
import { FieldCol } from '../../components/FieldCol';
import { fromDay, toDay, type Dayjs } from '../../lib/dates';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { CompoundSelect } from '../registry/CompoundSelect';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { feeYuan, yuanToFen } from '../registry/format';
import { contractKeys, createContract, fetchContract, updateContract, useContract } from './api';
import { RecordFormPage } from '../registry/RecordFormPage';

interface Values {
  company_id?: string;
  title?: string;
  start_date?: Dayjs;
  end_date?: Dayjs;
  /** Yuan per m² per month; the API stores fen. */
  fee_yuan?: number | null;
  service_items?: string[];
  compound_ids?: string[];
}

/** Server field -> form path: the fee is typed in yuan under another name. */
function toFormPath(field: string) {
  if (field === 'fee_fen_per_sqm') return ['fee_yuan'];
  return knownFields(['company_id', 'title', 'start_date', 'end_date', 'service_items', 'compound_ids'])(field);
}

const SERVICE_ITEMS = ['保洁', '保安', '绿化养护', '设施维修', '电梯维保', '停车管理', '垃圾清运', '秩序维护'];

function toValues(c: Contract): Values {
  return {
    company_id: c.company_id,
    title: c.title,
    start_date: toDay(c.start_date),
    end_date: toDay(c.end_date),
    fee_yuan: Number(feeYuan(c.fee_fen_per_sqm)),
    service_items: c.service_items,
    compound_ids: c.compound_ids,
  };
}

function toBody(v: Values): ContractInput {
  return {
    company_id: v.company_id ?? '',
    title: (v.title ?? '').trim(),
    start_date: fromDay(v.start_date) ?? '',
    end_date: fromDay(v.end_date) ?? '',
    fee_fen_per_sqm: yuanToFen(v.fee_yuan ?? 0),
    service_items: (v.service_items ?? []).map((s) => s.trim()).filter(Boolean),
    compound_ids: v.compound_ids ?? [],
  };
}

export default function ContractFormPage() {
  const { t } = useTranslation();
  const { form, editing, search, existing, page } = useVersionedForm({
    useRecord: useContract,
    keys: contractKeys,
    fetchOne: fetchContract,
    create: createContract,
    update: updateContract,
    toValues,
    toBody,
    toFormPath,
    feature: 'contracts',
    titleArgs: (c) => ({ name: c.title }),
  });
  const chosen = Form.useWatch('compound_ids', form) ?? [];

  // The names the record came with, so the picker shows names without reading each compound.
  const known = useMemo(() => {
    const c = existing.data?.data;
    return c ? Object.fromEntries(c.compound_ids.map((cid, i) => [cid, c.compound_names[i]])) : undefined;
  }, [existing.data]);

  const initial: Values = {
    company_id: search.get('company_id') ?? undefined,
    compound_ids: search.get('compound_id') ? [search.get('compound_id')!] : [],
    service_items: [],
  };

  return (
    <RecordFormPage<Values> {...page} initialValues={initial} testId="contract-form" saveTestId="save-contract" autoComplete="off">
      <Row gutter={24}>
        <FieldCol
          name="company_id"
          label={t('fields.company_id')}
          extra={editing ? t('contracts.companyFixed') : undefined}
          requiredMessage={t('contracts.companyRequired')}
        >
          <OrganisationSelect
            kind="property_company"
            disabled={editing}
            placeholder={t('contracts.companyPlaceholder')}
            known={existing.data ? { [existing.data.data.company_id]: existing.data.data.company_name } : undefined}
            data-testid="contract-company"
          />
        </FieldCol>
        <FieldCol name="title" label={t('fields.title')} requiredMessage={t('contracts.titleRequired')} text>
          <Input maxLength={100} showCount />
        </FieldCol>
        <FieldCol width="quarter" name="start_date" label={t('fields.start_date')} requiredMessage={t('contracts.startRequired')}>
          <DatePicker style={{ width: '100%' }} data-testid="contract-start" />
        </FieldCol>
        <FieldCol
          width="quarter"
          name="end_date"
          label={t('fields.end_date')}
          dependencies={['start_date']}
          requiredMessage={t('contracts.endRequired')}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, end?: Dayjs) => {
                const start: Dayjs | undefined = getFieldValue('start_date');
                if (start && end && end.isBefore(start, 'day')) throw new Error(t('contracts.endBeforeStart'));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="contract-end" />
        </FieldCol>
        <FieldCol name="fee_yuan" label={t('fields.fee_fen_per_sqm')} requiredMessage={t('contracts.feeRequired')}>
          <InputNumber style={{ width: '100%' }} min={0} max={1000} precision={2} step={0.1} suffix={t('contracts.feeUnit')} data-testid="contract-fee-input" />
        </FieldCol>
        <FieldCol
          width="full"
          name="compound_ids"
          label={t('fields.compound_ids')}
          extra={chosen.length > 1 ? t('contracts.bundleHint', { count: chosen.length }) : t('contracts.compoundsHint')}
          rules={[{ type: 'array', min: 1, required: true, message: t('contracts.compoundsRequired') }]}
        >
          <CompoundSelect mode="multiple" known={known} placeholder={t('contracts.compoundsPlaceholder')} data-testid="contract-compounds" />
        </FieldCol>
        <FieldCol width="full" name="service_items" label={t('fields.service_items')} extra={t('contracts.itemsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} options={SERVICE_ITEMS.map((s) => ({ value: s, label: s }))} maxCount={30} />
        </FieldCol>
      </Row>
      {chosen.length > 1 && (
        <Alert type="info" showIcon title={t('contracts.bundleNotice', { count: chosen.length })} style={{ marginBottom: 16 }} />
      )}
    </RecordFormPage>
  );
}
