import { useTranslation } from 'react-i18next';

/** A moment as the reader's language writes it (`2026/3/1 08:00:00`). */
export function useLocalTime() {
  const { i18n } = useTranslation();
  return (iso: string) => new Date(iso).toLocaleString(i18n.language);
}
