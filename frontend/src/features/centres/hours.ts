// Opening hours as the API writes them — weekday (1 = Monday … 7 = Sunday) -> [open, close]
// in `HH:MM`, days without an entry closed — and as the form edits them: one row per
// weekday. Pure, tested.
import type { FieldPath } from '../../api/problem';
import { knownFields } from '../../api/problem';

export type OpeningHours = Record<string, [string, string]>;

export interface DayRow {
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  open: boolean;
  from: string;
  to: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DEFAULT_FROM = '08:30';
const DEFAULT_TO = '20:00';
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * The API's object -> seven rows. The contract types the object loosely, so anything
 * that is not a pair of strings counts as closed.
 */
export function toRows(hours: unknown): DayRow[] {
  const map = hours && typeof hours === 'object' ? (hours as Record<string, unknown>) : {};
  return WEEKDAYS.map((day) => {
    const pair = map[String(day)];
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
      return { day, open: true, from: pair[0], to: pair[1] };
    }
    return { day, open: false, from: DEFAULT_FROM, to: DEFAULT_TO };
  });
}

/** Seven rows (Monday first) -> the API's object (closed days left out). */
export function fromRows(rows: readonly Partial<DayRow>[]): OpeningHours {
  const out: OpeningHours = {};
  rows.forEach((r, i) => {
    if (r.open) out[String(r.day ?? i + 1)] = [r.from ?? '', r.to ?? ''];
  });
  return out;
}

/** What is wrong with an open day's times, if anything: `format` or `order`. */
export function rowProblem(row: Pick<DayRow, 'open' | 'from' | 'to'>): 'format' | 'order' | null {
  if (!row.open) return null;
  if (!HHMM.test(row.from) || !HHMM.test(row.to)) return 'format';
  return row.from < row.to ? null : 'order';
}

/** Whether the centre is open at `hhmm` on `day` (closing time exclusive). */
export function openAt(hours: unknown, day: number, hhmm: string): boolean {
  const row = toRows(hours).find((r) => r.day === day);
  return !!row?.open && row.from <= hhmm && hhmm < row.to;
}

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function isoWeekday(date: Date): number {
  return ((date.getDay() + 6) % 7) + 1;
}

const OTHER_FIELDS = knownFields(['community_id', 'name', 'address', 'location', 'location.lat', 'location.lon', 'geofence_radius_m', 'services']);

/**
 * Server field -> form path for the centre form: `opening_hours.3` goes under Wednesday's
 * row (the form's `hours[2]`), a complaint about the whole object under the first row.
 */
export function centreFieldPath(field: string): FieldPath | null {
  const m = /^opening_hours(?:\.(\w+))?$/.exec(field);
  if (m) {
    const day = Number(m[1]);
    return Number.isInteger(day) && day >= 1 && day <= 7 ? ['hours', day - 1, 'from'] : ['hours', 0, 'from'];
  }
  return OTHER_FIELDS(field);
}
