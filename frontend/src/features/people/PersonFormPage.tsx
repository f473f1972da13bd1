import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, Row, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { knownFields } from '../../api/problem';
import type { Person, PersonInput } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { CompoundSelect } from '../registry/CompoundSelect';
import { isStale } from '../registry/isStale';
import { createPerson, fetchPerson, ID_NUMBER_PATTERN, PHONE_PATTERN, personKeys, updatePerson, usePerson } from './api';
import { RecordFormPage } from '../registry/RecordFormPage';

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
  const { id } = useParams();
  const editing = !!id;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = usePerson(id);
  const [etag, setEtag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const clearPhone = Form.useWatch('clear_phone', form) ?? false;
  const clearId = Form.useWatch('clear_id_number', form) ?? false;

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(toValues(existing.data.data));
      setEtag(existing.data.etag);
    }
  }, [existing.data, form]);

  async function reloadAfterConflict() {
    const fresh = await fetchPerson(id!);
    queryClient.setQueryData(personKeys.one(id!), fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh.data));
    setEtag(fresh.etag);
  }

  async function submit(values: Values) {
    setSaving(true);
    try {
      const body = toBody(values);
      const saved = editing ? await updatePerson(id!, etag ?? '*', body) : await createPerson(body);
      queryClient.setQueryData(personKeys.one(saved.data.id), saved);
      await queryClient.invalidateQueries({ queryKey: personKeys.all });
      void message.success(editing ? t('people.saved') : t('people.created'));
      navigate(`/people/${saved.data.id}`, { replace: true });
    } catch (e) {
      if (editing && isStale(e)) {
        notification.warning({ title: t('people.stale'), placement: 'topRight' });
        await reloadAfterConflict().catch((err) => showOnForm(form, err, FIELDS));
      } else {
        showOnForm(form, e, FIELDS);
      }
    } finally {
      setSaving(false);
    }
  }

  const person = existing.data?.data;
  const hadPhone = !!person?.phone;
  const hadId = !!person?.id_number;

  /** On edit, a recorded value must be typed again or cleared on purpose. */
  const reenter = (had: boolean, clearField: keyof Values, message: string) => ({
    validator: async (_: unknown, value?: string) => {
      if (had && !form.getFieldValue(clearField) && !value?.trim()) throw new Error(message);
    },
  });

  return (
    <RecordFormPage<Values>
      editing={editing}
      record={existing}
      back="/people"
      title={editing ? t('people.editTitle', { name: person?.name ?? '' }) : t('people.createTitle')}
      form={form}
      initialValues={{ is_party_member: false, home_compound_id: search.get('compound_id') ?? undefined }}
      onFinish={submit}
      saving={saving}
      testId="person-form"
      saveTestId="save-person"
      autoComplete="off"
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('fields.display_name')}
            rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}
          >
            <Input maxLength={50} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="home_compound_id"
            label={t('fields.home_compound_id')}
            extra={t('people.homeHint')}
            rules={[{ required: true, message: t('people.homeRequired') }]}
          >
            <CompoundSelect
              placeholder={t('common.compoundPlaceholder')}
              known={person?.home_compound_id && person.home_compound_name ? { [person.home_compound_id]: person.home_compound_name } : undefined}
              data-testid="person-home"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="is_party_member" label={t('fields.is_party_member')} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="employer" label={t('fields.employer')} extra={t('people.employerHint')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('fields.phone')}
            extra={hadPhone ? t('people.reenterHint', { value: person?.phone }) : t('people.phoneHint')}
            dependencies={['clear_phone']}
            rules={[
              { pattern: PHONE_PATTERN, message: t('users.phonePattern') },
              reenter(hadPhone, 'clear_phone', t('people.phoneReenter')),
            ]}
          >
            <Input maxLength={21} inputMode="tel" disabled={clearPhone} />
          </Form.Item>
          {hadPhone && (
            <Form.Item name="clear_phone" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox>{t('users.phoneClear')}</Checkbox>
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="id_number"
            label={t('fields.id_number')}
            extra={hadId ? t('people.reenterHint', { value: person?.id_number }) : t('people.idHint')}
            dependencies={['clear_id_number']}
            rules={[
              { pattern: ID_NUMBER_PATTERN, message: t('people.idPattern') },
              reenter(hadId, 'clear_id_number', t('people.idReenter')),
            ]}
          >
            <Input maxLength={18} disabled={clearId} />
          </Form.Item>
          {hadId && (
            <Form.Item name="clear_id_number" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox>{t('people.idClear')}</Checkbox>
            </Form.Item>
          )}
        </Col>
      </Row>
    </RecordFormPage>
  );
}
