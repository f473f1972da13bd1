import { Card, Form, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { oneOf, useUrlFilters } from '../../lib/urlFilters';
import { LoadFailed } from '../../components/LoadFailed';
import { useCampaigns, useFindings, type FindingFilters } from './api';
import { useYuan, Yuan } from './Yuan';
import { FindingStatusTag, SeverityTag } from './AuditTags';
import { when } from './when';
import { RectificationTable } from './FindingCard';
import { FINDING_STATUSES, openAmountFen, progressPercent, rectificationProgress } from './model';
import type { Finding } from './types';
import { FilterBar } from '../../components/FilterBar';

function readFilters(params: URLSearchParams): FindingFilters {
  return {
    campaign_id: params.get('campaign_id') ?? undefined,
    status: oneOf(params.get('status'), FINDING_STATUSES),
    overdue: params.get('overdue') === 'true' || undefined,
  };
}

function Progression({ f }: { f: Finding }) {
  const { t } = useTranslation();
  const p = rectificationProgress(f);
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <Progress
        size="small"
        percent={progressPercent(p.verified, p.total)}
        format={() => `${p.verified}/${p.total}`}
        status={f.status === 'closed' ? 'success' : p.overdue > 0 ? 'exception' : 'active'}
      />
      {f.overdue_actions > 0 && (
        <Tag color="error" data-testid="overdue-tag">
          {t('audits.finding.overdueCount', { count: f.overdue_actions })}
        </Tag>
      )}
    </Space>
  );
}

/** Every finding the user sees, with filters in the address, money at stake and rectification progress. */
export default function FindingsPage() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const yuan = useYuan();
  const { filters, setFilter, reset } = useUrlFilters(readFilters);
  const campaigns = useCampaigns();
  const findings = useFindings(filters);
  const items = findings.data ?? [];
  const total = items.reduce((n, f) => n + f.amount_fen, 0);
  const rights = { conduct: access.audits.manage || access.audits.work, rectify: access.audits.rectify };

  return (
    <Card title={t('audits.findings.title')}>
      <FilterBar onReset={reset}>
        <Form.Item label={t('audits.findings.filterCampaign')}>
          <Select<string>
            data-testid="filter-campaign"
            style={{ width: 280 }}
            value={filters.campaign_id ?? ''}
            onChange={(v) => setFilter({ campaign_id: v || undefined })}
            options={[
              { value: '', label: t('common.all') },
              ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('audits.findings.filterStatus')}>
          <Select<string>
            data-testid="filter-status"
            style={{ width: 120 }}
            value={filters.status ?? ''}
            onChange={(v) => setFilter({ status: (v || undefined) as FindingFilters['status'] })}
            options={[
              { value: '', label: t('common.all') },
              ...FINDING_STATUSES.map((s) => ({ value: s, label: t(`audits.findingStatus.${s}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('audits.findings.filterOverdue')}>
          <Switch checked={!!filters.overdue} onChange={(on) => setFilter({ overdue: on || undefined })} data-testid="filter-overdue" />
        </Form.Item>
      </FilterBar>
      {findings.data && (
        <Typography.Paragraph data-testid="findings-summary">
          {t('audits.findings.summary', { count: items.length, amount: yuan(total), open: yuan(openAmountFen(items)) })}
        </Typography.Paragraph>
      )}
      <Table<Finding>
        data-testid="findings-table"
        rowKey="id"
        size="middle"
        loading={findings.isPending}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1400 }}
        locale={{ emptyText: findings.isError ? t('common.loadFailed') : t('audits.finding.none') }}
        expandable={{ expandedRowRender: (f) => <RectificationTable finding={f} rights={rights} /> }}
        columns={[
          {
            title: t('audits.finding.compound'),
            dataIndex: 'compound_name',
            width: 130,
            render: (name: string, f) => (
              <Link to={`/audits/engagements/${f.engagement_id}`} data-testid="finding-engagement-link">
                {name}
              </Link>
            ),
          },
          { title: t('audits.finding.title'), dataIndex: 'title', width: 280 },
          { title: t('audits.finding.kind'), dataIndex: 'kind', width: 130, render: (k: Finding['kind']) => t(`audits.kind.${k}`) },
          { title: t('audits.finding.severity'), dataIndex: 'severity', width: 90, render: (s: Finding['severity']) => <SeverityTag severity={s} /> },
          {
            title: t('audits.finding.amount'),
            dataIndex: 'amount_fen',
            align: 'right',
            width: 140,
            sorter: (a, b) => a.amount_fen - b.amount_fen,
            render: (fen: number) => <Yuan fen={fen} />,
          },
          { title: t('audits.finding.status'), dataIndex: 'status', width: 90, render: (s: string) => <FindingStatusTag status={s} /> },
          { title: t('audits.finding.progress'), key: 'progress', width: 170, render: (_, f) => <Progression f={f} /> },
          { title: t('audits.finding.responsible'), dataIndex: 'responsible_org_name', width: 180, render: (n: string | null) => n ?? '—' },
          { title: t('audits.finding.raisedAt'), dataIndex: 'created_at', width: 170, render: (v: string) => when(v, i18n.language) },
        ]}
      />
      <LoadFailed query={findings} />
    </Card>
  );
}
