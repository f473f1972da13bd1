import { Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tagged } from '../../api/client';
import { ApiError, knownFields } from '../../api/problem';
import type { Role, User } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { testId } from '../../lib/testId';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { RoleSelect } from './GrantFields';
import { addGrant } from './api';

const FIELDS = knownFields(['role', 'area_id']);

interface Props {
  user: Tagged<User>;
  roles: readonly Role[];
  open: boolean;
  onClose: () => void;
  /** The user after the grant, with its new ETag. */
  onAdded: (user: Tagged<User>) => void;
  /** The user changed since it was read (412/428): reload it. */
  onStale: () => void;
}

interface Values {
  role?: Role;
  area_id?: string;
}

export function AddGrantModal({ user, roles, open, onClose, onAdded, onStale }: Props) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const updated = await addGrant(user.data.id, user.etag ?? '*', { role: values.role!, area_id: values.area_id! });
      onAdded(updated);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 428)) onStale();
      else showOnForm(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('users.addGrantTitle', { name: user.data.display_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.addGrant')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('add-grant-submit') }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="add-grant-form" preserve={false}>
        <Form.Item name="role" label={t('fields.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <RoleSelect roles={roles} data-testid="add-grant-role" />
        </Form.Item>
        <Form.Item
          name="area_id"
          label={t('fields.area_id')}
          rules={[{ required: true, message: t('users.areaRequired') }]}
        >
          <AreaTreeSelect deepest="compound" placeholder={t('users.areaPlaceholder')} data-testid="add-grant-area" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
