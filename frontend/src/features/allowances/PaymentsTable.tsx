import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { translate } from '../../i18n';
import { testId } from '../../lib/testId';
import { holdPayment, releasePayment, usePayments, type PaymentFilters } from './api';
import { useAllowanceNotify } from './useAllowanceNotify';
import { Yuan } from './Yuan';
import { DecisionTag, OutcomeTag, ReasonTag } from './AllowanceTags';
import { useMonthLabel } from './useMonthLabel';
import { Explained } from './Explained';
import { asDecision, codeLabel, countLines, DECISIONS, isCarried, REASONS } from './model';
import type { Cycle, Decision, Payment, PaymentReason } from './types';
import { DataTable } from '../../components/DataTable';

/** Data attributes of a line's row, for finding it in browser tests. */
function rowAttrs(p: Payment): object {
  return { 'data-testid': 'payment-row', 'data-decision': p.decision, 'data-reason': p.reason, 'data-line': p.line_no };
}

/**
 * 名单: every candidate of the cycle with the decision and why, filterable by decision and
 * reason (with counts). While the cycle is a draft its preparer may hold an included line
 * (with a reason) or release a held one.
 */
export function PaymentsTable({ cycle, canHold, onChanged }: { cycle: Cycle; canHold: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useAllowanceNotify();
  const monthLabel = useMonthLabel();
  const [filters, setFilters] = useState<PaymentFilters>({});
  const all = usePayments(cycle.id, {});
  const filtered = usePayments(cycle.id, filters);
  const shown = filters.decision || filters.reason ? filtered : all;
  const counts = countLines(all.data?.items ?? []);
  const [holding, setHolding] = useState<Payment | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const editable = canHold && cycle.status === 'draft';
  const disbursed = !['draft', 'submitted', 'approved'].includes(cycle.status);

  async function release(p: Payment) {
    setBusy(p.id);
    try {
      await releasePayment(cycle.id, p.id);
      void message.success(t('allowances.hold.released', { name: p.person_name }));
      await onChanged();
    } catch (e) {
      notify(e);
    } finally {
      setBusy(null);
    }
  }

  const columns: ColumnsType<Payment> = [
    { title: '#', dataIndex: 'line_no', width: 52, align: 'right' },
    {
      // Who and where in one cell: the reason and its explanation get the room.
      title: t('allowances.payments.person'),
      dataIndex: 'person_name',
      width: 170,
      render: (name: string, p) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/allowances/people/${p.person_id}`} data-testid="payment-person">
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.compound_name ?? '—'}
          </Typography.Text>
          {p.organisation_name && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: p.organisation_name }}>
              {p.organisation_name}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('allowances.payments.month'),
      dataIndex: 'period_month',
      width: 110,
      render: (month: string, p) => (
        <Space size={4} wrap>
          <span style={{ whiteSpace: 'nowrap' }}>{monthLabel(month)}</span>
          {isCarried(p, cycle.month) && (
            <Tag color="purple" data-testid="carried-tag">
              {t('allowances.payments.carried')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('allowances.payments.decision'),
      dataIndex: 'decision',
      width: 100,
      render: (d: string, p) => (
        <Space orientation="vertical" size={0}>
          <DecisionTag decision={d} />
          {p.hold_reason && (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="hold-reason">
              {p.hold_reason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('allowances.payments.reasonAndExplanation'),
      dataIndex: 'reason',
      render: (r: PaymentReason, p) => (
        <Space orientation="vertical" size={2}>
          <ReasonTag reason={r} />
          <Typography.Text style={{ fontSize: 13 }}>
            <Explained text={p.explanation} />
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('allowances.payments.amount'),
      dataIndex: 'amount_fen',
      width: 100,
      align: 'right',
      render: (fen: number, p) => (asDecision(p.decision) === 'excluded' && fen === 0 ? '—' : <Yuan fen={fen} />),
    },
    {
      title: t('allowances.payments.account'),
      dataIndex: 'account_no_masked',
      width: 170,
      render: (acc?: string | null) =>
        acc ? (
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {acc}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    ...(disbursed
      ? [
          {
            title: t('allowances.payments.outcome'),
            dataIndex: 'outcome',
            width: 150,
            render: (o: string | null | undefined, p: Payment) => <OutcomeTag outcome={o} failureReason={p.failure_reason} />,
          },
        ]
      : []),
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            fixed: 'right' as const,
            render: (_: unknown, p: Payment) => {
              const d = asDecision(p.decision);
              if (d === 'included') {
                return (
                  <Button size="small" icon={<PauseCircleOutlined />} onClick={() => setHolding(p)} data-testid="hold-line">
                    {t('allowances.hold.hold')}
                  </Button>
                );
              }
              if (d === 'held') {
                return (
                  <Popconfirm
                    title={t('allowances.hold.releaseConfirm', { name: p.person_name })}
                    onConfirm={() => release(p)}
                    okButtonProps={{ ...testId('release-confirm') }}
                  >
                    <Button size="small" icon={<PlayCircleOutlined />} loading={busy === p.id} data-testid="release-line">
                      {t('allowances.hold.release')}
                    </Button>
                  </Popconfirm>
                );
              }
              return null;
            },
          },
        ]
      : []),
  ];

  const total = all.data?.items.length ?? 0;
  return (
    <Card title={t('allowances.payments.title')} data-testid="payments-card">
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          optionType="button"
          value={filters.decision ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, decision: (e.target.value || undefined) as Decision | undefined }))}
          data-testid="filter-decision"
          options={[
            { value: '', label: `${t('common.all')} ${total}` },
            ...DECISIONS.map((d) => ({ value: d, label: `${codeLabel('decisions', d, translate)} ${counts.decisions[d] ?? 0}` })),
          ]}
        />
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('allowances.payments.filterReason')}
          value={filters.reason}
          onChange={(v?: PaymentReason) => setFilters((f) => ({ ...f, reason: v }))}
          options={REASONS.map((r) => ({
            value: r,
            label: `${codeLabel('reasons', r, translate)}（${counts.reasons[r] ?? 0}）`,
            disabled: !counts.reasons[r],
          }))}
          data-testid="filter-reason"
        />
      </Space>
      <DataTable<Payment>
        testId="payment-table"
        size="small"
        columns={columns}
        rows={shown.data?.items}
        query={shown}
        onRow={(p) => rowAttrs(p)}
        pageSize={50}
        empty={t('allowances.payments.empty')}
        scrollX={1150}
      />
      <HoldModal cycleId={cycle.id} payment={holding} onClose={() => setHolding(null)} onHeld={onChanged} />
    </Card>
  );
}

/** 暂缓发放: the line stays in the list, is not paid in this cycle, and says why. */
function HoldModal({ cycleId, payment, onClose, onHeld }: { cycleId: string; payment: Payment | null; onClose: () => void; onHeld: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useAllowanceNotify();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);

  async function save({ reason }: { reason?: string }) {
    if (!payment || !reason) return;
    setSaving(true);
    try {
      await holdPayment(cycleId, payment.id, reason.trim());
      void message.success(t('allowances.hold.held', { name: payment.person_name }));
      onClose();
      await onHeld();
    } catch (e) {
      notify(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={!!payment}
      title={t('allowances.hold.title', { name: payment?.person_name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('allowances.hold.hold')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ ...testId('hold-submit') }}
      // Emptied once closed: resetting on opening would wipe what was typed during the animation.
      afterOpenChange={(visible) => !visible && form.resetFields()}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('allowances.hold.explain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item
          name="reason"
          label={t('allowances.hold.reason')}
          rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('allowances.hold.reasonRequired') }]}
        >
          <Input maxLength={200} showCount placeholder={t('allowances.hold.reasonPlaceholder')} data-testid="hold-reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
