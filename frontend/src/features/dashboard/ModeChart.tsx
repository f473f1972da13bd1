import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeStatsRow } from '../../api/types';
import { GOVERNANCE_MODES, MODE_HEX } from '../compounds/api';
import { echarts, ReactEChartsCore } from './charts';

export default function ModeChart({ rows }: { rows: ModeStatsRow[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64, containLabel: false },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.area_name),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: t('dashboard.axisCount'), minInterval: 1 },
      series: GOVERNANCE_MODES.map((mode) => ({
        name: t(`governanceModes.${mode}`),
        type: 'bar',
        stack: 'mode',
        emphasis: { focus: 'series' },
        itemStyle: { color: MODE_HEX[mode] },
        data: rows.map((r) => r[mode]),
      })),
    }),
    [rows, t],
  );
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 420, width: '100%' }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
