// Small pieces the allowance pages share: refusals, amounts, code tags, months, budget
// bars, CSV pickers and the table of a refused file's problems.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { translate } from '../../i18n';
import { useBudget } from './api';
import {
  allowanceNotice,
  asDecision,
  asOutcome,
  budgetShares,
  codeLabel,
  DECISION_COLOURS,
  explanationIn,
  formatYuan,
  OUTCOME_COLOURS,
  REASON_COLOURS,
  RESULT_COLOURS,
  splitMonth,
  STATUS_COLOURS,
  type RowError,
} from './model';
import type { AssessmentResult, CycleStatus, PaymentReason } from './types';

/** Raises a notification for a failed request, in this feature's words where it has them. */
export function useAllowanceNotify(): (error: unknown) => void {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const n = allowanceNotice(error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'topRight', duration: 8 });
    },
    [notification],
  );
}

/** An amount in yuan, digits aligned (for tables and totals). */
export function Yuan({ fen, strong, testId }: { fen: number | null | undefined; strong?: boolean; testId?: string }) {
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>
      {formatYuan(fen)}
    </span>
  );
}

export function StatusTag({ status, testId }: { status: CycleStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {codeLabel('statuses', status, translate)}
    </Tag>
  );
}

export function DecisionTag({ decision }: { decision: string }) {
  const d = asDecision(decision);
  return (
    <Tag color={d ? DECISION_COLOURS[d] : 'default'} data-testid="decision-tag" data-decision={decision}>
      {codeLabel('decisions', decision, translate)}
    </Tag>
  );
}

export function ReasonTag({ reason }: { reason: PaymentReason }) {
  return (
    <Tag color={REASON_COLOURS[reason] ?? 'default'} data-testid="reason-tag" data-reason={reason}>
      {codeLabel('reasons', reason, translate)}
    </Tag>
  );
}

export function ResultTag({ result }: { result: AssessmentResult }) {
  return (
    <Tag color={RESULT_COLOURS[result] ?? 'default'} data-testid="result-tag">
      {codeLabel('results', result, translate)}
    </Tag>
  );
}

/** A transfer's outcome; a failure shows the bank's reason on hover and beside the tag. */
export function OutcomeTag({ outcome, failureReason }: { outcome: string | null | undefined; failureReason?: string | null }) {
  const o = asOutcome(outcome);
  if (!outcome) return <Typography.Text type="secondary">—</Typography.Text>;
  const tag = (
    <Tag color={o ? OUTCOME_COLOURS[o] : 'default'} data-testid="outcome-tag" data-outcome={outcome}>
      {codeLabel('outcomes', outcome, translate)}
    </Tag>
  );
  if (o !== 'failed' || !failureReason) return tag;
  return (
    <Space size={4} wrap>
      <Tooltip title={failureReason}>{tag}</Tooltip>
      <Typography.Text type="danger" data-testid="failure-reason">
        {failureReason}
      </Typography.Text>
    </Space>
  );
}

/** `2026-11` as 2026年11月 / Nov 2026, in the current language. */
export function useMonthLabel(): (month: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (month: string) => {
      const m = splitMonth(month);
      if (!m) return month;
      const locale = language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
      return new Date(m.year, m.month - 1, 1).toLocaleDateString(locale, { year: 'numeric', month: 'short' });
    },
    [language],
  );
}

/** The server's `中文 / English` explanation in the current language (Chinese first). */
export function Explained({ text }: { text: string }) {
  const { i18n } = useTranslation();
  return <span data-testid="explanation">{explanationIn(text, i18n.language)}</span>;
}

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

/** A button that opens the file chooser for one CSV and hands the file on. */
export function CsvPicker({
  onFile,
  busy,
  label,
  testId,
  disabled,
}: {
  onFile: (file: File) => void;
  busy: boolean;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        style={{ display: 'none' }}
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared at once so the same file can be picked again after a fix.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}

/** Every problem of a refused file, by row and column (row 0: the file as a whole). */
export function RowErrorsTable({ rows }: { rows: RowError[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RowError & { key: number }>
      data-testid="row-errors"
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={rows.map((r, key) => ({ ...r, key }))}
      columns={[
        {
          title: t('allowances.import.colRow'),
          dataIndex: 'row',
          width: 90,
          render: (row: number) => (row === 0 ? t('allowances.import.wholeFile') : row),
        },
        { title: t('allowances.import.colColumn'), dataIndex: 'column', width: 120, render: (c: string) => c || '—' },
        { title: t('allowances.import.colMessage'), dataIndex: 'message', render: (m: string) => explanationIn(m, i18n.language) },
      ]}
    />
  );
}
