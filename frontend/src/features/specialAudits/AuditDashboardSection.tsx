import { Card, Col, Flex, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed';
import { useAuditDashboard } from './api';
import { useYuan } from './Yuan';
import { BudgetBar } from './BudgetBar';
import { formatRate } from './model';
import type { AuditDashboard, Campaign } from './types';

// ECharts is big: the charts come in their own chunk, after the numbers.
const AuditCharts = lazy(() => import('./AuditCharts'));

const footer = { fontSize: 13, color: '#888' } as const;

function Tiles({ d }: { d: AuditDashboard }) {
  const { t } = useTranslation();
  const yuan = useYuan();
  const findings = d.findings_by_subdistrict.reduce((n, r) => n + r.findings, 0);
  const open = d.findings_by_subdistrict.reduce((n, r) => n + r.open_findings, 0);
  const amount = d.findings_by_subdistrict.reduce((n, r) => n + r.amount_fen, 0);
  return (
    <Row gutter={[16, 16]}>
      <Col flex="1 1 240px">
        <Card data-testid="tile-budget-used">
          <Statistic title={t('audits.dashboard.budgetUsed')} value={formatRate(d.budget_used)} />
          <BudgetBar committed={d.committed_fen} budget={d.budget_fen} />
          <div style={footer}>{t('audits.campaign.usedOf', { used: yuan(d.committed_fen), budget: yuan(d.budget_fen) })}</div>
        </Card>
      </Col>
      <Col flex="1 1 200px">
        <Card data-testid="tile-findings">
          <Statistic title={t('audits.dashboard.findings')} value={findings} />
          <div style={footer}>{t('audits.dashboard.findingsFooter', { open })}</div>
        </Card>
      </Col>
      <Col flex="1 1 200px">
        <Card data-testid="tile-amount">
          <Statistic title={t('audits.dashboard.amount')} value={yuan(amount)} />
        </Card>
      </Col>
      <Col flex="1 1 200px">
        <Card data-testid="tile-on-time">
          <Statistic title={t('audits.dashboard.onTimeRate')} value={formatRate(d.rectification_on_time_rate)} />
          <div style={footer}>{t('audits.dashboard.onTimeFooter', { count: d.rectifications_verified })}</div>
        </Card>
      </Col>
      <Col flex="1 1 200px">
        <Card data-testid="tile-overdue" style={{ borderTop: '3px solid #cf1322' }}>
          <Statistic
            title={t('audits.dashboard.overdue')}
            value={d.rectifications_overdue}
            styles={{ content: { color: d.rectifications_overdue > 0 ? '#cf1322' : undefined } }}
          />
          <Link to="/audits/findings?overdue=true" data-testid="overdue-link">
            {t('audits.dashboard.overdueLink')}
          </Link>
        </Card>
      </Col>
    </Row>
  );
}

/** The special audit dashboard, of all campaigns the user sees or of one. */
export function AuditDashboardSection({ campaigns }: { campaigns: readonly Campaign[] }) {
  const { t } = useTranslation();
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const dashboard = useAuditDashboard(campaignId);
  const d = dashboard.data;
  return (
    <Card
      data-testid="audit-dashboard"
      title={t('audits.dashboard.title')}
      extra={
        campaigns.length > 1 && (
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t('audits.dashboard.campaign')}</Typography.Text>
            <Select<string>
              style={{ width: 280 }}
              value={campaignId ?? ''}
              onChange={(v) => setCampaignId(v || null)}
              options={[{ value: '', label: t('audits.dashboard.allCampaigns') }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
              data-testid="dashboard-campaign"
            />
          </Flex>
        )
      }
    >
      {!d ? (
        dashboard.isError ? <LoadFailed query={dashboard} /> : <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Flex vertical gap={16}>
          <Tiles d={d} />
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <AuditCharts data={d} />
          </Suspense>
        </Flex>
      )}
    </Card>
  );
}
