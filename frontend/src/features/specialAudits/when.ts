/** A date-time as the user's language writes it. */
export function when(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language.startsWith('en') ? 'en-GB' : 'zh-CN', { hour12: false });
}
