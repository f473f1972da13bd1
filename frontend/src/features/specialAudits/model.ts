// The special audits' rules as the pages need them: status order, the board's columns,
// the buttons an engagement offers, money and rates in words. Pure, tested in model.test.ts.
import type { Engagement, EngagementStatus, Finding, FindingKind, Opinion, Rectification, Severity } from './types';

/** The life cycle in order; also the board's columns, left to right. */
export const ENGAGEMENT_STATUSES: readonly EngagementStatus[] = [
  'planned',
  'fieldwork',
  'draft_report',
  'final_report',
  'rectification',
  'closed',
];

export const OPINIONS: readonly Opinion[] = ['unqualified', 'qualified', 'adverse', 'disclaimer'];
export const FINDING_KINDS: readonly FindingKind[] = [
  'unrecorded_income',
  'misappropriation',
  'missing_voucher',
  'unauthorised_expense',
  'other',
];
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];
export const FINDING_STATUSES = ['open', 'closed'] as const;

/** Tag colours per status (antd preset names). */
export const STATUS_COLOR: Record<EngagementStatus, string> = {
  planned: 'default',
  fieldwork: 'processing',
  draft_report: 'gold',
  final_report: 'purple',
  rectification: 'volcano',
  closed: 'success',
};

export const SEVERITY_COLOR: Record<Severity, string> = { low: 'blue', medium: 'orange', high: 'red' };

/** Position of a status in the life cycle (for the Steps and sorting). */
export function statusIndex(status: EngagementStatus): number {
  return ENGAGEMENT_STATUSES.indexOf(status);
}

/** Engagements per board column, every column present (possibly empty), each by compound name. */
export function groupByStatus(items: readonly Engagement[]): Record<EngagementStatus, Engagement[]> {
  const board = Object.fromEntries(ENGAGEMENT_STATUSES.map((s) => [s, [] as Engagement[]])) as Record<
    EngagementStatus,
    Engagement[]
  >;
  for (const e of items) board[e.status]?.push(e);
  for (const s of ENGAGEMENT_STATUSES) board[s].sort((a, b) => a.compound_name.localeCompare(b.compound_name, 'zh-CN'));
  return board;
}

export interface NextStep {
  to: EngagementStatus;
  /** Forward along the life cycle (the main button) or back (a draft returned to fieldwork). */
  forward: boolean;
  /** The step asks for the audit opinion (and may carry a report summary). */
  needsOpinion: boolean;
}

/**
 * The buttons for an engagement's `next` (as the server says): forward steps first, a step
 * back last; the final report asks for the opinion.
 */
export function nextSteps(status: EngagementStatus, next: readonly EngagementStatus[]): NextStep[] {
  const here = statusIndex(status);
  return next
    .filter((to) => ENGAGEMENT_STATUSES.includes(to))
    .map((to) => ({ to, forward: statusIndex(to) > here, needsOpinion: to === 'final_report' }))
    .sort((a, b) => Number(b.forward) - Number(a.forward) || statusIndex(a.to) - statusIndex(b.to));
}

/** Findings may be raised during fieldwork and the draft report only. */
export function takesFindings(status: EngagementStatus): boolean {
  return status === 'fieldwork' || status === 'draft_report';
}

/** Why an engagement in rectification cannot close yet: how many findings are still open (0: it can). */
export function blockingFindings(e: Pick<Engagement, 'status' | 'open_finding_count'>): number {
  return e.status === 'rectification' ? e.open_finding_count : 0;
}

/** Integer fen as yuan with two decimals and thousands separators: 1200000 -> `12,000.00`. */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** Yuan typed into a form -> whole fen (the API's unit): 12000.5 -> 1200050. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen -> yuan for a form's number input: 1200050 -> 12000.5. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** A share (0..1) as a percentage with one decimal; `—` when there is none yet. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  const pct = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** A share (0..1) as a whole percentage for a progress bar, clamped to 0..100. */
export function progressPercent(part: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((part * 1000) / total) / 10));
}

/** How far a finding's rectification has come: verified actions of all actions. */
export function rectificationProgress(f: Pick<Finding, 'rectifications'>): { verified: number; total: number; overdue: number } {
  const actions: readonly Rectification[] = f.rectifications;
  return {
    verified: actions.filter((r) => r.status === 'verified').length,
    total: actions.length,
    overdue: actions.filter((r) => r.overdue).length,
  };
}

/** Money at stake of the findings still open. */
export function openAmountFen(findings: readonly Pick<Finding, 'status' | 'amount_fen'>[]): number {
  return findings.filter((f) => f.status !== 'closed').reduce((sum, f) => sum + f.amount_fen, 0);
}
