// Pure rules of the public revenue pages (tested): a draft entry's balance, months and
// their ranges, the monthly chart's series, the standard categories, the import template,
// and whose ledger a user lands on.
import { ApiError, asProblem, type Notice, type Translate } from '../../api/problem';
import { parseYuan } from '../../lib/money';
import type { AccountKind, Entry, MonthlyItem, NewEntry, Period } from './types';
import { csvTemplate } from '../../lib/csvImport';

/** Largest amount one line may carry (100 million yuan), as the server enforces. */
export const MAX_LINE_FEN = 10_000_000_000;

// ---------------------------------------------------------------------------------------
// Categories of the standard chart, in the order reports list them.

export const INCOME_CATEGORIES = [
  'parking',
  'tidal_parking',
  'advertising',
  'venue_rental',
  'express_lockers',
  'charging',
  'other_income',
] as const;

export const EXPENSE_CATEGORIES = ['maintenance', 'cleaning', 'committee_costs', 'audit_fees', 'other_expense'] as const;

export const ASSET_CATEGORIES = ['bank', 'cash'] as const;
export const LIABILITY_CATEGORIES = ['owed_to_owners'] as const;

export const CATEGORIES_BY_KIND: Record<AccountKind, readonly string[]> = {
  asset: ASSET_CATEGORIES,
  liability: LIABILITY_CATEGORIES,
  income: INCOME_CATEGORIES,
  expense: EXPENSE_CATEGORIES,
};

export const ACCOUNT_KINDS: readonly AccountKind[] = ['asset', 'liability', 'income', 'expense'];

const CATEGORY_ORDER: readonly string[] = [
  ...ASSET_CATEGORIES,
  ...LIABILITY_CATEGORIES,
  ...INCOME_CATEGORIES,
  ...EXPENSE_CATEGORIES,
];

/** Position of a category in reports; unknown ones (a newer server's) go last, by name. */
function categoryRank(category: string): number {
  const i = CATEGORY_ORDER.indexOf(category);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

export function compareCategories(a: string, b: string): number {
  return categoryRank(a) - categoryRank(b) || a.localeCompare(b);
}

/** A `{category: fen}` map (a disclosure's) as rows in report order, zero amounts left out. */
export function categoryRows(amounts: Record<string, number | undefined>): { category: string; fen: number }[] {
  return Object.entries(amounts)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 0)
    .map(([category, fen]) => ({ category, fen }))
    .sort((a, b) => compareCategories(a.category, b.category));
}

// ---------------------------------------------------------------------------------------
// A draft journal entry: amounts typed in yuan, checked line by line as the user types.

export interface DraftLine {
  account_id?: string;
  debit?: string;
  credit?: string;
}

export type LineProblem = 'noAccount' | 'noAmount' | 'bothSides' | 'invalidAmount' | 'tooLarge';

export interface DraftBalance {
  debitFen: number;
  creditFen: number;
  /** Debits less credits. */
  differenceFen: number;
  /** Per line; null when the line is fine or left blank. */
  problems: (LineProblem | null)[];
  /** Lines with anything typed in. */
  filled: number;
  /** Two or more good lines, nothing wrong, debits equal credits (and not zero). */
  ready: boolean;
}

function isBlank(line: DraftLine | undefined): boolean {
  return !line || (!line.account_id && !line.debit?.trim() && !line.credit?.trim());
}

function amountOf(text: string | undefined): number | 'invalid' | null {
  if (!text?.trim()) return null;
  const fen = parseYuan(text);
  return fen === null ? 'invalid' : fen;
}

/** Totals and problems of a draft; blank lines are ignored (a spare row is fine). */
export function draftBalance(lines: readonly (DraftLine | undefined)[]): DraftBalance {
  let debitFen = 0;
  let creditFen = 0;
  let filled = 0;
  const problems = lines.map((line): LineProblem | null => {
    if (isBlank(line) || !line) return null;
    filled += 1;
    const debit = amountOf(line.debit);
    const credit = amountOf(line.credit);
    if (debit === 'invalid' || credit === 'invalid') return 'invalidAmount';
    if (typeof debit === 'number') debitFen += debit;
    if (typeof credit === 'number') creditFen += credit;
    const d = debit ?? 0;
    const c = credit ?? 0;
    if (d > 0 && c > 0) return 'bothSides';
    if (d === 0 && c === 0) return 'noAmount';
    if (d > MAX_LINE_FEN || c > MAX_LINE_FEN) return 'tooLarge';
    if (!line.account_id) return 'noAccount';
    return null;
  });
  const differenceFen = debitFen - creditFen;
  const ready = filled >= 2 && problems.every((p) => p === null) && differenceFen === 0 && debitFen > 0;
  return { debitFen, creditFen, differenceFen, problems, filled, ready };
}

export interface EntryDraft {
  entry_date?: string;
  memo?: string;
  voucher_no?: string;
  lines?: (DraftLine | undefined)[];
}

/** The body to post; only for a draft whose balance is `ready`. Blank lines are dropped. */
export function toEntryBody(draft: EntryDraft): NewEntry {
  const lines = (draft.lines ?? []).filter((l): l is DraftLine => !isBlank(l));
  const voucher = draft.voucher_no?.trim();
  return {
    entry_date: draft.entry_date ?? '',
    memo: (draft.memo ?? '').trim(),
    voucher_no: voucher ? voucher : null,
    lines: lines.map((l) => ({
      account_id: l.account_id ?? '',
      debit_fen: parseYuan(l.debit ?? '') ?? 0,
      credit_fen: parseYuan(l.credit ?? '') ?? 0,
    })),
  };
}

/**
 * Maps the server's field names to the draft form's: `lines[2].account_id` -> the line's
 * account select, `lines[1]` -> its debit (the row), `lines` -> nothing (shown above the form).
 */
export function entryFieldPath(field: string): (string | number)[] | null {
  const line = /^lines\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (line) {
    const sub = line[2] === 'credit_fen' ? 'credit' : line[2] === 'account_id' ? 'account_id' : 'debit';
    return ['lines', Number(line[1]), sub];
  }
  if (field === 'entry_date' || field === 'memo' || field === 'voucher_no') return [field];
  return null;
}

// ---------------------------------------------------------------------------------------
// Months (`YYYY-MM`).

/** `2026-11-26` -> `2026-11`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function parseMonth(month: string): { y: number; m: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  return m >= 1 && m <= 12 ? { y, m } : null;
}

function formatMonth(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The month `n` months after `month` (before, for negative `n`). */
export function addMonths(month: string, n: number): string {
  const p = parseMonth(month);
  if (!p) return month;
  const index = p.y * 12 + (p.m - 1) + n;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `from` to `to`, both included; empty when `to` precedes `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (!parseMonth(from) || !parseMonth(to)) return out;
  for (let m = from; m <= to && out.length < 600; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of a month: `2026-02` -> `2026-02-28`. */
export function lastDayOf(month: string): string {
  const p = parseMonth(month);
  if (!p) return `${month}-01`;
  const days = new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** The twelve months up to and including today's. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const to = monthOf(today);
  return { from: addMonths(to, -11), to };
}

/** Whether a month is over (only ended months can be closed or disclosed). */
export function monthEnded(month: string, today: string): boolean {
  return month < monthOf(today);
}

/** Whether the month `date` falls in is closed, as far as the listed periods say. */
export function isClosedOn(date: string | undefined, periods: readonly Period[] | undefined): boolean {
  if (!date || !periods) return false;
  const month = monthOf(date);
  return periods.some((p) => p.month === month && p.closed);
}

// ---------------------------------------------------------------------------------------
// The monthly income and spending chart.

export interface CategorySeries {
  category: string;
  /** Fen per month, in the order of `months`. */
  fen: number[];
}

export interface MonthlyTotals {
  month: string;
  incomeFen: number;
  expenseFen: number;
  netFen: number;
}

export interface MonthlyChartData {
  months: string[];
  income: CategorySeries[];
  expense: CategorySeries[];
  totals: MonthlyTotals[];
}

/**
 * Groups the report's rows (month × kind × category) into one series per category over
 * every month of the range, months without rows counting zero.
 */
export function monthlyChartData(items: readonly MonthlyItem[], from: string, to: string): MonthlyChartData {
  const inRange = items.filter((i) => i.month >= from && i.month <= to);
  const months = monthsBetween(from, to);
  const index = new Map(months.map((m, i) => [m, i]));
  const build = (kind: string): CategorySeries[] => {
    const byCategory = new Map<string, number[]>();
    for (const item of inRange) {
      if (item.kind !== kind) continue;
      const at = index.get(item.month);
      if (at === undefined) continue;
      let row = byCategory.get(item.category);
      if (!row) {
        row = months.map(() => 0);
        byCategory.set(item.category, row);
      }
      row[at] += item.amount_fen;
    }
    return [...byCategory]
      .map(([category, fen]) => ({ category, fen }))
      .sort((a, b) => compareCategories(a.category, b.category));
  };
  const income = build('income');
  const expense = build('expense');
  const sum = (series: CategorySeries[], i: number) => series.reduce((s, c) => s + c.fen[i], 0);
  const totals = months.map((month, i) => {
    const incomeFen = sum(income, i);
    const expenseFen = sum(expense, i);
    return { month, incomeFen, expenseFen, netFen: incomeFen - expenseFen };
  });
  return { months, income, expense, totals };
}

// ---------------------------------------------------------------------------------------
// Journal entries.

export type EntryState = 'normal' | 'reversed' | 'reversal';

/** A reversal, an entry reversed by another, or neither. */
export function entryState(entry: Pick<Entry, 'reversed_by' | 'reverses_id'>): EntryState {
  if (entry.reverses_id) return 'reversal';
  if (entry.reversed_by) return 'reversed';
  return 'normal';
}

/** Only an entry that neither reverses nor was reversed can be reversed. */
export function canReverse(entry: Pick<Entry, 'reversed_by' | 'reverses_id'>): boolean {
  return entryState(entry) === 'normal';
}

// ---------------------------------------------------------------------------------------
// CSV import.

/** The columns of the cash journal the server imports, in order. */
export const IMPORT_HEADER = ['日期', '凭证号', '摘要', '科目', '收入', '支出', '收付方式'] as const;

/** A template to fill in: the header and two example rows (with a BOM so Excel reads UTF-8). */
export function importTemplate(): string {
  const rows = [
    IMPORT_HEADER.join(','),
    '2026-11-05,J2026-11-101,11月地面停车费,停车收益,1280.00,,银行',
    '2026-11-06,J2026-11-102,楼道灯具更换,5001,,356.50,现金',
  ];
  return csvTemplate(rows);
}

export { rowErrorsOf, type RowError } from '../../lib/csvImport';

// ---------------------------------------------------------------------------------------
// Whose ledger: users with one compound go straight to it.

/** Roles that read ledgers (mirrors the server's policy for `ledger.read`). */
const LEDGER_ROLES: ReadonlySet<string> = new Set([
  'district_admin',
  'subdistrict_staff',
  'community_staff',
  'compound_secretary',
  'committee_member',
  'property_staff',
]);

interface GrantLike {
  role: string;
  area_id: string;
  area_name: string;
  area_kind: string;
}

/** The one compound a user's grants cover, or null when they cover none or more. */
function onlyCompound(grants: readonly GrantLike[]): { id: string; name: string } | null {
  if (grants.length === 0) return null;
  if (grants.some((g) => g.area_kind !== 'compound')) return null;
  const ids = new Set(grants.map((g) => g.area_id));
  return ids.size === 1 ? { id: grants[0].area_id, name: grants[0].area_name } : null;
}

/** The compound whose ledger a committee member or property staff keeps, if only one. */
export function singleLedgerCompound(grants: readonly GrantLike[]): { id: string; name: string } | null {
  return onlyCompound(grants.filter((g) => LEDGER_ROLES.has(g.role)));
}

/**
 * The compound whose disclosures a user reads when they have no choice to make: every
 * grant is on the same compound (a resident, a committee member). Null otherwise.
 */
export function singleDisclosureCompound(grants: readonly GrantLike[]): { id: string; name: string } | null {
  return onlyCompound(grants);
}

/** Compounds named by a user's grants (for a first choice in a picker). */
export function grantCompounds(grants: readonly GrantLike[]): { id: string; name: string }[] {
  const seen = new Set<string>();
  const out: { id: string; name: string }[] = [];
  for (const g of grants) {
    if (g.area_kind !== 'compound' || seen.has(g.area_id)) continue;
    seen.add(g.area_id);
    out.push({ id: g.area_id, name: g.area_name });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The district roll-up: each level's children.

export type AreaLevel = 'district' | 'subdistrict' | 'community' | 'compound' | 'building';

const LEVELS: readonly AreaLevel[] = ['district', 'subdistrict', 'community', 'compound', 'building'];

/** The kind of an area's children (`district` -> `subdistrict`); null below compounds. */
export function childLevel(level: string): AreaLevel | null {
  const i = LEVELS.indexOf(level as AreaLevel);
  return i >= 0 && i < LEVELS.indexOf('compound') ? LEVELS[i + 1] : null;
}

/** The highest-level area among the user's ledger grants: where the roll-up starts. */
export function topLedgerArea(grants: readonly GrantLike[]): { id: string; name: string; kind: AreaLevel } | null {
  let best: GrantLike | null = null;
  for (const g of grants) {
    if (!LEDGER_ROLES.has(g.role)) continue;
    const rank = LEVELS.indexOf(g.area_kind as AreaLevel);
    if (rank < 0) continue;
    if (!best || rank < LEVELS.indexOf(best.area_kind as AreaLevel)) best = g;
  }
  return best ? { id: best.area_id, name: best.area_name, kind: best.area_kind as AreaLevel } : null;
}

// ---------------------------------------------------------------------------------------
// Refusals in this feature's words.

/**
 * A notice for a refused ledger request, titled in this feature's words when the code is
 * one of its own (`period_closed` -> 该月份已结账) rather than the generic 409 title; the
 * server's detail (what to do next) stays as the description.
 */
export function withRevenueTitle(notice: Notice, error: unknown, translate: Translate): Notice {
  const code = error instanceof ApiError ? error.code : asProblem(error)?.code;
  const own = code ? translate(`revenue.errors.${code}`) : undefined;
  if (!own || own === notice.message) return notice;
  return notice.description ? { message: own, description: notice.description } : { message: own };
}
