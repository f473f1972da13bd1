import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { RecordError } from '../registry/RecordError';
import { useCampaign, useEngagements } from './api';
import { useYuan } from './Yuan';
import { BudgetBar } from './BudgetBar';
import { CampaignFormModal } from './CampaignFormModal';
import { EngagementBoard } from './EngagementBoard';
import { EngagementFormModal } from './EngagementFormModal';
import type { Campaign } from './types';

function BudgetTiles({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const yuan = useYuan();
  return (
    <Row gutter={[16, 16]} data-testid="campaign-budget">
      <Col xs={24} md={8}>
        <Statistic title={t('audits.campaign.budget')} value={yuan(c.budget_fen)} />
      </Col>
      <Col xs={24} md={8}>
        <Statistic title={t('audits.campaign.committed')} value={yuan(c.committed_fen)} />
      </Col>
      <Col xs={24} md={8}>
        <Statistic title={t('audits.campaign.remaining')} value={yuan(c.remaining_fen)} />
      </Col>
      <Col span={24}>
        <BudgetBar committed={c.committed_fen} budget={c.budget_fen} testId="campaign-budget-bar" />
      </Col>
    </Row>
  );
}

/** One campaign: its budget, its firms, and the engagements board by status. */
export default function CampaignPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const campaign = useCampaign(id);
  const engagements = useEngagements(id ?? null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);

  if (campaign.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (campaign.isError) return <RecordError error={campaign.error} back="/audits" />;
  const c = campaign.data.data;
  const manage = access.audits.manage;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <span data-testid="campaign-title">{c.name}</span>
            <Tag>{c.year}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/audits/findings?campaign_id=${c.id}`}>
              <Button>{t('audits.campaign.findings')}</Button>
            </Link>
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-campaign">
                {t('audits.campaign.edit')}
              </Button>
            )}
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-engagement">
                {t('audits.campaign.addEngagement')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex vertical gap={16}>
          <BudgetTiles c={c} />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'firms',
                label: t('audits.campaign.firms'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {c.firms.map((f) => (
                      <Tag key={f.id}>{f.name}</Tag>
                    ))}
                  </Space>
                ),
              },
              { key: 'count', label: t('audits.campaign.engagements'), children: c.engagement_count },
              ...(c.description
                ? [{ key: 'description', label: t('audits.campaign.description'), span: 'filled' as const, children: c.description }]
                : []),
            ]}
          />
        </Flex>
      </Card>
      <Card title={t('audits.campaign.board')} data-testid="campaign-board">
        {engagements.isError ? (
          <LoadFailed query={engagements} />
        ) : (
          <EngagementBoard items={engagements.data} loading={engagements.isPending} manage={manage} />
        )}
      </Card>
      {manage && <CampaignFormModal open={editing} existing={campaign.data} onClose={() => setEditing(false)} />}
      {manage && <EngagementFormModal campaign={c} open={adding} onClose={() => setAdding(false)} />}
    </Flex>
  );
}
