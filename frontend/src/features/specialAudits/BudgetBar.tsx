import { Progress } from 'antd';
import { progressPercent } from './model';

/** Committed fees against the budget. */
export function BudgetBar({ committed, budget, testId }: { committed: number; budget: number; testId?: string }) {
  const pct = progressPercent(committed, budget);
  return (
    <Progress
      data-testid={testId}
      percent={pct}
      size="small"
      status={pct >= 100 ? 'exception' : 'normal'}
      format={(p) => `${p ?? 0}%`}
    />
  );
}
