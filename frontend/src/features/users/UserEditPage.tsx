import { Alert, Form, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { User, UserUpdate } from '../../api/types';
import { FieldCol } from '../../components/FieldCol';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { RecordFormPage } from '../registry/RecordFormPage';
import { PhoneReenterField } from '../registry/ReenterField';
import { fetchUser, updateUser, userKeys, useUser } from './api';

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
  const { t } = useTranslation();
  const { form, record: user, page } = useVersionedForm({
    useRecord: useUser,
    keys: userKeys,
    fetchOne: fetchUser,
    update: updateUser,
    toValues,
    toBody,
    toFormPath: FIELDS,
    feature: 'users',
    titleArgs: (u) => ({ name: u.display_name, username: u.username }),
  });
  const active = Form.useWatch('is_active', form) ?? true;
  const hadPhone = !!user?.phone;

  return (
    <RecordFormPage<Values>
      {...page}
      initialValues={user && toValues(user)}
      maxWidth={720}
      testId="user-edit-form"
      saveTestId="save-user"
      autoComplete="off"
    >
      <Row gutter={24}>
        <FieldCol label={t('fields.username')}>
          <Input value={user?.username} disabled />
        </FieldCol>
        <FieldCol name="display_name" label={t('fields.display_name')} requiredMessage={t('users.displayNameRequired')} text>
          <Input maxLength={100} showCount />
        </FieldCol>
        <PhoneReenterField
          form={form}
          had={hadPhone}
          extra={hadPhone ? t('users.phoneReenterHint', { phone: user?.phone }) : t('users.phoneHint')}
          reenterMessage={t('users.phoneReenter')}
          placeholder={user?.phone ?? undefined}
        />
        <FieldCol name="is_active" label={t('fields.is_active')} valuePropName="checked">
          <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
        </FieldCol>
      </Row>
      {user?.is_active && !active && (
        <Alert type="warning" showIcon title={t('users.deactivateWarning')} style={{ marginBottom: 16 }} />
      )}
    </RecordFormPage>
  );
}
