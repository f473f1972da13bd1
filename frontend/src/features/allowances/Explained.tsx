import { useTranslation } from 'react-i18next';
import { explanationIn } from './model';

/** The server's `中文 / English` explanation in the current language (Chinese first). */
export function Explained({ text }: { text: string }) {
  const { i18n } = useTranslation();
  return <span data-testid="explanation">{explanationIn(text, i18n.language)}</span>;
}
