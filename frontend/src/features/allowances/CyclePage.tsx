import { ArrowLeftOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Tagged } from '../../api/client';
import { useSession } from '../../auth/session';
import { RecordError } from '../registry/RecordError';
import { useCycle } from './api';
import { StatusTag } from './AllowanceTags';
import { useMonthLabel } from './useMonthLabel';
import { CycleStepPanel } from './CycleStepPanel';
import { formatMoney, furthestStep, STEPS, wizardStep } from './model';
import { PaymentsTable } from './PaymentsTable';
import type { Cycle } from './types';
import { useCycleActions, type CycleActions } from './useCycleActions';

/**
 * 发放批次: a month's allowances as a wizard — 生成, 审核名单, 提交, 审批 (someone other
 * than the preparer), 发放, 导出银行文件, 导入回单, 关闭 — above the list of every candidate
 * with the decision and why.
 */
export default function CyclePage() {
  const { id } = useParams();
  const query = useCycle(id);
  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back="/allowances" />;
  return <CycleWizard cycle={query.data} />;
}

function CycleWizard({ cycle }: { cycle: Tagged<Cycle> }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const monthLabel = useMonthLabel();
  const actions = useCycleActions(cycle);
  const c = cycle.data;
  const current = wizardStep(c, actions.exported);
  const furthest = furthestStep(c, actions.exported);
  // The step in view follows the cycle; the user may look back at a done step.
  const [view, setView] = useState(Math.min(current, STEPS.length - 1));
  useEffect(() => setView(Math.min(current, STEPS.length - 1)), [current]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="cycle-title">{t('allowances.cycle.title', { programme: c.programme_name, month: monthLabel(c.month) })}</span>
            <StatusTag status={c.status} testId="cycle-status" />
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/allowances')}>
            {t('common.back')}
          </Button>
        }
      >
        <ChangedBanner cycle={c} canRegenerate={access.allowances.prepare} actions={actions} />
        <Totals cycle={c} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="cycle-people">
          {t('allowances.cycle.preparedBy', { name: c.prepared_by_name })}
          {c.approved_by_name ? ` · ${t('allowances.cycle.approvedBy', { name: c.approved_by_name })}` : ''}
          {' · '}
          <Link to={`/allowances/programmes/${c.programme_id}`}>{t('allowances.cycle.programmeLink')}</Link>
        </Typography.Paragraph>
      </Card>
      <Card data-testid="cycle-wizard">
        <Steps
          size="small"
          current={current}
          onChange={(i) => i <= furthest && setView(i)}
          items={STEPS.map((key, i) => ({
            title: t(`allowances.steps.${key}`),
            disabled: i > furthest,
            status: i < current ? 'finish' : i === current ? 'process' : 'wait',
          }))}
          style={{ marginBottom: 24 }}
        />
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t(`allowances.steps.${STEPS[view]}`)}
        </Typography.Title>
        <CycleStepPanel step={STEPS[view]} cycle={cycle} actions={actions} goTo={setView} />
      </Card>
      <PaymentsTable cycle={c} canHold={access.allowances.prepare} onChanged={actions.changed} />
    </Space>
  );
}

/** An assessment used by the cycle was corrected after it was generated. */
function ChangedBanner({ cycle: c, canRegenerate, actions }: { cycle: Cycle; canRegenerate: boolean; actions: CycleActions }) {
  const { t } = useTranslation();
  if (!c.assessments_changed) return null;
  const draft = c.status === 'draft';
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="assessments-changed"
      title={t('allowances.cycle.assessmentsChanged')}
      description={draft ? t('allowances.cycle.assessmentsChangedDraft') : t('allowances.cycle.assessmentsChangedLater')}
      action={
        draft &&
        canRegenerate && (
          <Button size="small" icon={<RedoOutlined />} loading={actions.busy === 'regenerate'} onClick={() => void actions.regenerate()} data-testid="banner-regenerate">
            {t('allowances.cycle.regenerate')}
          </Button>
        )
      }
    />
  );
}

/** The cycle's counts and money, as the server totals them. */
function Totals({ cycle: c }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const stats: [string, string | number][] = [
    ['candidates', c.candidates],
    ['included', c.included],
    ['held', c.held],
    ['total', formatMoney(c.total_fen)],
    ['paid', formatMoney(c.paid_fen)],
    ['failed', c.failed],
    ['awaiting', c.awaiting_outcome],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="cycle-totals">
      {stats.map(([key, value]) => (
        // Money needs more room than counts; the row wraps on narrow screens.
        <Col key={key} flex={typeof value === 'string' ? '1 0 180px' : '1 0 110px'}>
          <Statistic
            title={t(`allowances.totals.${key}`)}
            value={value}
            styles={key === 'failed' && c.failed > 0 ? { content: { color: '#cf1322' } } : undefined}
            data-testid={`total-${key}`}
          />
        </Col>
      ))}
    </Row>
  );
}
