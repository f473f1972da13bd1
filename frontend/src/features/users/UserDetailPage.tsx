import { AuditOutlined, DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { grantableRoles, mayManageUser } from '../../access';
import type { Tagged } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { User, UserGrant } from '../../api/types';
import { useSession } from '../../auth/session';
import { useProblem } from '../../lib/useProblem';
import { testId } from '../../lib/testId';
import { useLocalTime } from '../../lib/useLocalTime';
import { RecordActions, RecordPage } from '../registry/RecordPage';
import { AddGrantModal } from './AddGrantModal';
import { ActiveTag } from './GrantTags';
import { UnmaskModal } from './UnmaskModal';
import { fetchUser, removeGrant, userKeys, useUser } from './api';
import { DataTable } from '../../components/DataTable';

export default function UserDetailPage() {
  const { id } = useParams();
  return (
    <RecordPage query={useUser(id)} back="/users">
      {(_, tagged) => <UserDetail tagged={tagged} />}
    </RecordPage>
  );
}

function UserDetail({ tagged }: { tagged: Tagged<User> }) {
  const { t } = useTranslation();
  const when = useLocalTime();
  const { access, me } = useSession();
  const { message, modal, notification } = App.useApp();
  const { notify } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unmasking, setUnmasking] = useState(false);
  const [adding, setAdding] = useState(false);
  const roles = useMemo(() => grantableRoles(me), [me]);

  const u = tagged.data;

  function store(updated: Tagged<User>) {
    queryClient.setQueryData(userKeys.one(updated.data.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  }

  async function reloadAfterConflict() {
    notification.warning({ title: t('users.staleGrant'), placement: 'topRight' });
    try {
      store(await fetchUser(u.id));
    } catch (e) {
      notify(e);
    }
  }

  function confirmRemove(g: UserGrant) {
    modal.confirm({
      title: t('users.removeGrantTitle'),
      content: t('users.removeGrantContent', { role: t(`roles.${g.role}`), area: g.area_name, name: u.display_name }),
      okText: t('users.removeGrant'),
      okButtonProps: { danger: true, ...testId('confirm-remove-grant') },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          store(await removeGrant(u.id, g.id, tagged.etag ?? '*'));
          void message.success(t('users.grantRemoved'));
        } catch (e) {
          if (e instanceof ApiError && (e.status === 412 || e.status === 428)) await reloadAfterConflict();
          else notify(e);
        }
      },
    });
  }

  // Staff see colleagues and superiors in their area but may not change them.
  const manageable = mayManageUser(me, u);
  const lastGrant = u.grants.length <= 1;
  const grantColumns: ColumnsType<UserGrant> = [
    { title: t('fields.role'), dataIndex: 'role', render: (r: UserGrant['role']) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
    { title: t('fields.area_id'), dataIndex: 'area_name' },
    { title: t('users.areaKind'), dataIndex: 'area_kind', render: (k: UserGrant['area_kind']) => t(`areaKinds.${k}`) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      hidden: !manageable,
      render: (_, g) => (
        <Tooltip title={lastGrant ? t('users.lastGrant') : undefined}>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            disabled={lastGrant}
            onClick={() => confirmRemove(g)}
            data-testid="remove-grant"
          >
            {t('users.removeGrant')}
          </Button>
        </Tooltip>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<span data-testid="user-name">{u.display_name}</span>}
        extra={
          <RecordActions edit={manageable && { to: `/users/${u.id}/edit`, testId: 'edit-user' }}>
            {access.audit.read && (
              <Button
                icon={<AuditOutlined />}
                onClick={() => navigate(`/audit-log?object_type=user&object_id=${encodeURIComponent(u.id)}`)}
              >
                {t('users.viewAudit')}
              </Button>
            )}
          </RecordActions>
        }
      >
        <Descriptions
          bordered
          column={{ xs: 1, md: 2 }}
          size="middle"
          items={[
            { key: 'username', label: t('fields.username'), children: <span data-testid="user-username">{u.username}</span> },
            { key: 'display_name', label: t('fields.display_name'), children: u.display_name },
            {
              key: 'phone',
              label: t('fields.phone'),
              children: (
                <Space>
                  {u.phone ? (
                    <Typography.Text code data-testid="masked-phone">
                      {u.phone}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('users.noPhone')}</Typography.Text>
                  )}
                  {u.phone && access.users.unmask && (
                    <Button size="small" icon={<EyeOutlined />} onClick={() => setUnmasking(true)} data-testid="unmask-phone">
                      {t('users.unmask')}
                    </Button>
                  )}
                </Space>
              ),
            },
            { key: 'active', label: t('fields.is_active'), children: <ActiveTag active={u.is_active} /> },
            { key: 'created', label: t('users.createdAt'), children: when(u.created_at) },
            { key: 'version', label: t('users.version'), children: u.version },
          ]}
        />
      </Card>

      <Card
        title={t('users.grantsTitle')}
        extra={
          manageable && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-grant">
              {t('users.addGrant')}
            </Button>
          )
        }
      >
        <DataTable<UserGrant> testId="grant-table" columns={grantColumns} rows={u.grants} />
      </Card>

      <UnmaskModal user={u} open={unmasking} onClose={() => setUnmasking(false)} />
      <AddGrantModal
        user={tagged}
        roles={roles}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(updated) => {
          store(updated);
          setAdding(false);
          void message.success(t('users.grantAdded'));
        }}
        onStale={() => {
          setAdding(false);
          void reloadAfterConflict();
        }}
      />
    </Space>
  );
}
