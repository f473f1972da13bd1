// Pure rules of the volunteering pages (tested): minutes as hours, status colours, places
// left, the phase of an activity, the refusal texts, the centre a QR code names, quarters.
import { ApiError, errorNotice, pickLanguage, type Notice, type Translate } from '../../api/problem';
import type { Activity, ReportStatus, Verification } from './types';

/** Minutes as hours with one decimal: 90 -> `1.5`, 0 -> `0.0`. */
export function hours(minutes: number | null | undefined): string {
  const m = Math.max(0, minutes ?? 0);
  return (Math.round(m / 6) / 10).toFixed(1);
}

export const VERIFICATION_COLOR: Record<Verification, string> = {
  pending: 'gold',
  verified: 'green',
  rejected: 'red',
};

export const REPORT_STATUS_COLOR: Record<ReportStatus, string> = {
  requested: 'blue',
  confirmed: 'green',
  declined: 'red',
  withdrawn: 'default',
  ended: 'default',
};

export const REPORT_STATUSES: readonly ReportStatus[] = ['requested', 'confirmed', 'declined', 'withdrawn', 'ended'];

/** A verification value the server writes, or `pending` for anything unknown. */
export function verificationOf(value: string): Verification {
  return value === 'verified' || value === 'rejected' ? value : 'pending';
}

export function reportStatusOf(value: string): ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value) ? (value as ReportStatus) : 'requested';
}

/** A report that still binds the member: a request waiting or a confirmed report. */
export function reportActive(report: { status: string } | null | undefined): boolean {
  return report?.status === 'requested' || report?.status === 'confirmed';
}

export interface Capacity {
  taken: number;
  capacity: number;
  left: number;
  full: boolean;
  /** Places taken in percent (0–100), for a progress bar. */
  percent: number;
}

/** Places taken and left of an activity. */
export function capacityOf(a: Pick<Activity, 'signed_up' | 'capacity'>): Capacity {
  const capacity = Math.max(0, a.capacity);
  const taken = Math.max(0, a.signed_up);
  const left = Math.max(0, capacity - taken);
  return {
    taken,
    capacity,
    left,
    full: taken >= capacity,
    percent: capacity > 0 ? Math.min(100, Math.round((taken * 100) / capacity)) : 100,
  };
}

export type ActivityPhase = 'cancelled' | 'upcoming' | 'ongoing' | 'ended';

/** Where an activity stands at `now` (milliseconds). */
export function activityPhase(a: Pick<Activity, 'status' | 'starts_at' | 'ends_at'>, now: number): ActivityPhase {
  if (a.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(a.starts_at)) return 'upcoming';
  if (now > Date.parse(a.ends_at)) return 'ended';
  return 'ongoing';
}

export const PHASE_COLOR: Record<ActivityPhase, string> = {
  cancelled: 'default',
  upcoming: 'blue',
  ongoing: 'green',
  ended: 'default',
};

/** `YYYY-MM-DD` of an instant in China time (UTC+8, no daylight saving). */
export function chinaDay(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The activities one may check in at today (China time): not cancelled, not over, and
 * touching today; those the volunteer signed up for and those going on now first.
 */
export function checkInChoices(items: readonly Activity[], now: number): Activity[] {
  const today = chinaDay(now);
  const rank = (a: Activity) => (a.signed_up_by_me ? 0 : 2) + (activityPhase(a, now) === 'ongoing' ? 0 : 1);
  return items
    .filter((a) => a.status !== 'cancelled' && Date.parse(a.ends_at) >= now)
    .filter((a) => chinaDay(a.starts_at) <= today && chinaDay(a.ends_at) >= today)
    .sort((x, y) => rank(x) - rank(y) || Date.parse(x.starts_at) - Date.parse(y.starts_at));
}

/** Time since `from` as `H:MM:SS` (never negative). */
export function elapsed(from: string, now: number): string {
  const total = Math.max(0, Math.floor((now - Date.parse(from)) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Whole seconds from `now` until `at`, at least 0. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Codes of refusals the volunteering pages explain in their own words. */
export const KNOWN_CODES = [
  'outside_geofence',
  'position_imprecise',
  'qr_invalid',
  'place_without_location',
  'already_checked_in',
  'not_checked_in',
  'already_checked_out',
  'activity_full',
  'activity_cancelled',
  'activity_over',
  'already_signed_up',
  'report_active',
  'still_checked_in',
  'already_verified',
  'check_in_unknown',
  'device_time_implausible',
  'no_person_record',
] as const;

/**
 * A refusal in words: the code's own title (`volunteering.errors.<code>`) with the
 * server's sentence below it (it carries the numbers, e.g. the distance from the
 * geofence); other errors as everywhere else.
 */
export function refusal(error: unknown, translate: Translate): Notice {
  if (error instanceof ApiError && error.problem) {
    return outcomeNotice(error.problem.code, error.problem.detail, translate) ?? errorNotice(error, translate);
  }
  return errorNotice(error, translate);
}

/** The words for a rejected code and the server's detail; null when the code is not ours. */
export function outcomeNotice(code: string | null | undefined, detail: string | null | undefined, translate: Translate): Notice | null {
  const said = detail ? pickLanguage(detail, translate.language) : '';
  const title = code ? translate(`volunteering.errors.${code}`) : undefined;
  if (title) return said && said !== title ? { message: title, description: said } : { message: title };
  if (said) return { message: said };
  return null;
}

/**
 * The centre a check-in QR code names: the token is `<payload>.<signature>` in base64url,
 * the payload the centre's 16-byte UUID and the second it was issued. Null for anything
 * that does not look like one (the server checks the signature).
 */
export function centreOfToken(token: string): string | null {
  const payload = token.trim().split('.')[0];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  let bytes: string;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    bytes = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return null;
  }
  if (bytes.length < 16) return null;
  const hex = [...bytes.slice(0, 16)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The quarter a day (`YYYY-MM-DD`) falls in, as the API writes it: `2026Q3`. */
export function quarterOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The last quarter that has ended before `day`: the employer report's default. */
export function lastEndedQuarter(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}

/** Quarters to offer: the last `count` before (and including) the one of `day`, newest first. */
export function recentQuarters(day: string, count: number): string[] {
  const [y, m] = day.split('-').map(Number);
  let year = y;
  let q = Math.floor((m - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** Reported members against the target in percent, one decimal, at most 100. */
export function reportingPercent(reported: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(100, Math.round((reported * 1000) / target) / 10);
}
