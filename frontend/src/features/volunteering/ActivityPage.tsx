import { Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { RecordError } from '../registry/RecordError';
import { CancelActivityButton } from './ActivitiesTab';
import { LIVE_REFRESH_MS, useActivity, useCheckIns } from './api';
import { span } from './times';
import { Hours } from './Hours';
import { PhaseTag } from './VolunteeringTags';
import { CapacityBar } from './CapacityBar';
import { CheckInTable } from './CheckInTable';
import { VerifyButtons } from './VerifyTab';

/** One activity: what, when and where, places taken, and who checked in. */
export default function ActivityPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const activity = useActivity(id);
  const checkIns = useCheckIns({ activity_id: id }, { enabled: !!id, refetchInterval: LIVE_REFRESH_MS });

  if (activity.isPending) return <Skeleton active />;
  if (activity.isError) return <RecordError error={activity.error} back="/volunteering?tab=activities" />;
  const a = activity.data;
  const items = checkIns.data?.items ?? [];
  const verified = items.filter((c) => c.verification === 'verified').reduce((n, c) => n + (c.minutes ?? 0), 0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="activity-title">{a.title}</span>
            <PhaseTag activity={a} />
          </Space>
        }
        extra={access.volunteering.manage && <CancelActivityButton activity={a} onDone={() => void activity.refetch()} />}
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'when', label: t('volunteering.activity.window'), children: span(a.starts_at, a.ends_at, i18n.language) },
            {
              key: 'place',
              label: t('volunteering.activity.place'),
              children: a.centre_id ? <Link to={`/centres/${a.centre_id}`}>{a.place_name}</Link> : a.place_name,
            },
            {
              key: 'team',
              label: t('volunteering.activity.team'),
              children: a.team_id ? <Link to={`/volunteering/teams/${a.team_id}`}>{a.team_name}</Link> : t('volunteering.activity.anyTeam'),
            },
            { key: 'cap', label: t('volunteering.activity.places'), children: <CapacityBar activity={a} /> },
            { key: 'now', label: t('volunteering.activity.checkedInNow'), children: <span data-testid="checked-in-now">{a.checked_in}</span> },
            { key: 'hours', label: t('volunteering.activity.verifiedHours'), children: <Hours minutes={verified} /> },
          ]}
        />
        {a.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{a.description}</Typography.Paragraph>}
      </Card>
      <Card title={t('volunteering.activity.checkIns', { count: items.length })}>
        <CheckInTable
          testId="activity-check-ins"
          items={items}
          loading={checkIns.isPending}
          highlightFlagged
          extra={
            access.volunteering.verify
              ? [
                  {
                    title: t('common.actions'),
                    key: 'verify',
                    render: (_, c) => (c.checked_out_at && c.verification === 'pending' ? <VerifyButtons checkIn={c} /> : null),
                  },
                ]
              : []
          }
        />
        <LoadFailed query={checkIns} />
      </Card>
    </Space>
  );
}
