// Pure rules of the allowance pages: money in fen and yuan, the codes the server sends and
// their labels, where a payment cycle's wizard stands, totals and filter counts, and the
// CSV files people exchange with the bank and the assessors. No React here: tested alone.
import { ApiError, asProblem, errorNotice, pickLanguage, type Notice, type Translate } from '../../api/problem';
import type { AssessmentResult, Budget, Cycle, CycleStatus, Decision, Outcome, Payment, PaymentReason } from './types';
import { csvTemplate } from '../../lib/csvImport';

// ---------------------------------------------------------------------------------------
// Money: the API keeps integer fen; people read and type yuan (src/lib/money.ts).

export { fenToYuan, formatMoney, formatYuan, parseYuan, yuanToFen } from '../../lib/money';

// ---------------------------------------------------------------------------------------
// Codes and their labels (the labels live in i18n.ts under `allowances.*`).

export const CYCLE_STATUSES: readonly CycleStatus[] = ['draft', 'submitted', 'approved', 'disbursed', 'reconciled', 'closed'];
export const DECISIONS: readonly Decision[] = ['included', 'held', 'excluded'];
export const REASONS: readonly PaymentReason[] = [
  'eligible',
  'carried',
  'no_post_in_period',
  'assessment_missing',
  'unqualified',
  'already_paid',
  'bank_details_missing',
];
export const RESULTS: readonly AssessmentResult[] = ['excellent', 'qualified', 'unqualified'];
export const OUTCOMES: readonly Outcome[] = ['sent', 'paid', 'failed'];

export const STATUS_COLOURS: Record<CycleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'blue',
  disbursed: 'gold',
  reconciled: 'green',
  closed: 'default',
};
export const DECISION_COLOURS: Record<Decision, string> = { included: 'green', held: 'orange', excluded: 'default' };
export const RESULT_COLOURS: Record<AssessmentResult, string> = { excellent: 'green', qualified: 'blue', unqualified: 'red' };
export const OUTCOME_COLOURS: Record<Outcome, string> = { sent: 'processing', paid: 'success', failed: 'error' };
/** Reasons a line is paid are green; reasons it is not, grey or orange (needs someone's action). */
export const REASON_COLOURS: Record<PaymentReason, string> = {
  eligible: 'green',
  carried: 'purple',
  no_post_in_period: 'default',
  assessment_missing: 'orange',
  unqualified: 'red',
  already_paid: 'default',
  bank_details_missing: 'orange',
};

/**
 * The label of a code under `allowances.<group>.<code>`; a code this build does not know
 * (a newer server) is shown as sent rather than as a missing-key path.
 */
export function codeLabel(group: 'statuses' | 'decisions' | 'reasons' | 'results' | 'outcomes', code: string, translate: Translate): string {
  return translate(`allowances.${group}.${code}`) ?? code;
}

/** A decision as sent (a plain string in the contract), or undefined when unknown. */
export function asDecision(value: string | null | undefined): Decision | undefined {
  return DECISIONS.includes(value as Decision) ? (value as Decision) : undefined;
}

/** An outcome as sent, or undefined when there is none (not disbursed) or it is unknown. */
export function asOutcome(value: string | null | undefined): Outcome | undefined {
  return OUTCOMES.includes(value as Outcome) ? (value as Outcome) : undefined;
}

// ---------------------------------------------------------------------------------------
// The cycle wizard: 生成 → 审核名单 → 提交 → 审批 → 发放 → 导出银行文件 → 导入回单 → 关闭.

export const STEPS = ['generate', 'review', 'submit', 'approve', 'disburse', 'export', 'reconcile', 'close'] as const;
export type StepKey = (typeof STEPS)[number];

export interface WizardFacts {
  status: CycleStatus;
  generated_at?: string | null;
  paid_fen: number;
  failed: number;
}

/**
 * The step a cycle is at — where the next piece of work is — from its status. A disbursed
 * cycle is at 导出银行文件 until the file was downloaded here or the bank reported any
 * transfer; then at 导入回单. A closed cycle is past the last step (every step done).
 */
export function wizardStep(cycle: WizardFacts, exported = false): number {
  switch (cycle.status) {
    case 'draft':
      return cycle.generated_at ? STEPS.indexOf('review') : STEPS.indexOf('generate');
    case 'submitted':
      return STEPS.indexOf('approve');
    case 'approved':
      return STEPS.indexOf('disburse');
    case 'disbursed':
      return exported || cycle.paid_fen > 0 || cycle.failed > 0 ? STEPS.indexOf('reconcile') : STEPS.indexOf('export');
    case 'reconciled':
      return STEPS.indexOf('close');
    case 'closed':
      return STEPS.length;
  }
}

/**
 * The furthest step one may look at: every step done, the current one, and for a draft also
 * 提交 (reviewing and submitting are both the preparer's work on a draft).
 */
export function furthestStep(cycle: WizardFacts, exported = false): number {
  const current = wizardStep(cycle, exported);
  if (cycle.status === 'draft' && cycle.generated_at) return STEPS.indexOf('submit');
  if (cycle.status === 'disbursed') return STEPS.indexOf('reconcile');
  return Math.min(current, STEPS.length - 1);
}

/** Whether the signed-in user prepared the cycle (the view names the preparer; no id). */
export function preparedByMe(cycle: Pick<Cycle, 'prepared_by_name'>, me: { display_name: string } | null | undefined): boolean {
  return !!me && cycle.prepared_by_name.trim() === me.display_name.trim();
}

// ---------------------------------------------------------------------------------------
// Lines, totals and counts.

/** A line paying for an earlier month (a failed transfer carried into this cycle): 补发. */
export function isCarried(p: Pick<Payment, 'reason' | 'carried_from' | 'period_month'>, cycleMonth?: string): boolean {
  return p.reason === 'carried' || !!p.carried_from || (!!cycleMonth && p.period_month < cycleMonth);
}

export interface LineTotals {
  candidates: number;
  included: number;
  held: number;
  excluded: number;
  /** Fen of the included lines. */
  totalFen: number;
  /** Fen the bank confirmed. */
  paidFen: number;
  failed: number;
  awaiting: number;
}

/** Totals of a list of lines, as the cycle's header shows them for the whole cycle. */
export function lineTotals(lines: readonly Pick<Payment, 'decision' | 'amount_fen' | 'outcome'>[]): LineTotals {
  const t: LineTotals = { candidates: 0, included: 0, held: 0, excluded: 0, totalFen: 0, paidFen: 0, failed: 0, awaiting: 0 };
  for (const p of lines) {
    t.candidates += 1;
    const decision = asDecision(p.decision);
    if (decision === 'included') {
      t.included += 1;
      t.totalFen += p.amount_fen;
    } else if (decision === 'held') t.held += 1;
    else t.excluded += 1;
    const outcome = asOutcome(p.outcome);
    if (outcome === 'paid') t.paidFen += p.amount_fen;
    else if (outcome === 'failed') t.failed += 1;
    else if (outcome === 'sent') t.awaiting += 1;
  }
  return t;
}

/** How many lines carry each decision and each reason, for the filters' counts. */
export function countLines(lines: readonly Pick<Payment, 'decision' | 'reason'>[]): {
  decisions: Partial<Record<string, number>>;
  reasons: Partial<Record<string, number>>;
} {
  const decisions: Partial<Record<string, number>> = {};
  const reasons: Partial<Record<string, number>> = {};
  for (const p of lines) {
    decisions[p.decision] = (decisions[p.decision] ?? 0) + 1;
    reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
  }
  return { decisions, reasons };
}

/**
 * A programme-year's money as shares of the budget for a progress bar: committed (approved
 * and later) and within it paid, both capped at 100; `over` when committed passed the budget.
 */
export function budgetShares(b: Pick<Budget, 'budget_fen' | 'committed_fen' | 'paid_fen'>): {
  committed: number;
  paid: number;
  over: boolean;
} {
  if (b.budget_fen <= 0) return { committed: 0, paid: 0, over: b.committed_fen > 0 };
  const share = (fen: number) => Math.min(100, Math.max(0, Math.round((fen * 1000) / b.budget_fen) / 10));
  return { committed: share(b.committed_fen), paid: share(b.paid_fen), over: b.committed_fen > b.budget_fen };
}

// ---------------------------------------------------------------------------------------
// Months.

/** `2026-11` -> { year: 2026, month: 11 }; null for anything else. */
export function splitMonth(month: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mm = Number(m[2]);
  return mm >= 1 && mm <= 12 ? { year: Number(m[1]), month: mm } : null;
}

/** The month of a date in the browser's calendar, as the API writes months: `2026-11`. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------
// Files: the assessors' CSV and the bank's return file.

/** Columns of an assessment import; 人员ID and 备注 may be left empty. */
export const ASSESSMENT_HEADER = ['人员ID', '姓名', '考评开始', '考评结束', '得分', '结果', '考评人', '备注'] as const;

/** A template to fill in: the header and an example row (with a BOM so Excel reads UTF-8). */
export function assessmentTemplate(): string {
  const rows = [ASSESSMENT_HEADER.join(','), ',张三,2026-01-01,2026-12-31,92,优秀,社区党委,年度考评'];
  return csvTemplate(rows);
}

/** Columns of the bank's return file; 结果 is 成功 or 失败 (a failure with its reason). */
export const RETURN_HEADER = ['参考号', '结果', '银行流水号', '失败原因'] as const;

/** An example return file (with a BOM so Excel reads UTF-8). */
export function returnTemplate(): string {
  const rows = [
    RETURN_HEADER.join(','),
    '3f1c2b9e-6a7d-4c1e-9b2a-0d4e5f6a7b8c,成功,B202611280001,',
    '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d,失败,,账户已销户',
  ];
  return csvTemplate(rows);
}

export { rowErrorsOf, type RowError } from '../../lib/csvImport';

// ---------------------------------------------------------------------------------------
// Refusals.

/**
 * The notification for a failed allowance request. A refusal whose code this feature knows
 * (`four_eyes`, `budget_exceeded`, `cycle_empty`…) is titled in its words — not the generic
 * catalogue's, which may name another module — with the server's detail (Chinese first:
 * what exactly, what to do) and the actions the cycle still allows as the description.
 * Anything else is shown as everywhere (`errorNotice`).
 */
export function allowanceNotice(error: unknown, translate: Translate): Notice {
  const base = errorNotice(error, translate);
  const problem = error instanceof ApiError ? error.problem : asProblem(error);
  const own = problem?.code ? translate(`allowances.errors.${problem.code}`) : undefined;
  if (!problem || !own) return base;
  const lines: string[] = [];
  const detail = problem.detail ? pickLanguage(problem.detail, translate.language) : '';
  if (detail && detail !== own) lines.push(detail);
  const allowed = (problem.allowed ?? []).filter((a): a is string => typeof a === 'string');
  if (allowed.length > 0) {
    const actions = allowed.map((a) => translate(`allowances.actions.${a}`) ?? a).join(translate('common.listSeparator') ?? ', ');
    lines.push(translate('allowances.errors.allowed', { actions }) ?? actions);
  }
  return lines.length ? { message: own, description: lines.join('\n') } : { message: own };
}

/**
 * The amount for holding the post `held` days of a month of `days` days, as the server
 * computes it: the whole amount for the whole month (or without pro-rata), else
 * amount × held ÷ days rounded down to the fen.
 */
export function proRataFen(amountFen: number, held: number, days: number, enabled = true): number {
  if (held <= 0) return 0;
  if (held >= days || !enabled) return amountFen;
  return Math.floor((amountFen * held) / Math.max(1, days));
}

/**
 * After a failed disbursement: whether the same click may be retried with the same
 * `Idempotency-Key` — the request may have reached the server (no answer, a server error,
 * or the first attempt still running) — rather than start a new request with a new key.
 * A refusal (4xx) is final: the next click is a new request.
 */
export function keepKeyForRetry(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.code === 'idempotency_in_flight';
  // fetch rejects with a TypeError when the network fails: the outcome is unknown.
  return error instanceof TypeError;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The half of a server explanation (`中文 / English`) for the language. Unlike the app's
 * general rule, the English half may quote Chinese (a bank's failure reason), and the
 * server does not always put a space before the slash (`…不符）/ carried: …`): the split
 * is at the first slash followed by a space and English, after Chinese. Text without it
 * is shown as it is.
 */
export function explanationIn(text: string, language: string | undefined): string {
  const m = /\s*\/\s+(?=[A-Za-z0-9(])/.exec(text);
  if (!m) return text;
  const zh = text.slice(0, m.index).trim();
  const en = text.slice(m.index + m[0].length).trim();
  if (!CJK.test(zh) || !en) return text;
  return language?.toLowerCase().startsWith('en') ? en : zh;
}
