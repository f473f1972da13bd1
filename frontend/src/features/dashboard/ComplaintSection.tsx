import { Card, Col, Empty, Skeleton, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintGroupStats } from '../../api/types';
import { useComplaintCounts, useComplaintStats } from '../complaints/api';
import { echarts, ReactEChartsCore } from './charts';
import { complaintTotals } from './complaintStats';

function SubdistrictChart({ rows }: { rows: ComplaintGroupStats[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => r.name ?? '—'), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: t('dashboard.axisComplaints'), minInterval: 1 },
        { type: 'value', name: t('dashboard.axisOnTime'), min: 0, max: 100 },
      ],
      series: [
        { name: t('dashboard.seriesVolume'), type: 'bar', itemStyle: { color: '#c0392b' }, data: rows.map((r) => r.volume) },
        { name: t('dashboard.seriesResolved'), type: 'bar', itemStyle: { color: '#27ae60' }, data: rows.map((r) => r.resolved) },
        {
          name: t('dashboard.seriesOnTime'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#2980b9' },
          data: rows.map((r) => (r.on_time_rate === null || r.on_time_rate === undefined ? null : Math.round(r.on_time_rate * 1000) / 10)),
        },
      ],
    }),
    [rows, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 360, width: '100%' }} />;
}

function CategoryChart({ rows }: { rows: ComplaintGroupStats[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => r.name ?? r.key ?? '—'), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: t('dashboard.axisSatisfaction'), min: 0, max: 5 },
      series: [
        {
          name: t('dashboard.seriesSatisfaction'),
          type: 'bar',
          itemStyle: { color: '#f39c12' },
          data: rows.map((r) => (r.satisfaction === null || r.satisfaction === undefined ? null : Math.round(r.satisfaction * 100) / 100)),
        },
      ],
    }),
    [rows, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 360, width: '100%' }} />;
}

/** 诉求办理: open, overdue and satisfaction tiles; volume and punctuality by subdistrict; satisfaction by category. */
export function ComplaintSection() {
  const { t } = useTranslation();
  const counts = useComplaintCounts();
  const bySubdistrict = useComplaintStats('subdistrict');
  const byCategory = useComplaintStats('category');
  const totals = complaintTotals(counts.data, bySubdistrict.data);
  const loading = counts.isPending || bySubdistrict.isPending;
  return (
    <>
      <Col xs={24} sm={8}>
        <Card data-testid="tile-complaints-open">
          <Statistic
            loading={loading}
            title={t('dashboard.complaintsOpen')}
            value={totals.open}
            suffix={<span style={{ fontSize: 14, color: '#888' }}>{t('dashboard.complaintsVolume', { count: totals.volume })}</span>}
          />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card data-testid="tile-complaints-overdue" style={{ borderTop: '3px solid #cf1322' }}>
          <Statistic
            loading={loading}
            title={t('dashboard.complaintsOverdue')}
            value={totals.overdue}
            styles={{ content: { color: totals.overdue > 0 ? '#cf1322' : undefined } }}
            suffix={
              totals.onTimeRate !== null ? (
                <span style={{ fontSize: 14, color: '#888' }}>
                  {t('dashboard.complaintsOnTimeAll', { percent: (totals.onTimeRate * 100).toFixed(1) })}
                </span>
              ) : undefined
            }
          />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card data-testid="tile-complaints-satisfaction">
          <Statistic
            loading={loading}
            title={t('dashboard.complaintsSatisfaction')}
            value={totals.satisfaction === null ? '—' : totals.satisfaction.toFixed(2)}
            suffix={<span style={{ fontSize: 14, color: '#888' }}>{t('dashboard.complaintsRated', { count: totals.rated })}</span>}
          />
        </Card>
      </Col>
      <Col span={24} xl={12}>
        <Card title={t('dashboard.complaintsBySubdistrict')}>
          <div data-testid="complaints-subdistrict-chart">
            {bySubdistrict.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : !bySubdistrict.data?.length ? (
              <Empty description={t('dashboard.noData')} />
            ) : (
              <SubdistrictChart rows={bySubdistrict.data} />
            )}
          </div>
        </Card>
      </Col>
      <Col span={24} xl={12}>
        <Card title={t('dashboard.complaintsByCategory')}>
          <div data-testid="complaints-category-chart">
            {byCategory.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : !byCategory.data?.length ? (
              <Empty description={t('dashboard.noData')} />
            ) : (
              <CategoryChart rows={byCategory.data} />
            )}
          </div>
        </Card>
      </Col>
    </>
  );
}
