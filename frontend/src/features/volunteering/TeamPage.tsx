import { UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { fetchOrganisation, organisationKeys } from '../organisations/api';
import { LoadFailed } from '../../components/LoadFailed';
import { RecordError } from '../registry/RecordError';
import { PersonSelect } from '../registry/PersonSelect';
import { removeTeamMember, setTeamMember, useTeamMembers, volunteeringKeys } from './api';
import { Hours } from './Hours';
import { useRefusal } from './Refusal';
import type { TeamMember, TeamRole } from './types';

const ROLES: readonly TeamRole[] = ['leader', 'member'];

/** A volunteer team: its members with their roles and verified hours; staff add and remove. */
export default function TeamPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const team = useQuery({ queryKey: organisationKeys.one(id ?? ''), queryFn: () => fetchOrganisation(id!), enabled: !!id, retry: false });
  const members = useTeamMembers(id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ person_id: string; role: TeamRole }>();
  const manage = access.volunteering.manage;

  async function save(personId: string, role: TeamRole, added: boolean) {
    setBusy(personId);
    try {
      const list = await setTeamMember(id!, personId, role);
      queryClient.setQueryData(volunteeringKeys.members(id!), list);
      void message.success(t(added ? 'volunteering.team.added' : 'volunteering.team.roleSet'));
      if (added) form.resetFields();
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(null);
    }
  }

  async function remove(m: TeamMember) {
    setBusy(m.person_id);
    try {
      await removeTeamMember(id!, m.person_id);
      void message.success(t('volunteering.team.removed', { name: m.person_name }));
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.members(id!) });
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(null);
    }
  }

  if (members.isPending) return <Skeleton active />;
  if (members.isError && !members.data) return <RecordError error={members.error} back="/volunteering?tab=teams" />;
  const items = members.data?.items ?? [];
  const total = items.reduce((n, m) => n + m.verified_minutes, 0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="team-title">{team.data?.data.name ?? t('crumbs.volunteerTeam')}</span>}
        extra={team.data && <Typography.Text type="secondary">{team.data.data.area_name}</Typography.Text>}
      >
        <Space size={24} wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('volunteering.team.memberCount', { count: items.length })}</Typography.Text>
          <Space size={4}>
            <Typography.Text>{t('volunteering.team.totalHours')}</Typography.Text>
            <Hours minutes={total} strong />
          </Space>
          <Link to={`/volunteering?tab=activities&team=${id}`} data-testid="team-activities">
            {t('volunteering.team.activities')}
          </Link>
        </Space>
        {manage && (
          <Form
            form={form}
            layout="inline"
            initialValues={{ role: 'member' }}
            onFinish={(v) => void save(v.person_id, v.role, true)}
            style={{ marginBottom: 16, rowGap: 8 }}
            data-testid="add-member-form"
          >
            <Form.Item name="person_id" rules={[{ required: true, message: t('validation.required') }]} style={{ minWidth: 280 }}>
              <PersonSelect placeholder={t('volunteering.team.pickPerson')} data-testid="member-person" />
            </Form.Item>
            <Form.Item name="role">
              <Select style={{ width: 120 }} options={ROLES.map((r) => ({ value: r, label: t(`volunteering.team.role.${r}`) }))} data-testid="member-role" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={busy !== null && !items.some((m) => m.person_id === busy)} data-testid="member-add">
              {t('volunteering.team.add')}
            </Button>
          </Form>
        )}
        <Table<TeamMember>
          data-testid="member-table"
          rowKey="person_id"
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: t('volunteering.team.noMembers') }}
          onRow={() => ({ 'data-testid': 'member-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('volunteering.team.person'), key: 'name', render: (_, m) => <Link to={`/people/${m.person_id}`}>{m.person_name}</Link> },
            {
              title: t('volunteering.team.roleLabel'),
              key: 'role',
              render: (_, m) =>
                manage ? (
                  <Select<TeamRole>
                    size="small"
                    value={m.role as TeamRole}
                    style={{ width: 110 }}
                    disabled={busy === m.person_id}
                    onChange={(role) => void save(m.person_id, role, false)}
                    options={ROLES.map((r) => ({ value: r, label: t(`volunteering.team.role.${r}`) }))}
                    data-testid="member-role-select"
                  />
                ) : (
                  <Tag color={m.role === 'leader' ? 'red' : undefined}>{t(`volunteering.team.role.${m.role === 'leader' ? 'leader' : 'member'}`)}</Tag>
                ),
            },
            { title: t('volunteering.team.joined'), key: 'joined', render: (_, m) => new Date(`${m.joined_on}T00:00:00`).toLocaleDateString(i18n.language) },
            { title: t('volunteering.team.verifiedHours'), key: 'hours', render: (_, m) => <Hours minutes={m.verified_minutes} /> },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'remove',
                    render: (_: unknown, m: TeamMember) => (
                      <Popconfirm title={t('volunteering.team.removeConfirm', { name: m.person_name })} onConfirm={() => void remove(m)}>
                        <Button size="small" danger loading={busy === m.person_id} data-testid="member-remove">
                          {t('volunteering.team.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadFailed query={members} />
      </Card>
    </Space>
  );
}
