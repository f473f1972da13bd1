import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { useProgrammes } from './api';
import { Yuan } from './Yuan';
import { BudgetBar } from './BudgetBar';
import { CyclesCard } from './Cycles';
import { ProgrammeModal } from './ProgrammeModal';
import type { Programme } from './types';

/**
 * 岗位津贴: the programmes with this year's budget, and the payment cycles. Assessors who
 * do not read payments (community and subdistrict staff) have only the assessments here.
 */
export default function AllowancesHomePage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const programmes = useProgrammes(access.allowances.read);
  const [creating, setCreating] = useState(false);

  if (!access.allowances.read && access.allowances.assess) return <Navigate to="/allowances/assessments" replace />;

  const items = programmes.data?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="allowances-title">{t('allowances.title')}</span>}
        extra={
          <Space wrap>
            <Button icon={<AuditOutlined />} onClick={() => navigate('/allowances/assessments')} data-testid="open-assessments">
              {t('allowances.assessments.title')}
            </Button>
            {access.allowances.manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-programme">
                {t('allowances.programme.create')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('allowances.intro')}</Typography.Paragraph>
        {programmes.isPending ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={programmes.isError ? t('common.loadFailed') : t('allowances.programme.empty')} />
        ) : (
          <Row gutter={[16, 16]} data-testid="programme-list">
            {items.map((p) => (
              <Col key={p.id} xs={24} lg={12}>
                <ProgrammeSummary programme={p} />
              </Col>
            ))}
          </Row>
        )}
        <LoadFailed query={programmes} />
      </Card>
      {access.allowances.read && <CyclesCard />}
      <ProgrammeModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

function ProgrammeSummary({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="programme-card"
      title={
        <Space>
          <Link to={`/allowances/programmes/${p.id}`} data-testid="programme-link">
            {p.name}
          </Link>
          {!p.active && <Tag>{t('allowances.programme.inactive')}</Tag>}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'area', label: t('allowances.programme.area'), children: p.area_name },
          { key: 'post', label: t('allowances.programme.post'), children: `${t(`orgKinds.${p.org_kind}`, { defaultValue: p.org_kind })} · ${p.post_title}` },
          { key: 'amount', label: t('allowances.programme.amount'), children: <>¥<Yuan fen={p.amount_fen_per_month} /></> },
          { key: 'required', label: t('allowances.programme.requiredResult'), children: t(`allowances.requiredResults.${p.required_result}`, { defaultValue: p.required_result }) },
        ]}
      />
      <Typography.Text strong>{t('allowances.budget.title', { year })}</Typography.Text>
      <BudgetBar programmeId={p.id} year={year} compact />
    </Card>
  );
}
