// Numbers and dates of the governance registry as the pages show them. Pure, tested.

/** A fee in fen per m² per month as yuan with two decimals: 93 -> `0.93`. */
export function feeYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Yuan typed in a form -> whole fen, as the API stores money: 0.935 -> 94. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** `part` of `total` in percent with one decimal (`0` when there is no total). */
export function percent(part: number, total: number): string {
  return total > 0 ? ((part * 100) / total).toFixed(1) : '0';
}

/** A percentage without a needless `.0`: 50 -> `50`, 50.8 -> `50.8`. */
export function trimPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The rule the indicators use: a meeting counts as recent for 90 days (held after today − 90). */
export const MEETING_INTERVAL_DAYS = 90;

/** Whether a compound whose last meeting was on `last` (or never) has had none recently. */
export function meetingOverdue(last: string | null | undefined, today: string): boolean {
  return !last || daysBetween(last, today) >= MEETING_INTERVAL_DAYS;
}

/** Whether a post is held on `day`: started, and not yet ended (the end date is exclusive). */
export function postActiveOn(post: { start_date: string; end_date?: string | null }, day: string): boolean {
  return post.start_date <= day && (!post.end_date || day < post.end_date);
}
