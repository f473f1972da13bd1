import { Card, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useCompound } from '../compounds/api';
import { RecordError } from '../registry/RecordError';
import CompoundLedger from './CompoundLedger';
import { DisclosureTab } from './DisclosureTab';

/** A compound's ledger; those who publish disclosures get the 公示 tab beside it. */
export default function CompoundLedgerPage() {
  const { t } = useTranslation();
  const { compoundId = '' } = useParams();
  const { access } = useSession();
  const compound = useCompound(compoundId);

  if (compound.isError) return <RecordError error={compound.error} back="/public-revenue" />;
  const c = compound.data?.data;
  const title = c ? (
    <span data-testid="ledger-compound">
      {t('revenue.ledgerOf', { compound: c.name })}
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 12 }}>
        {c.subdistrict_name} · {c.community_name}
      </Typography.Text>
    </span>
  ) : (
    <Skeleton.Input active size="small" />
  );
  const ledger = <CompoundLedger compoundId={compoundId} readOnly={!access.revenue.post} />;

  return (
    <Card title={title}>
      {access.revenue.publish ? (
        <Tabs
          type="card"
          data-testid="ledger-page-tabs"
          items={[
            { key: 'ledger', label: <span data-testid="tab-ledger">{t('revenue.tabs.ledger')}</span>, children: ledger },
            {
              key: 'disclosure',
              label: <span data-testid="tab-disclosure">{t('revenue.tabs.disclosure')}</span>,
              children: <DisclosureTab compoundId={compoundId} />,
            },
          ]}
        />
      ) : (
        ledger
      )}
    </Card>
  );
}
