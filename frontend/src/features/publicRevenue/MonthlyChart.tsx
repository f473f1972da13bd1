// Loaded lazily (React.lazy): ECharts stays out of the ledger's own chunk and out of the
// pages that import CompoundLedger.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, ReactEChartsCore } from '../dashboard/charts';
import { useCategoryLabel, useMonthLabel } from './labels';
import type { MonthlyChartData } from './model';
import { formatYuan, fenToYuan } from '../../lib/money';

// One colour per category, so a category keeps its colour whichever others a range has.
const CATEGORY_COLOURS: Record<string, string> = {
  parking: '#27ae60',
  tidal_parking: '#16a085',
  advertising: '#2980b9',
  venue_rental: '#8e44ad',
  express_lockers: '#1abc9c',
  charging: '#5dade2',
  other_income: '#2c3e50',
  maintenance: '#e67e22',
  cleaning: '#c0392b',
  committee_costs: '#f1c40f',
  audit_fees: '#a04000',
  other_expense: '#7f8c8d',
};
const SPARE_COLOURS = ['#95a5a6', '#bdc3c7', '#34495e'];
const colourOf = (category: string, i: number) => CATEGORY_COLOURS[category] ?? SPARE_COLOURS[i % SPARE_COLOURS.length];

/** Income (left stack) and spending (right stack) by category per month, with the net as a line. */
export default function MonthlyChart({ data }: { data: MonthlyChartData }) {
  const { t } = useTranslation();
  const label = useCategoryLabel();
  const monthLabel = useMonthLabel();
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => (typeof v === 'number' ? formatYuan(Math.round(v * 100)) : '—'),
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 64, right: 16, top: 72, bottom: 48 },
      xAxis: { type: 'category', data: data.months.map(monthLabel), axisLabel: { interval: 0, rotate: data.months.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: t('revenue.monthly.axisYuan') },
      series: [
        ...data.income.map((s, i) => ({
          name: label(s.category),
          type: 'bar',
          stack: 'income',
          itemStyle: { color: colourOf(s.category, i) },
          data: s.fen.map(fenToYuan),
        })),
        ...data.expense.map((s, i) => ({
          name: label(s.category),
          type: 'bar',
          stack: 'expense',
          itemStyle: { color: colourOf(s.category, i) },
          data: s.fen.map(fenToYuan),
        })),
        {
          name: t('revenue.monthly.net'),
          type: 'line',
          itemStyle: { color: '#34495e' },
          data: data.totals.map((m) => fenToYuan(m.netFen)),
        },
      ],
    }),
    [data, label, monthLabel, t],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 380, width: '100%' }} />;
}
