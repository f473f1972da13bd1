import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { splitMonth } from './model';

/** `2026-11` as 2026年11月 / Nov 2026, in the current language. */
export function useMonthLabel(): (month: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (month: string) => {
      const m = splitMonth(month);
      if (!m) return month;
      const locale = language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
      return new Date(m.year, m.month - 1, 1).toLocaleDateString(locale, { year: 'numeric', month: 'short' });
    },
    [language],
  );
}
