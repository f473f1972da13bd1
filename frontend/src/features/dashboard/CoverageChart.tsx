import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicators } from '../../api/types';
import { echarts, ReactEChartsCore } from './charts';

export const COVERED_HEX = '#c0392b';
export const UNCOVERED_HEX = '#d9d9d9';

/** Compounds covered by a compound party organisation, and those not yet, per subdistrict. */
export default function CoverageChart({ rows }: { rows: Indicators[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64, containLabel: false },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.area_name ?? ''),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: t('dashboard.axisCount'), minInterval: 1 },
      series: [
        {
          name: t('dashboard.covered'),
          type: 'bar',
          stack: 'coverage',
          emphasis: { focus: 'series' },
          itemStyle: { color: COVERED_HEX },
          data: rows.map((r) => r.covered_compounds),
        },
        {
          name: t('dashboard.uncovered'),
          type: 'bar',
          stack: 'coverage',
          emphasis: { focus: 'series' },
          itemStyle: { color: UNCOVERED_HEX },
          data: rows.map((r) => r.uncovered_compounds),
        },
      ],
    }),
    [rows, t],
  );
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 420, width: '100%' }} opts={{ renderer: 'canvas' }} />
  );
}
