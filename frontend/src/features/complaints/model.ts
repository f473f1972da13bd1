// Pure rules of the complaints pages (tested): status colours, the deadline that counts
// now and its countdown, the reasons each refusal needs, and what to offer the handler.
import type { Complaint, ComplaintAction, ComplaintCounts, ComplaintStatus } from '../../api/types';

/** Every status, in the order of the inbox tabs. */
export const STATUSES: readonly ComplaintStatus[] = [
  'submitted',
  'accepted',
  'assigned',
  'returned',
  'signed',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
];

export const STATUS_COLOR: Record<ComplaintStatus, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  assigned: 'geekblue',
  signed: 'purple',
  returned: 'orange',
  in_progress: 'gold',
  resolved: 'green',
  closed: 'default',
};

/** Statuses where nothing more happens. */
export function isFinished(status: ComplaintStatus): boolean {
  return status === 'closed' || status === 'rejected';
}

/** The order in which the detail page offers the allowed actions. */
export const ACTION_ORDER: readonly ComplaintAction[] = [
  'accept',
  'assign',
  'sign',
  'start',
  'resolve',
  'review',
  'close',
  'return',
  'reject',
];

export function orderedActions(allowed: readonly ComplaintAction[]): ComplaintAction[] {
  return ACTION_ORDER.filter((a) => allowed.includes(a));
}

export const REJECT_REASONS = ['duplicate', 'not_in_scope', 'insufficient_info', 'judicial_matter', 'other'] as const;
export const RETURN_REASONS = ['not_our_responsibility', 'wrong_compound', 'needs_other_department', 'other'] as const;

/** Actions whose form needs a reason and a note. */
export function needsReason(action: ComplaintAction): readonly string[] | null {
  if (action === 'reject') return REJECT_REASONS;
  if (action === 'return') return RETURN_REASONS;
  return null;
}

export type DeadlineKind = 'sign' | 'resolve';

/** The deadline the complaint is measured against now: signing while assigned, then resolving. */
export function currentDeadline(
  c: Pick<Complaint, 'status' | 'sign_by' | 'resolve_by'>,
): { kind: DeadlineKind; at: string } | null {
  if (c.status === 'assigned' && c.sign_by) return { kind: 'sign', at: c.sign_by };
  if ((c.status === 'signed' || c.status === 'in_progress') && c.resolve_by) return { kind: 'resolve', at: c.resolve_by };
  return null;
}

export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Time left until `deadline` (or past it) in whole days, hours and minutes. */
export function countdown(deadline: string, now: Date = new Date()): Countdown {
  const diff = new Date(deadline).getTime() - now.getTime();
  const overdue = diff < 0;
  const total = Math.floor(Math.abs(diff) / 60_000);
  return {
    overdue,
    days: Math.floor(total / (24 * 60)),
    hours: Math.floor((total % (24 * 60)) / 60),
    minutes: total % 60,
  };
}

/** Counts per status for the tabs, plus the total and all overdue ones. */
export function tallyCounts(counts: ComplaintCounts | undefined): {
  byStatus: Partial<Record<ComplaintStatus, { count: number; overdue: number }>>;
  total: number;
  overdue: number;
} {
  const byStatus: Partial<Record<ComplaintStatus, { count: number; overdue: number }>> = {};
  let total = 0;
  let overdue = 0;
  for (const c of counts ?? []) {
    byStatus[c.status] = { count: c.count, overdue: c.overdue };
    total += c.count;
    overdue += c.overdue;
  }
  return { byStatus, total, overdue };
}

/**
 * The handler may ask for more time while working on the order (its allowed actions
 * include resolving) and when no request is waiting for a decision.
 */
export function mayRequestExtension(c: Pick<Complaint, 'allowed_actions' | 'extensions'>): boolean {
  return c.allowed_actions.includes('resolve') && !c.extensions.some((e) => e.status === 'pending');
}

/** Open complaints (not yet resolved) that a dispatcher could merge as duplicates. */
export function mayMerge(c: Pick<Complaint, 'status' | 'duplicate_of'>, dispatch: boolean): boolean {
  return dispatch && !c.duplicate_of && ['submitted', 'accepted', 'assigned', 'returned'].includes(c.status);
}

/** The compounds a resident may file for: those of their resident grants. */
export function residentCompounds(
  grants: readonly { role: string; area_id: string; area_name: string; area_kind: string }[],
): { id: string; name: string }[] {
  const seen = new Set<string>();
  const out: { id: string; name: string }[] = [];
  for (const g of grants) {
    if (g.role !== 'resident' || g.area_kind !== 'compound' || seen.has(g.area_id)) continue;
    seen.add(g.area_id);
    out.push({ id: g.area_id, name: g.area_name });
  }
  return out;
}

/** Phone numbers as the server accepts them. */
export const PHONE_PATTERN = /^\+?[0-9]{5,20}$/;

/**
 * The routing rule as the server keeps it (`governance_mode/self_managed: 居民自治委员会`)
 * in words: the rule, the compound's governance mode where it decided, and the handler kind.
 */
export function routingText(rule: string, translate: (key: string) => string | undefined): string {
  const m = /^([a-z_]+)(?:\/([a-z_]+))?:\s*(.*)$/.exec(rule);
  if (!m) return rule;
  const [, kind, mode, rest] = m;
  const ruleName = translate(`handlerRules.${kind}`) ?? kind;
  const modeName = mode ? (translate(`governanceModes.${mode}`) ?? mode) : null;
  return `${ruleName}${modeName ? `（${modeName}）` : ''} → ${rest}`;
}
