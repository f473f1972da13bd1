import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { useCampaigns, useEngagements } from './api';
import { AuditDashboardSection } from './AuditDashboardSection';
import { Yuan } from './Yuan';
import { BudgetBar } from './BudgetBar';
import { CampaignFormModal } from './CampaignFormModal';
import { EngagementBoard } from './EngagementBoard';
import type { Campaign } from './types';

/** 我的审计项目: an auditor's home is their firm's engagements, by stage. */
function MyEngagements() {
  const { t } = useTranslation();
  const engagements = useEngagements(null);
  return (
    <Card
      title={t('audits.home.myEngagements')}
      extra={<Link to="/audits/findings">{t('audits.home.allFindings')}</Link>}
      data-testid="my-engagements"
    >
      <Typography.Paragraph type="secondary">{t('audits.home.myEngagementsHint')}</Typography.Paragraph>
      <EngagementBoard items={engagements.data} loading={engagements.isPending} manage={false} />
      <LoadFailed query={engagements} />
    </Card>
  );
}

function CampaignTable({ campaigns, loading }: { campaigns: Campaign[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<Campaign>
      data-testid="campaign-table"
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={campaigns}
      locale={{ emptyText: t('audits.home.noCampaigns') }}
      scroll={{ x: 960 }}
      columns={[
        {
          title: t('audits.campaign.name'),
          dataIndex: 'name',
          render: (name: string, c) => (
            <Link to={`/audits/campaigns/${c.id}`} data-testid="campaign-link">
              {name}
            </Link>
          ),
        },
        { title: t('audits.campaign.year'), dataIndex: 'year', width: 80 },
        { title: t('audits.campaign.budget'), dataIndex: 'budget_fen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
        { title: t('audits.campaign.committed'), dataIndex: 'committed_fen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
        {
          title: t('audits.campaign.remaining'),
          dataIndex: 'remaining_fen',
          width: 200,
          render: (fen: number, c) => (
            <div>
              <Yuan fen={fen} testId="campaign-remaining" />
              <BudgetBar committed={c.committed_fen} budget={c.budget_fen} />
            </div>
          ),
        },
        { title: t('audits.campaign.engagements'), dataIndex: 'engagement_count', align: 'right', width: 110 },
        {
          title: t('audits.campaign.firms'),
          dataIndex: 'firms',
          render: (firms: Campaign['firms']) => (
            <Space size={[4, 4]} wrap>
              {firms.map((f) => (
                <Tag key={f.id}>{f.name}</Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Campaigns with their budget use, and the dashboard; auditors get their engagements board. */
export default function AuditsHomePage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);

  // Auditors carry out engagements and run no campaigns: their work comes first.
  if (access.audits.work && !access.audits.manage) return <MyEngagements />;

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('audits.home.campaigns')}
        extra={
          <Space>
            <Link to="/audits/findings">
              <Button data-testid="all-findings">{t('audits.home.allFindings')}</Button>
            </Link>
            {access.audits.manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-campaign">
                {t('audits.home.newCampaign')}
              </Button>
            )}
          </Space>
        }
      >
        <CampaignTable campaigns={campaigns.data ?? []} loading={campaigns.isPending} />
        <LoadFailed query={campaigns} />
      </Card>
      <AuditDashboardSection campaigns={campaigns.data ?? []} />
      {access.audits.manage && <CampaignFormModal open={creating} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
