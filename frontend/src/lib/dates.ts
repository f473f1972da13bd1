// Calendar dates as the API sends them (`YYYY-MM-DD`) and as antd's pickers hold them
// (dayjs). Loaded only with the pages that pick dates.
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from '../i18n';

function applyLocale(language: string | undefined): void {
  dayjs.locale(language?.toLowerCase().startsWith('en') ? 'en' : 'zh-cn');
}
applyLocale(i18n.language);
i18n.on('languageChanged', applyLocale);

export const DATE_FORMAT = 'YYYY-MM-DD';

/** `2026-11-26` -> a dayjs for a picker; nothing for nothing. */
export function toDay(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(iso, DATE_FORMAT) : undefined;
}

/** A picker's dayjs -> `2026-11-26`; null for an empty picker. */
export function fromDay(day: Dayjs | null | undefined): string | null {
  return day ? day.format(DATE_FORMAT) : null;
}

/** Today in the browser's calendar, as the API writes dates. */
export function todayIso(): string {
  return dayjs().format(DATE_FORMAT);
}

export { dayjs };
export type { Dayjs };

/**
 * Spread on a `Form.Item` around a DatePicker to keep the form's value a `YYYY-MM-DD`
 * string (as the API writes it) while the picker works with dayjs.
 */
export const dateField = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value, DATE_FORMAT) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format(DATE_FORMAT) : undefined),
};
