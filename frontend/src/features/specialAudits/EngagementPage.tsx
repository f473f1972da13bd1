import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space, Steps, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { RecordError } from '../registry/RecordError';
import { useEngagement, useFindings } from './api';
import { Yuan } from './Yuan';
import { StatusTag } from './AuditTags';
import { when } from './when';
import { EngagementActions } from './EngagementActions';
import { FindingList, type FindingRights } from './FindingCard';
import { RaiseFindingModal } from './FindingModals';
import { blockingFindings, ENGAGEMENT_STATUSES, statusIndex, takesFindings } from './model';
import type { Engagement } from './types';

function StatusSteps({ e }: { e: Engagement }) {
  const { t } = useTranslation();
  const current = statusIndex(e.status);
  return (
    <Steps
      size="small"
      current={current}
      status={e.status === 'closed' ? 'finish' : 'process'}
      data-testid="engagement-steps"
      items={ENGAGEMENT_STATUSES.map((s) => ({ title: t(`audits.status.${s}`) }))}
    />
  );
}

function Details({ e }: { e: Engagement }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="engagement-details"
      items={[
        {
          key: 'campaign',
          label: t('audits.engagement.campaign'),
          children: <Link to={`/audits/campaigns/${e.campaign_id}`}>{e.campaign_name}</Link>,
        },
        { key: 'compound', label: t('audits.engagement.compound'), children: e.compound_name },
        { key: 'firm', label: t('audits.engagement.firm'), children: e.firm_name },
        { key: 'fee', label: t('audits.engagement.fee'), children: <Yuan fen={e.fee_fen} /> },
        { key: 'period', label: t('audits.engagement.period'), children: `${e.period_from} ~ ${e.period_to}` },
        { key: 'status', label: t('audits.finding.status'), children: <StatusTag status={e.status} /> },
        {
          key: 'opinion',
          label: t('audits.engagement.opinion'),
          children: <span data-testid="engagement-opinion">{e.opinion ? t(`audits.opinion.${e.opinion}`) : '—'}</span>,
        },
        {
          key: 'findings',
          label: t('audits.engagement.findings'),
          children: t('audits.engagement.findingsCount', { open: e.open_finding_count, total: e.finding_count }),
        },
        { key: 'updated', label: t('audits.engagement.updatedAt'), children: when(e.updated_at, i18n.language) },
        { key: 'scope', label: t('audits.engagement.scope'), span: 'filled', children: <div style={{ whiteSpace: 'pre-wrap' }}>{e.scope}</div> },
        ...(e.report_summary
          ? [{ key: 'summary', label: t('audits.engagement.reportSummary'), span: 'filled' as const, children: e.report_summary }]
          : []),
      ]}
    />
  );
}

function Findings({ e, conduct }: { e: Engagement; conduct: boolean }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const findings = useFindings({ engagement_id: e.id });
  const [raising, setRaising] = useState(false);
  const rights: FindingRights = { conduct, rectify: access.audits.rectify };
  const open = takesFindings(e.status);
  return (
    <Card
      title={t('audits.engagement.findings')}
      data-testid="engagement-findings-card"
      extra={
        conduct &&
        (open ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="raise-finding">
            {t('audits.finding.raise')}
          </Button>
        ) : (
          // Before fieldwork the button shows what is coming; after the draft it has no place.
          e.status === 'planned' && (
            <Tooltip title={t('audits.finding.onlyDuring')}>
              <Button icon={<PlusOutlined />} disabled data-testid="raise-finding">
                {t('audits.finding.raise')}
              </Button>
            </Tooltip>
          )
        ))
      }
    >
      {findings.isPending ? <Skeleton active /> : <FindingList findings={findings.data ?? []} rights={rights} />}
      <LoadFailed query={findings} />
      {conduct && <RaiseFindingModal engagementId={e.id} open={raising} onClose={() => setRaising(false)} />}
    </Card>
  );
}

/** One engagement: its details and progress, the next steps, its findings and their rectification. */
export default function EngagementPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const query = useEngagement(id);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError) return <RecordError error={query.error} back="/audits" />;
  const e = query.data.data;
  // The firm's auditors carry it out, the audit office runs it; the server checks which firm.
  const conduct = access.audits.manage || access.audits.work;
  const blocking = blockingFindings(e);

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <span data-testid="engagement-title">{e.compound_name}</span>
            <StatusTag status={e.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/audits/engagements/${e.id}/ledger`} data-testid="engagement-ledger-link">
              <Button icon={<BookOutlined />}>{t('audits.engagement.ledger')}</Button>
            </Link>
            {conduct && <EngagementActions engagement={query.data} />}
          </Space>
        }
      >
        <Flex vertical gap={16}>
          <StatusSteps e={e} />
          {blocking > 0 && (
            <Alert type="warning" showIcon title={t('audits.engagement.openFindingsBlock', { count: blocking })} data-testid="findings-open-alert" />
          )}
          <Details e={e} />
          {e.status === 'closed' && (
            <Typography.Text type="secondary">{t('audits.engagement.noActions')}</Typography.Text>
          )}
        </Flex>
      </Card>
      <Findings e={e} conduct={conduct} />
    </Flex>
  );
}
