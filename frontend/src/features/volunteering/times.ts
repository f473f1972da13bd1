/** A date-time in China time, as the district works. */
export function when(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language.startsWith('en') ? 'en-GB' : 'zh-CN', {
    hour12: false,
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Only the clock time (China time): `14:05`. */
export function clock(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
}

/** A start and end: the end's date is left out when it is the same day. */
export function span(from: string, to: string, language: string): string {
  const a = when(from, language);
  const b = when(to, language);
  const [dayA] = a.split(/[ ,]+/);
  const [dayB] = b.split(/[ ,]+/);
  return dayA === dayB ? `${a} – ${clock(to)}` : `${a} – ${b}`;
}
