import { Card, Col, Progress, Row, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../../components/LoadFailed';
import { useVolunteeringStats } from './api';
import { Hours } from './Hours';
import { Figure } from './Figure';
import { hours, reportingPercent } from './model';
import type { HoursRow } from './types';

// ECharts is big: the charts come in their own chunk, after the numbers.
const VolunteerCharts = lazy(() => import('./VolunteerCharts'));

/** 概览: reported members against the target, people active, hours waiting and verified. */
export function DashboardTab() {
  const { t } = useTranslation();
  const stats = useVolunteeringStats();
  const d = stats.data;
  if (!d) return stats.isError ? <LoadFailed query={stats} /> : <Skeleton active />;
  const percent = reportingPercent(d.reported_members, d.reporting_target);
  const verifiedYear = d.hours_by_month.reduce((n, m) => n + m.verified_minutes, 0);
  return (
    <div data-testid="volunteering-dashboard">
      <Row gutter={[16, 16]}>
        <Col flex="2 1 320px">
          <Card data-testid="tile-reported">
            <Figure
              label={t('volunteering.dashboard.reported')}
              value={
                <span>
                  <span data-testid="reported-members">{d.reported_members.toLocaleString()}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 16 }}>
                    {' '}
                    / {d.reporting_target.toLocaleString()}
                  </Typography.Text>
                </span>
              }
              footer={t('volunteering.dashboard.reportedFooter', { percent, pending: d.pending_reports })}
            />
            <Progress percent={percent} strokeColor="#c0392b" />
          </Card>
        </Col>
        <Col flex="1 1 180px">
          <Card data-testid="tile-active">
            <Figure label={t('volunteering.dashboard.active')} value={d.active_volunteers} footer={t('volunteering.dashboard.activeFooter')} />
          </Card>
        </Col>
        <Col flex="1 1 180px">
          <Card data-testid="tile-open">
            <Figure label={t('volunteering.dashboard.openCheckIns')} value={<span data-testid="open-check-ins">{d.open_check_ins}</span>} />
          </Card>
        </Col>
        <Col flex="1 1 180px">
          <Card data-testid="tile-awaiting" style={{ borderTop: d.awaiting_verification ? '3px solid #faad14' : undefined }}>
            <Figure
              label={t('volunteering.dashboard.awaiting')}
              value={<span data-testid="awaiting-verification">{d.awaiting_verification}</span>}
            />
          </Card>
        </Col>
        <Col flex="1 1 180px">
          <Card data-testid="tile-verified">
            <Figure
              label={t('volunteering.dashboard.verifiedYear')}
              value={<span data-testid="verified-hours">{hours(verifiedYear)}</span>}
              footer={t('volunteering.dashboard.hoursUnit')}
            />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <Suspense fallback={<Skeleton active />}>
          <VolunteerCharts data={d} />
        </Suspense>
      </div>
      <Card title={t('volunteering.dashboard.teamTable')} style={{ marginTop: 16 }}>
        <Table<HoursRow>
          data-testid="top-teams"
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={d.top_teams}
          locale={{ emptyText: t('volunteering.dashboard.noData') }}
          columns={[
            { title: t('volunteering.team.name'), dataIndex: 'name' },
            { title: t('volunteering.dashboard.verifiedHours'), key: 'v', render: (_, r) => <Hours minutes={r.verified_minutes} /> },
            { title: t('volunteering.dashboard.pendingHours'), key: 'p', render: (_, r) => <Hours minutes={r.pending_minutes} /> },
            { title: t('volunteering.dashboard.people'), dataIndex: 'people' },
            { title: t('volunteering.dashboard.sessions'), dataIndex: 'sessions' },
          ]}
        />
      </Card>
    </div>
  );
}
