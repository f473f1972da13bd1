import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { dayjs, type Dayjs } from '../../lib/dates';
import { LoadFailed } from '../../components/LoadFailed';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { ActivityFormModal } from './ActivityFormModal';
import { cancelActivity, useActivities, volunteeringKeys } from './api';
import { span } from './times';
import { PhaseTag } from './VolunteeringTags';
import { CapacityBar } from './CapacityBar';
import { useRefusal } from './Refusal';
import type { Activity } from './types';

/** 活动: the activities of a period (and team), created and cancelled by staff. */
export function ActivitiesTab() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(7, 'day').startOf('day'), dayjs().add(30, 'day').endOf('day')]);
  const [params] = useSearchParams();
  const [teamId, setTeamId] = useState<string | undefined>(() => params.get('team') ?? undefined);
  const [creating, setCreating] = useState(false);
  const query = {
    from: range[0].startOf('day').toISOString(),
    to: range[1].endOf('day').toISOString(),
    ...(teamId ? { team_id: teamId } : {}),
  };
  const activities = useActivities(query);
  const items = activities.data?.items ?? [];

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            data-testid="activity-range"
          />
          <OrganisationSelect
            kind="volunteer_team"
            value={teamId}
            onChange={(v) => setTeamId(typeof v === 'string' ? v : undefined)}
            placeholder={t('volunteering.activity.allTeams')}
            style={{ width: 240 }}
            data-testid="activity-team-filter"
          />
        </Space>
        {access.volunteering.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-activity">
            {t('volunteering.activity.create')}
          </Button>
        )}
      </Flex>
      <Table<Activity>
        data-testid="activity-table"
        rowKey="id"
        loading={activities.isFetching}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('volunteering.activity.empty') }}
        onRow={() => ({ 'data-testid': 'activity-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('volunteering.activity.title'),
            key: 'title',
            render: (_, a) => (
              <Link to={`/volunteering/activities/${a.id}`} data-testid="activity-link">
                {a.title}
              </Link>
            ),
          },
          { title: t('volunteering.activity.window'), key: 'when', render: (_, a) => span(a.starts_at, a.ends_at, i18n.language) },
          { title: t('volunteering.activity.place'), dataIndex: 'place_name' },
          { title: t('volunteering.activity.team'), key: 'team', render: (_, a) => a.team_name ?? <Typography.Text type="secondary">{t('volunteering.activity.anyTeam')}</Typography.Text> },
          { title: t('volunteering.activity.places'), key: 'cap', render: (_, a) => <CapacityBar activity={a} compact /> },
          { title: t('volunteering.activity.checkedInNow'), dataIndex: 'checked_in' },
          { title: t('volunteering.activity.status'), key: 'status', render: (_, a) => <PhaseTag activity={a} /> },
          ...(access.volunteering.manage
            ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, a: Activity) => <CancelActivityButton activity={a} /> }]
            : []),
        ]}
      />
      <LoadFailed query={activities} />
      <ActivityFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** 取消活动, asking first; nothing for an activity that is cancelled or over. */
export function CancelActivityButton({ activity, onDone }: { activity: Activity; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (activity.status === 'cancelled' || Date.parse(activity.ends_at) < Date.now()) return null;
  async function cancel() {
    setBusy(true);
    try {
      await cancelActivity(activity.id);
      void message.success(t('volunteering.activity.cancelled'));
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
      onDone?.();
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Popconfirm title={t('volunteering.activity.cancelConfirm')} onConfirm={() => void cancel()} okText={t('volunteering.activity.cancel')}>
      <Button danger size="small" loading={busy} data-testid="cancel-activity">
        {t('volunteering.activity.cancel')}
      </Button>
    </Popconfirm>
  );
}
