// The volunteering dashboard's charts. Loaded on demand (React.lazy) so ECharts stays out of
// the volunteering pages' own chunk; it registers through the dashboard's piecewise set-up.
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, ReactEChartsCore } from '../dashboard/charts';
import { hours } from './model';
import type { VolunteeringStats } from './types';

function MonthChart({ data }: { data: VolunteeringStats }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 56, right: 16, top: 32, bottom: 40 },
      xAxis: {
        type: 'category',
        data: data.hours_by_month.map((m) => {
          const [y, mo] = m.month.split('-');
          return t('volunteering.dashboard.monthLabel', { year: y, month: Number(mo) });
        }),
        axisLabel: { interval: 0, rotate: data.hours_by_month.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: t('volunteering.dashboard.axisHours') },
      series: [
        {
          name: t('volunteering.dashboard.verifiedHours'),
          type: 'bar',
          itemStyle: { color: '#c0392b' },
          data: data.hours_by_month.map((m) => Number(hours(m.verified_minutes))),
        },
      ],
    }),
    [data, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />;
}

function TeamChart({ data }: { data: VolunteeringStats }) {
  const { t } = useTranslation();
  const rows = [...data.top_teams].reverse();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 120, right: 24, top: 32, bottom: 32 },
      xAxis: { type: 'value', name: t('volunteering.dashboard.axisHours') },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        {
          name: t('volunteering.dashboard.verifiedHours'),
          type: 'bar',
          stack: 'h',
          itemStyle: { color: '#c0392b' },
          data: rows.map((r) => Number(hours(r.verified_minutes))),
        },
        {
          name: t('volunteering.dashboard.pendingHours'),
          type: 'bar',
          stack: 'h',
          itemStyle: { color: '#f5b041' },
          data: rows.map((r) => Number(hours(r.pending_minutes))),
        },
      ],
    }),
    [rows, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />;
}

export default function VolunteerCharts({ data }: { data: VolunteeringStats }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={t('volunteering.dashboard.byMonth')} data-testid="chart-months">
          {data.hours_by_month.length ? <MonthChart data={data} /> : <Empty description={t('volunteering.dashboard.noData')} />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('volunteering.dashboard.topTeams')} data-testid="chart-teams">
          {data.top_teams.length ? <TeamChart data={data} /> : <Empty description={t('volunteering.dashboard.noData')} />}
        </Card>
      </Col>
    </Row>
  );
}
