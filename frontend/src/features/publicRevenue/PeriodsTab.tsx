import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { closePeriod, useLedgerChanged } from './api';
import { useRevenueNotify } from './useRevenueNotify';
import { useMonthLabel } from './labels';
import { monthEnded } from './model';
import type { Period } from './types';
import { DataTable } from '../../components/DataTable';

/** 结账: the ledger's months, closed or open; an ended month can be closed, for good. */
export function PeriodsTab({
  compoundId,
  canClose,
  periods,
  loading,
}: {
  compoundId: string;
  canClose: boolean;
  periods: readonly Period[] | undefined;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notify = useRevenueNotify();
  const monthLabel = useMonthLabel();
  const changed = useLedgerChanged(compoundId);
  const [closing, setClosing] = useState<string | null>(null);
  const today = todayIso();

  async function close(month: string) {
    setClosing(month);
    try {
      await closePeriod(compoundId, month);
      void message.success(t('revenue.periods.closedDone', { month: monthLabel(month) }));
      changed();
    } catch (e) {
      notify(e);
    } finally {
      setClosing(null);
    }
  }

  const columns: ColumnsType<Period> = [
    { title: t('revenue.periods.colMonth'), dataIndex: 'month', render: (m: string) => monthLabel(m) },
    { title: t('revenue.periods.colEntries'), dataIndex: 'entry_count', align: 'right', width: 100 },
    {
      title: t('revenue.periods.colStatus'),
      key: 'status',
      render: (_, p) =>
        p.closed ? (
          <Tag icon={<LockOutlined />} color="default" data-testid="period-closed">
            {t('revenue.periods.closed')}
            {p.closed_at ? ` · ${new Date(p.closed_at).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')}` : ''}
          </Tag>
        ) : (
          <Tag icon={<UnlockOutlined />} color="green" data-testid="period-open">
            {t('revenue.periods.open')}
          </Tag>
        ),
    },
  ];
  if (canClose) {
    columns.push({
      title: t('revenue.journal.colActions'),
      key: 'actions',
      width: 120,
      render: (_, p) => {
        if (p.closed) return null;
        if (!monthEnded(p.month, today)) {
          return (
            <Tooltip title={t('revenue.periods.notEnded')}>
              <Button size="small" disabled>
                {t('revenue.periods.close')}
              </Button>
            </Tooltip>
          );
        }
        return (
          <Popconfirm
            title={t('revenue.periods.closeConfirm', { month: monthLabel(p.month) })}
            description={<div style={{ maxWidth: 320 }}>{t('revenue.periods.closeHelp')}</div>}
            okText={t('revenue.periods.close')}
            okButtonProps={{ danger: true, ...testId('close-period-confirm') }}
            onConfirm={() => close(p.month)}
          >
            <Button size="small" danger loading={closing === p.month} data-testid={`close-${p.month}`}>
              {t('revenue.periods.close')}
            </Button>
          </Popconfirm>
        );
      },
    });
  }
  return (
    <div data-testid="periods">
      <Typography.Paragraph type="secondary">{t('revenue.periods.explain')}</Typography.Paragraph>
      <DataTable<Period> testId="periods-table" rowKey="month" loading={loading} columns={columns} rows={periods} empty={t('revenue.periods.empty')} />
    </div>
  );
}
