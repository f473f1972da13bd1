import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBudget } from './api';
import { budgetShares, formatYuan } from './model';

/** A programme-year's committed and paid money against its budget. */
export function BudgetBar({ programmeId, year, compact }: { programmeId: string; year: number; compact?: boolean }) {
  const { t } = useTranslation();
  const budget = useBudget(programmeId, year);
  if (budget.isPending) return <Progress percent={0} status="active" showInfo={false} />;
  if (budget.isError || !budget.data) return <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>;
  const b = budget.data;
  const shares = budgetShares(b);
  return (
    <div data-testid="budget-bar">
      <Tooltip title={t('allowances.budget.legend')}>
        <Progress
          percent={shares.committed}
          success={{ percent: shares.paid }}
          status={shares.over ? 'exception' : 'normal'}
          format={() => `${shares.committed}%`}
        />
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: compact ? 12 : undefined }} data-testid="budget-text">
        {t('allowances.budget.line', {
          year,
          budget: formatYuan(b.budget_fen),
          committed: formatYuan(b.committed_fen),
          paid: formatYuan(b.paid_fen),
          remaining: formatYuan(b.remaining_fen),
        })}
      </Typography.Text>
    </div>
  );
}
