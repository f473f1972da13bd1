// Small pieces the audit pages share: money, status and severity tags, dates, budget bars.
import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan, progressPercent, SEVERITY_COLOR, STATUS_COLOR } from './model';
import type { EngagementStatus, Rectification, Severity } from './types';

/** Money in fen shown as yuan (`12,000.00 元`). */
export function Yuan({ fen, strong, testId }: { fen: number; strong?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const text = t('audits.yuan', { amount: formatYuan(fen) });
  return (
    <Typography.Text strong={strong} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}

/** Yuan as plain text, for places that take a string (chart labels, summaries). */
export function useYuan(): (fen: number) => string {
  const { t } = useTranslation();
  return (fen) => t('audits.yuan', { amount: formatYuan(fen) });
}

export function StatusTag({ status }: { status: EngagementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="engagement-status" data-status={status}>
      {t(`audits.status.${status}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`audits.severity.${severity}`)}</Tag>;
}

export function FindingStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'closed' ? 'success' : 'warning'} data-testid="finding-status" data-status={status}>
      {t(`audits.findingStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function RectificationTag({ action }: { action: Pick<Rectification, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const color = action.status === 'verified' ? 'success' : action.status === 'completed' ? 'processing' : 'default';
  return (
    <>
      <Tag color={color} data-testid="rectification-status" data-status={action.status}>
        {t(`audits.rectificationStatus.${action.status}`)}
      </Tag>
      {action.overdue && (
        <Tag color="error" data-testid="overdue-tag">
          {t('audits.finding.overdue')}
        </Tag>
      )}
    </>
  );
}

/** A date-time as the user's language writes it. */
export function when(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language.startsWith('en') ? 'en-GB' : 'zh-CN', { hour12: false });
}

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
