import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Row, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { grantableRoles } from '../../access';
import { idempotencyKeys } from '../../api/idempotency';
import type { NewUser, Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { FieldCol } from '../../components/FieldCol';
import { FormRows } from '../../components/FormRows';
import { useProblem } from '../../lib/useProblem';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { RecordFormPage } from '../registry/RecordFormPage';
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
    <RecordFormPage<Values>
      editing={false}
      title={t('users.createTitle')}
      form={form}
      initialValues={{ grants: [{}] }}
      onFinish={submit}
      saving={saving}
      testId="user-form"
      saveTestId="save-user"
      autoComplete="off"
    >
      <Row gutter={24}>
        <FieldCol
          name="username"
          label={t('fields.username')}
          extra={t('users.usernameHint')}
          requiredMessage={t('users.usernameRequired')}
          text
          rules={[{ pattern: USERNAME_PATTERN, message: t('users.usernamePattern') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </FieldCol>
        <FieldCol name="display_name" label={t('fields.display_name')} requiredMessage={t('users.displayNameRequired')} text>
          <Input maxLength={100} showCount />
        </FieldCol>
        <FieldCol
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHint')}
          requiredMessage={t('users.passwordRequired')}
          rules={[{ min: 10, message: t('users.passwordLength') }]}
        >
          <Input.Password maxLength={256} autoComplete="new-password" />
        </FieldCol>
        <FieldCol name="phone" label={t('fields.phone')} extra={t('users.phoneHint')} rules={[{ pattern: PHONE_PATTERN, message: t('users.phonePattern') }]}>
          <Input maxLength={21} inputMode="tel" />
        </FieldCol>
      </Row>

      <Typography.Title level={5}>{t('users.grantsTitle')}</Typography.Title>
      <FormRows
        name="grants"
        rules={[
          {
            validator: async (_, grants?: unknown[]) => {
              if (!grants || grants.length === 0) throw new Error(t('users.grantsRequired'));
            },
          },
        ]}
        gutter={16}
        removeLabel={t('users.removeRow')}
        removeCol={{ xs: 4, md: 4 }}
        removable={(rows) => rows > 1}
        addLabel={t('users.addRow')}
        newRow={() => ({})}
      >
        {(row) => (
          <>
            <FieldCol col={{ xs: 24, md: 8 }} name={[row.name, 'role']} label={t('fields.role')} requiredMessage={t('users.roleRequired')}>
              <RoleSelect roles={roles} data-testid={`grant-role-${row.name}`} />
            </FieldCol>
            <FieldCol col={{ xs: 20, md: 12 }} name={[row.name, 'area_id']} label={t('fields.area_id')} requiredMessage={t('users.areaRequired')}>
              <AreaTreeSelect
                deepest="compound"
                placeholder={t('users.areaPlaceholder')}
                data-testid={`grant-area-${row.name}`}
                style={{ width: '100%' }}
              />
            </FieldCol>
          </>
        )}
      </FormRows>
    </RecordFormPage>
  );
}
