import { Badge, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Yuan } from './Yuan';
import { FeeModal } from './FeeModal';
import { ENGAGEMENT_STATUSES, groupByStatus } from './model';
import type { Engagement, EngagementStatus } from './types';

/** Columns share the width; below this they scroll sideways instead of squeezing the cards. */
const COLUMN_MIN = 160;

function EngagementCard({ e, onFee }: { e: Engagement; onFee?: (e: Engagement) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="engagement-card" data-compound={e.compound_name} data-status={e.status}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Link to={`/audits/engagements/${e.id}`} data-testid="engagement-link">
          <Typography.Text strong>{e.compound_name}</Typography.Text>
        </Link>
        <Typography.Text type="secondary" ellipsis={{ tooltip: e.firm_name }} style={{ fontSize: 12 }}>
          {e.firm_name}
        </Typography.Text>
        <Flex justify="space-between" align="center" gap={4} wrap>
          <Yuan fen={e.fee_fen} testId="engagement-fee" />
          {onFee && e.status !== 'closed' && (
            <Button size="small" type="link" onClick={() => onFee(e)} data-testid="change-fee" style={{ padding: 0 }}>
              {t('audits.engagement.changeFee')}
            </Button>
          )}
        </Flex>
        <Typography.Text
          type={e.open_finding_count > 0 ? 'warning' : 'secondary'}
          style={{ fontSize: 12 }}
          data-testid="engagement-findings"
        >
          {t('audits.engagement.findingsCount', { open: e.open_finding_count, total: e.finding_count })}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function Column({ status, items, onFee }: { status: EngagementStatus; items: Engagement[]; onFee?: (e: Engagement) => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`board-column-${status}`} style={{ flex: '1 1 0', minWidth: COLUMN_MIN }}>
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '6px 10px', background: '#fafafa', borderRadius: 6, marginBottom: 8, borderTop: `3px solid ${statusDot(status)}` }}
      >
        <Badge color={statusDot(status)} text={t(`audits.status.${status}`)} />
        <Typography.Text type="secondary" data-testid="column-count">
          {items.length}
        </Typography.Text>
      </Flex>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((e) => (
          <EngagementCard key={e.id} e={e} onFee={onFee} />
        ))}
      </Space>
    </div>
  );
}

/** Dot colours matching the status tags. */
function statusDot(status: EngagementStatus): string {
  const dots: Record<EngagementStatus, string> = {
    planned: '#8c8c8c',
    fieldwork: '#1677ff',
    draft_report: '#d4b106',
    final_report: '#722ed1',
    rectification: '#fa541c',
    closed: '#52c41a',
  };
  return dots[status];
}

/**
 * Engagements in one column per status, left to right along the life cycle. `manage`
 * offers the fee change on each open engagement.
 */
export function EngagementBoard({ items, loading, manage }: { items: Engagement[] | undefined; loading: boolean; manage: boolean }) {
  const { t } = useTranslation();
  const board = useMemo(() => groupByStatus(items ?? []), [items]);
  const [feeOf, setFeeOf] = useState<Engagement | null>(null);
  if (loading && !items) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      {items && items.length === 0 && <Empty description={t('audits.engagement.none')} />}
      <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="engagement-board">
        <Flex gap={12} align="flex-start" style={{ minWidth: ENGAGEMENT_STATUSES.length * (COLUMN_MIN + 12) }}>
          {ENGAGEMENT_STATUSES.map((s) => (
            <Column key={s} status={s} items={board[s]} onFee={manage ? setFeeOf : undefined} />
          ))}
        </Flex>
      </div>
      <FeeModal engagement={feeOf} onClose={() => setFeeOf(null)} />
    </>
  );
}
