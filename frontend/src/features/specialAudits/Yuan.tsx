import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from './model';

/** Money in fen shown as yuan (`12,000.00 元`). */
export function Yuan({ fen, strong, testId }: { fen: number; strong?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const text = t('audits.yuan', { amount: formatYuan(fen) });
  return (
    <Typography.Text strong={strong} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}

/** Yuan as plain text, for places that take a string (chart labels, summaries). */
export function useYuan(): (fen: number) => string {
  const { t } = useTranslation();
  return (fen) => t('audits.yuan', { amount: formatYuan(fen) });
}
