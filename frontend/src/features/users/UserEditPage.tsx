import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Result, Row, Skeleton, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorNotice, knownFields } from '../../api/problem';
import type { User, UserUpdate } from '../../api/types';
import { translate } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { fetchUser, PHONE_PATTERN, updateUser, userKeys, useUser } from './api';

interface Values {
  display_name?: string;
  phone?: string;
  clear_phone?: boolean;
  is_active: boolean;
}

const FIELDS = knownFields(['display_name', 'phone', 'is_active']);

function toValues(u: User): Values {
  // The phone comes masked and is never filled back in: PUT replaces it, so it must
  // be typed again (or cleared on purpose).
  return { display_name: u.display_name, phone: '', clear_phone: false, is_active: u.is_active };
}

function toBody(v: Values): UserUpdate {
  const phone = v.phone?.trim();
  return {
    display_name: (v.display_name ?? '').trim(),
    phone: v.clear_phone || !phone ? null : phone,
    is_active: v.is_active,
  };
}

export default function UserEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = useUser(id);
  const [etag, setEtag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const clearing = Form.useWatch('clear_phone', form) ?? false;
  const active = Form.useWatch('is_active', form) ?? true;

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(toValues(existing.data.data));
      setEtag(existing.data.etag);
    }
  }, [existing.data, form]);

  async function reloadAfterConflict() {
    const fresh = await fetchUser(id!);
    queryClient.setQueryData(userKeys.one(id!), fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh.data));
    setEtag(fresh.etag);
  }

  async function submit(values: Values) {
    setSaving(true);
    try {
      const saved = await updateUser(id!, etag ?? '*', toBody(values));
      queryClient.setQueryData(userKeys.one(id!), saved);
      await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void message.success(t('users.saved'));
      navigate(`/users/${id}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 428)) {
        notification.warning({ title: t('users.stale'), placement: 'topRight' });
        await reloadAfterConflict().catch((err) => showOnForm(form, err, FIELDS));
      } else {
        showOnForm(form, e, FIELDS);
      }
    } finally {
      setSaving(false);
    }
  }

  if (existing.isPending) return <Card><Skeleton active /></Card>;
  if (existing.isError) {
    return (
      <Result
        status="warning"
        title={errorNotice(existing.error, translate).message}
        extra={<Link to="/users"><Button>{t('common.back')}</Button></Link>}
      />
    );
  }
  const user = existing.data.data;
  const hadPhone = !!user.phone;

  return (
    <Card title={t('users.editTitle', { name: user.display_name, username: user.username })}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(user)}
        onFinish={submit}
        style={{ maxWidth: 720 }}
        scrollToFirstError
        data-testid="user-edit-form"
        autoComplete="off"
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label={t('fields.username')}>
              <Input value={user.username} disabled />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="display_name"
              label={t('fields.display_name')}
              rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
            >
              <Input maxLength={100} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('fields.phone')}
              extra={hadPhone ? t('users.phoneReenterHint', { phone: user.phone }) : t('users.phoneHint')}
              dependencies={['clear_phone']}
              rules={[
                { pattern: PHONE_PATTERN, message: t('users.phonePattern') },
                {
                  validator: async (_, value?: string) => {
                    if (hadPhone && !form.getFieldValue('clear_phone') && !value?.trim()) {
                      throw new Error(t('users.phoneReenter'));
                    }
                  },
                },
              ]}
            >
              <Input maxLength={21} inputMode="tel" disabled={clearing} placeholder={user.phone ?? undefined} />
            </Form.Item>
            {hadPhone && (
              <Form.Item name="clear_phone" valuePropName="checked" style={{ marginTop: -8 }}>
                <Checkbox>{t('users.phoneClear')}</Checkbox>
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="is_active" label={t('fields.is_active')} valuePropName="checked">
              <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
            </Form.Item>
          </Col>
        </Row>
        {user.is_active && !active && (
          <Alert type="warning" showIcon title={t('users.deactivateWarning')} style={{ marginBottom: 16 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-user">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
