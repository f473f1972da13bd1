// Loaded lazily (React.lazy), like MonthlyChart.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, ReactEChartsCore } from '../dashboard/charts';
import { formatYuan, fenToYuan } from '../../lib/money';
import type { RollupItem } from './types';

/** Income and spending of each child area (subdistricts of the district, …). */
export default function RollupChart({ rows }: { rows: readonly RollupItem[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => (typeof v === 'number' ? formatYuan(Math.round(v * 100)) : '—'),
      },
      legend: { top: 0 },
      grid: { left: 72, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => r.area_name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: t('revenue.monthly.axisYuan') },
      series: [
        { name: t('revenue.monthly.income'), type: 'bar', itemStyle: { color: '#27ae60' }, data: rows.map((r) => fenToYuan(r.income_fen)) },
        { name: t('revenue.monthly.expense'), type: 'bar', itemStyle: { color: '#e67e22' }, data: rows.map((r) => fenToYuan(r.expense_fen)) },
      ],
    }),
    [rows, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 360, width: '100%' }} />;
}
