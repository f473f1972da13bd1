import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { grantableRoles } from '../../access';
import { idempotencyKeys } from '../../api/idempotency';
import type { NewUser, Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { useProblem } from '../../lib/useProblem';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { RoleSelect } from './GrantFields';
import { createUser, PHONE_PATTERN, USERNAME_PATTERN, userKeys } from './api';
import { createUserFields } from './fields';

interface Values {
  username?: string;
  display_name?: string;
  password?: string;
  phone?: string;
  grants?: { role?: Role; area_id?: string }[];
}

function toBody(v: Values): NewUser {
  const phone = v.phone?.trim();
  return {
    username: (v.username ?? '').trim(),
    display_name: (v.display_name ?? '').trim(),
    password: v.password ?? '',
    phone: phone ? phone : null,
    grants: (v.grants ?? []).map((g) => ({ role: g.role!, area_id: g.area_id ?? '' })),
  };
}

export default function UserCreatePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const keys = useRef(idempotencyKeys());
  const roles = useMemo(() => grantableRoles(me), [me]);
  const grantRows = Form.useWatch('grants', form)?.length ?? 1;

  const fields = createUserFields(grantRows);

  async function submit(values: Values) {
    setSaving(true);
    const body = toBody(values);
    try {
      const { data: created } = await createUser(body, keys.current.keyFor(body));
      keys.current.reset();
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(t('users.created'));
      navigate(`/users/${created.id}`, { replace: true });
    } catch (e) {
      showOnForm(form, e, fields);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('users.createTitle')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ grants: [{}] }}
        onFinish={submit}
        style={{ maxWidth: 880 }}
        scrollToFirstError
        data-testid="user-form"
        autoComplete="off"
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('fields.username')}
              extra={t('users.usernameHint')}
              rules={[
                { required: true, whitespace: true, message: t('users.usernameRequired') },
                { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
              ]}
            >
              <Input maxLength={64} autoComplete="off" />
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
              name="password"
              label={t('users.password')}
              extra={t('users.passwordHint')}
              rules={[
                { required: true, message: t('users.passwordRequired') },
                { min: 10, message: t('users.passwordLength') },
              ]}
            >
              <Input.Password maxLength={256} autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('fields.phone')}
              extra={t('users.phoneHint')}
              rules={[{ pattern: PHONE_PATTERN, message: t('users.phonePattern') }]}
            >
              <Input maxLength={21} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('users.grantsTitle')}</Typography.Title>
        <Form.List
          name="grants"
          rules={[
            {
              validator: async (_, grants?: unknown[]) => {
                if (!grants || grants.length === 0) throw new Error(t('users.grantsRequired'));
              },
            },
          ]}
        >
          {(rows, { add, remove }, { errors }) => (
            <>
              {rows.map((row) => (
                <Row gutter={16} key={row.key} align="top">
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[row.name, 'role']}
                      label={t('fields.role')}
                      rules={[{ required: true, message: t('users.roleRequired') }]}
                    >
                      <RoleSelect roles={roles} data-testid={`grant-role-${row.name}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={12}>
                    <Form.Item
                      name={[row.name, 'area_id']}
                      label={t('fields.area_id')}
                      rules={[{ required: true, message: t('users.areaRequired') }]}
                    >
                      <AreaTreeSelect
                        deepest="compound"
                        placeholder={t('users.areaPlaceholder')}
                        data-testid={`grant-area-${row.name}`}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={4}>
                    {rows.length > 1 && (
                      <Form.Item label=" " colon={false}>
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('users.removeRow')}
                          title={t('users.removeRow')}
                          onClick={() => remove(row.name)}
                        />
                      </Form.Item>
                    )}
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('users.addRow')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </>
          )}
        </Form.List>

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
