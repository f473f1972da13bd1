import { useTranslation } from 'react-i18next';
import { feeYuan } from '../registry/format';

/** A fee in fen per m² per month, shown as 元/㎡·月 with two decimals. */
export function Fee({ fen }: { fen: number }) {
  const { t } = useTranslation();
  return <span data-testid="contract-fee">{t('contracts.feeValue', { fee: feeYuan(fen) })}</span>;
}
