import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Space } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordError } from '../registry/RecordError';
import { useEngagement } from './api';
import { StatusTag } from './AuditTags';

// The ledger itself belongs to the public revenue pages; auditors see it read-only.
const CompoundLedger = lazy(() => import('../publicRevenue/CompoundLedger'));

/** The audited compound's public revenue ledger, read-only, from the engagement. */
export default function EngagementLedgerPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = useEngagement(id);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <RecordError error={query.error} back="/audits" />;
  const e = query.data.data;

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span data-testid="engagement-ledger-title">{t('audits.ledger.title', { compound: e.compound_name })}</span>
            <StatusTag status={e.status} />
          </Space>
        }
        extra={
          <Link to={`/audits/engagements/${e.id}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('audits.ledger.back')}</Button>
          </Link>
        }
      >
        <Alert type="info" showIcon title={t('audits.ledger.hint', { from: e.period_from, to: e.period_to })} />
      </Card>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
        <CompoundLedger compoundId={e.compound_id} readOnly />
      </Suspense>
    </Flex>
  );
}
