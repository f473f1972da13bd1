// The dashboard's two charts. Loaded on demand (React.lazy) so ECharts stays out of the
// audit pages' own chunk; it registers through the dashboard's piecewise ECharts set-up.
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, ReactEChartsCore } from '../dashboard/charts';
import { fenToYuan } from './model';
import type { AuditDashboard } from './types';

function StatusChart({ data }: { data: AuditDashboard }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      // Longer (English) names break onto two lines rather than overlap.
      xAxis: {
        type: 'category',
        data: data.engagements_by_status.map((s) => t(`audits.status.${s.status}`)),
        axisLabel: { interval: 0, width: 64, overflow: 'break' },
      },
      yAxis: { type: 'value', name: t('audits.dashboard.axisCount'), minInterval: 1 },
      series: [
        {
          name: t('audits.dashboard.seriesEngagements'),
          type: 'bar',
          itemStyle: { color: '#c0392b' },
          label: { show: true, position: 'top' },
          data: data.engagements_by_status.map((s) => s.count),
        },
      ],
    }),
    [data, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />;
}

function SubdistrictChart({ data }: { data: AuditDashboard }) {
  const { t } = useTranslation();
  const rows = data.findings_by_subdistrict;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 72, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((r) => r.area_name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: t('audits.dashboard.axisCount'), minInterval: 1 },
        { type: 'value', name: t('audits.dashboard.axisYuan') },
      ],
      series: [
        { name: t('audits.dashboard.seriesFindings'), type: 'bar', itemStyle: { color: '#f39c12' }, data: rows.map((r) => r.findings) },
        { name: t('audits.dashboard.seriesOpen'), type: 'bar', itemStyle: { color: '#c0392b' }, data: rows.map((r) => r.open_findings) },
        {
          name: t('audits.dashboard.seriesAmount'),
          type: 'bar',
          yAxisIndex: 1,
          itemStyle: { color: '#2980b9' },
          data: rows.map((r) => fenToYuan(r.amount_fen)),
        },
      ],
    }),
    [rows, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />;
}

export default function AuditCharts({ data }: { data: AuditDashboard }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('audits.dashboard.byStatus')}>
          <div data-testid="audit-status-chart">
            <StatusChart data={data} />
          </div>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('audits.dashboard.bySubdistrict')}>
          <div data-testid="audit-subdistrict-chart">
            {data.findings_by_subdistrict.length > 0 ? <SubdistrictChart data={data} /> : <Empty description={t('audits.dashboard.noData')} />}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
