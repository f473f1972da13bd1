import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/types';
import { todayIso } from '../../lib/dates';

/** In force today, expired, or not begun (the end date is inclusive). */
export function TermTag({ contract }: { contract: Pick<Contract, 'start_date' | 'end_date'> }) {
  const { t } = useTranslation();
  const today = todayIso();
  if (contract.end_date < today) return <Tag>{t('contracts.expired')}</Tag>;
  if (contract.start_date > today) return <Tag color="blue">{t('contracts.upcoming')}</Tag>;
  return <Tag color="green">{t('contracts.inForce')}</Tag>;
}

export function BundleTag({ contract }: { contract: Pick<Contract, 'is_bundle' | 'compound_ids'> }) {
  const { t } = useTranslation();
  return contract.is_bundle ? (
    <Tag color="orange" data-testid="bundle-tag">
      {t('contracts.bundle', { count: contract.compound_ids.length })}
    </Tag>
  ) : null;
}
