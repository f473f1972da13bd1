import { App, Button, Card, Col, Form, Input, Row, Space, Switch } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { idempotencyKeys } from '../../api/idempotency';
import { knownFields } from '../../api/problem';
import type { NewComplaint } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { CompoundSelect } from '../registry/CompoundSelect';
import { createComplaint } from './api';
import { COMPLAINT_FIELDS, ComplaintFields } from './ComplaintFields';
import { useComplaintUpdated } from './ComplaintActions';
import { PHONE_PATTERN } from './model';

interface Values {
  compound_id?: string;
  category?: string;
  title?: string;
  description?: string;
  anonymous?: boolean;
  complainant_name?: string;
  complainant_phone?: string;
}

const FIELDS = knownFields(COMPLAINT_FIELDS);

function toBody(v: Values): NewComplaint {
  const anonymous = !!v.anonymous;
  return {
    compound_id: v.compound_id ?? '',
    category: v.category ?? '',
    title: (v.title ?? '').trim(),
    description: (v.description ?? '').trim(),
    anonymous,
    complainant_name: anonymous ? null : v.complainant_name?.trim() || null,
    complainant_phone: anonymous ? null : v.complainant_phone?.trim() || null,
  };
}

/** Staff file a complaint for a walk-in or a caller; photos are added on the complaint's page. */
export default function ComplaintCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const updated = useComplaintUpdated();
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const [saving, setSaving] = useState(false);
  const keys = useRef(idempotencyKeys());

  async function submit(values: Values) {
    const body = toBody(values);
    setSaving(true);
    try {
      const created = await createComplaint(body, keys.current.keyFor(body));
      keys.current.reset();
      updated(created);
      void message.success(t('complaints.filed', { number: created.data.number }));
      navigate(`/complaints/${created.data.id}`, { replace: true });
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('complaints.createTitle')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ anonymous: false }}
        style={{ maxWidth: 880 }}
        data-testid="complaint-form"
        autoComplete="off"
      >
        <Form.Item name="compound_id" label={t('complaints.compound')} rules={[{ required: true, message: t('complaints.compoundRequired') }]}>
          <CompoundSelect data-testid="complaint-compound" placeholder={t('complaints.compoundPlaceholder')} />
        </Form.Item>
        <ComplaintFields />
        <Form.Item name="anonymous" label={t('complaints.anonymousLabel')} valuePropName="checked" extra={t('complaints.anonymousHint')}>
          <Switch data-testid="complaint-anonymous" />
        </Form.Item>
        {!anonymous && (
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="complainant_name"
                label={t('complaints.callerName')}
                rules={[{ required: true, whitespace: true, message: t('complaints.callerNameRequired') }]}
              >
                <Input maxLength={50} data-testid="complaint-caller-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="complainant_phone"
                label={t('complaints.callerPhone')}
                rules={[
                  { required: true, message: t('complaints.callerPhoneRequired') },
                  { pattern: PHONE_PATTERN, message: t('complaints.phonePattern') },
                ]}
              >
                <Input maxLength={21} inputMode="tel" data-testid="complaint-caller-phone" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-complaint">
            {t('complaints.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
