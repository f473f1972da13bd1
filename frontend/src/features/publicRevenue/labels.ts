import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A category code (`tidal_parking`) as its label (潮汐停车收益); unknown codes as sent. */
export function useCategoryLabel(): (category: string) => string {
  const { t } = useTranslation();
  return useCallback((category: string) => t(`revenue.categories.${category}`, { defaultValue: category }), [t]);
}

/** `2026-07` as 2026年7月 / Jul 2026. */
export function useMonthLabel(): (month: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (month: string) => {
      const [y, m] = month.split('-');
      if (!y || !m) return month;
      return t('revenue.monthLabel', { year: y, month: Number(m) });
    },
    [t],
  );
}
