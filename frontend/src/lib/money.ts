// Money as the API keeps it (integer fen) and as people read and type it (yuan with two
// decimals). Integer arithmetic only: 0.1 + 0.2 must never show up in a ledger.

/** Groups the digits of a non-negative integer in threes: `1234567` -> `1,234,567`. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fen as yuan with two decimals and thousands separators: `123456789` -> `1,234,567.89`; `—` for none. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen == null || !Number.isFinite(fen)) return '—';
  const whole = Math.trunc(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  return `${sign}${groupThousands(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** Like formatYuan with the currency sign, for amounts that stand alone: `¥1,234.56`. */
export function formatMoney(fen: number | null | undefined): string {
  const text = formatYuan(fen);
  if (text === '—') return text;
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/**
 * Reads a yuan amount as people type it (`1,234.5`, `￥88`, `1234.56元`, ` 12 `) into fen.
 * More than two decimals, a sign, or anything else answers null; so does an empty text.
 */
export function parseYuan(text: string | null | undefined): number | null {
  if (text == null) return null;
  const cleaned = text
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/[,，\s]/g, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(cleaned) ?? /^()\.(\d{1,2})$/.exec(cleaned);
  if (!m) return null;
  const whole = m[1] ? Number(m[1]) : 0;
  return whole * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * A yuan number from an InputNumber (two decimals at most) as fen. Goes through the text so
 * that 0.29 yuan is 29 fen, not 28.999…; null for nothing or a value that is not money.
 */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan == null || !Number.isFinite(yuan) || yuan < 0) return null;
  return parseYuan(yuan.toFixed(2));
}

/** Fen as a yuan number for an InputNumber or a chart (never for sums). */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}
