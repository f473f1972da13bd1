import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, InputNumber, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { RecordError } from '../registry/RecordError';
import { useBudget, useProgramme } from './api';
import { Yuan } from './Yuan';
import { BudgetBar } from './BudgetBar';
import { CyclesCard } from './Cycles';
import { formatYuan, proRataFen } from './model';
import { ProgrammeModal } from './ProgrammeModal';
import type { Programme } from './types';

/** 津贴项目: its terms, the pro-rata rule, the budget of a year and its payment cycles. */
export default function ProgrammePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const query = useProgramme(id);
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back="/allowances" />;
  const p = query.data.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="programme-title">{p.name}</span>
            {p.active ? <Tag color="green">{t('allowances.programme.activeTag')}</Tag> : <Tag>{t('allowances.programme.inactive')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/allowances')}>
              {t('common.back')}
            </Button>
            {access.allowances.manage && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-programme">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={13}>
            <Descriptions
              bordered
              column={1}
              size="middle"
              items={[
                { key: 'area', label: t('allowances.programme.area'), children: p.area_name },
                { key: 'kind', label: t('allowances.programme.orgKind'), children: t(`orgKinds.${p.org_kind}`, { defaultValue: p.org_kind }) },
                { key: 'title', label: t('allowances.programme.postTitle'), children: p.post_title },
                {
                  key: 'amount',
                  label: t('allowances.programme.amount'),
                  children: (
                    <span data-testid="programme-amount-text">
                      ¥<Yuan fen={p.amount_fen_per_month} /> {t('allowances.perMonth')}
                    </span>
                  ),
                },
                {
                  key: 'required',
                  label: t('allowances.programme.requiredResult'),
                  children: t(`allowances.requiredResults.${p.required_result}`, { defaultValue: p.required_result }),
                },
                { key: 'budget', label: t('allowances.programme.annualBudget'), children: <>¥<Yuan fen={p.annual_budget_fen} /></> },
                { key: 'pro', label: t('allowances.programme.proRata'), children: p.pro_rata ? t('common.yes') : t('common.no') },
                { key: 'created', label: t('common.createdAt'), children: new Date(p.created_at).toLocaleString(i18n.language) },
              ]}
            />
          </Col>
          <Col xs={24} lg={11}>
            <ProRataRule programme={p} />
          </Col>
        </Row>
      </Card>
      <BudgetCard programme={p} />
      <CyclesCard programmeId={p.id} />
      <ProgrammeModal open={editing} onClose={() => setEditing(false)} programme={query.data} />
    </Space>
  );
}

/** How a month is paid: whole months in full; part months by days held (when pro-rata). */
function ProRataRule({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  // A worked example with this programme's amount: 10 days of a 30-day month.
  const example = proRataFen(p.amount_fen_per_month, 10, 30, true);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="pro-rata-rule"
      title={p.pro_rata ? t('allowances.programme.proRataOn') : t('allowances.programme.proRataOff')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('allowances.programme.proRataRule')}</Typography.Paragraph>
          {p.pro_rata && (
            <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="pro-rata-example">
              {t('allowances.programme.proRataExample', { amount: formatYuan(p.amount_fen_per_month), result: formatYuan(example) })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('allowances.programme.eligibility', {
              kind: t(`orgKinds.${p.org_kind}`, { defaultValue: p.org_kind }),
              title: p.post_title,
              result: t(`allowances.requiredResults.${p.required_result}`, { defaultValue: p.required_result }),
            })}
          </Typography.Paragraph>
        </>
      }
    />
  );
}

/** The money of one programme-year: budget, committed, paid and what is left. */
function BudgetCard({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const budget = useBudget(p.id, year);
  const b = budget.data;
  return (
    <Card
      title={t('allowances.budget.title', { year })}
      data-testid="budget-card"
      extra={
        <Space>
          {t('allowances.budget.year')}
          <InputNumber<number> min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} data-testid="budget-year" />
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {(
          [
            ['budget', b?.budget_fen],
            ['committed', b?.committed_fen],
            ['paid', b?.paid_fen],
            ['remaining', b?.remaining_fen],
          ] as const
        ).map(([key, fen]) => (
          <Col key={key} xs={12} md={6}>
            <Statistic
              title={t(`allowances.budget.${key}`)}
              loading={budget.isPending}
              value={fen == null ? '—' : formatYuan(fen)}
              prefix="¥"
              styles={key === 'remaining' && (fen ?? 0) < 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        <BudgetBar programmeId={p.id} year={year} />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('allowances.budget.explain')}
      </Typography.Paragraph>
    </Card>
  );
}
