import { CheckOutlined, DownloadOutlined, RedoOutlined, RollbackOutlined, SendOutlined, StopOutlined, WalletOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tagged } from '../../api/client';
import { useSession } from '../../auth/session';
import { testId } from '../../lib/testId';
import { BudgetBar } from './BudgetBar';
import { formatMoney, preparedByMe, splitMonth, STEPS, type StepKey } from './model';
import { ReconcilePanel } from './ReconcilePanel';
import type { Cycle } from './types';
import type { CycleActions } from './useCycleActions';

interface PanelProps {
  step: StepKey;
  cycle: Tagged<Cycle>;
  actions: CycleActions;
  /** Moves the wizard to another step (e.g. from 审核名单 on to 提交). */
  goTo: (step: number) => void;
}

/** What the wizard shows for one step: what it means, where the cycle is, and the action. */
export function CycleStepPanel({ step, cycle, actions, goTo }: PanelProps) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const { access, me } = useSession();
  const c = cycle.data;
  const at = (iso?: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');
  const prepare = access.allowances.prepare;
  const money = formatMoney(c.total_fen);

  /** Asks before an action that cannot simply be undone. */
  function confirm(title: string, content: ReactNode, onOk: () => Promise<void>, danger = false) {
    modal.confirm({
      title,
      content,
      okText: t('allowances.confirm.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { ...testId('confirm-ok'), danger },
      onOk,
    });
  }

  const body = (() => {
    switch (step) {
      case 'generate':
        return (
          <>
            <Typography.Paragraph>{t('allowances.steps.generateExplain')}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'at', label: t('allowances.cycle.generatedAt'), children: at(c.generated_at) },
                { key: 'n', label: t('allowances.totals.candidates'), children: c.candidates },
              ]}
            />
            {c.status === 'draft' && prepare && (
              <Button
                icon={<RedoOutlined />}
                loading={actions.busy === 'regenerate'}
                onClick={() => confirm(t('allowances.cycle.regenerateConfirm'), t('allowances.cycle.regenerateHint'), actions.regenerate)}
                data-testid="regenerate"
              >
                {t('allowances.cycle.regenerate')}
              </Button>
            )}
          </>
        );
      case 'review':
        return (
          <>
            <Typography.Paragraph>{t('allowances.steps.reviewExplain')}</Typography.Paragraph>
            {c.status === 'draft' && (
              <Button type="primary" onClick={() => goTo(STEPS.indexOf('submit'))} data-testid="to-submit">
                {t('allowances.steps.toSubmit')}
              </Button>
            )}
          </>
        );
      case 'submit':
        return (
          <>
            <Typography.Paragraph>{t('allowances.steps.submitExplain')}</Typography.Paragraph>
            <Typography.Paragraph strong data-testid="submit-summary">
              {t('allowances.steps.submitSummary', { included: c.included, held: c.held, total: money })}
            </Typography.Paragraph>
            {c.status === 'draft' ? (
              prepare && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={actions.busy === 'submit'}
                  onClick={() =>
                    confirm(t('allowances.steps.submitConfirm'), t('allowances.steps.submitSummary', { included: c.included, held: c.held, total: money }), () =>
                      actions.transition('submit'),
                    )
                  }
                  data-testid="submit-cycle"
                >
                  {t('allowances.actions.submit')}
                </Button>
              )
            ) : (
              <Typography.Text type="secondary">{t('allowances.cycle.submittedAt', { at: at(c.submitted_at), name: c.prepared_by_name })}</Typography.Text>
            )}
          </>
        );
      case 'approve': {
        const mine = preparedByMe(c, me);
        const year = splitMonth(c.month)?.year ?? new Date().getFullYear();
        return (
          <>
            <Typography.Paragraph>{t('allowances.steps.approveExplain')}</Typography.Paragraph>
            <Alert
              type={mine && c.status === 'submitted' ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="four-eyes-note"
              title={t('allowances.cycle.fourEyes')}
              description={mine && c.status === 'submitted' ? t('allowances.cycle.fourEyesMine', { name: c.prepared_by_name }) : undefined}
            />
            <div style={{ maxWidth: 560, marginBottom: 12 }}>
              <Typography.Text strong>{t('allowances.budget.title', { year })}</Typography.Text>
              <BudgetBar programmeId={c.programme_id} year={year} />
            </div>
            {c.status === 'submitted' && access.allowances.approve ? (
              <Space wrap>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={actions.busy === 'approve'}
                  onClick={() =>
                    confirm(t('allowances.steps.approveConfirm'), t('allowances.steps.approveSummary', { included: c.included, total: money, name: c.prepared_by_name }), () =>
                      actions.transition('approve'),
                    )
                  }
                  data-testid="approve-cycle"
                >
                  {t('allowances.actions.approve')}
                </Button>
                <Button
                  icon={<RollbackOutlined />}
                  loading={actions.busy === 'return'}
                  onClick={() => confirm(t('allowances.steps.returnConfirm'), t('allowances.steps.returnHint'), () => actions.transition('return'))}
                  data-testid="return-cycle"
                >
                  {t('allowances.actions.return')}
                </Button>
              </Space>
            ) : c.approved_by_name ? (
              <Typography.Text type="secondary" data-testid="approved-by">
                {t('allowances.cycle.approvedAt', { at: at(c.approved_at), name: c.approved_by_name })}
              </Typography.Text>
            ) : (
              c.status === 'submitted' && <Typography.Text type="secondary">{t('allowances.steps.waitingApproval')}</Typography.Text>
            )}
          </>
        );
      }
      case 'disburse':
        return (
          <>
            <Typography.Paragraph>{t('allowances.steps.disburseExplain')}</Typography.Paragraph>
            {c.status === 'approved' && prepare ? (
              <Button
                type="primary"
                icon={<WalletOutlined />}
                loading={actions.busy === 'disburse'}
                onClick={() =>
                  // A retry goes at once: the first click was already confirmed.
                  actions.retryingDisburse
                    ? void actions.disburse()
                    : confirm(t('allowances.steps.disburseConfirm'), t('allowances.steps.disburseSummary', { included: c.included, total: money }), actions.disburse)
                }
                data-testid="disburse-cycle"
              >
                {actions.retryingDisburse ? t('allowances.steps.disburseRetry') : t('allowances.actions.disburse')}
              </Button>
            ) : c.disbursed_at ? (
              <Typography.Text type="secondary">{t('allowances.cycle.disbursedAt', { at: at(c.disbursed_at) })}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('allowances.steps.notYet')}</Typography.Text>
            )}
          </>
        );
      case 'export':
        return (
          <>
            <Typography.Paragraph>{t('allowances.export.explain')}</Typography.Paragraph>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('allowances.export.sensitive')} />
            {prepare && c.disbursed_at ? (
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={actions.busy === 'export'}
                onClick={() => void actions.download()}
                data-testid="download-bank-file"
              >
                {t('allowances.export.download')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{c.disbursed_at ? t('allowances.export.preparersOnly') : t('allowances.steps.notYet')}</Typography.Text>
            )}
          </>
        );
      case 'reconcile':
        return <ReconcilePanel cycle={c} canImport={prepare} onImported={actions.changed} />;
      case 'close':
        return (
          <>
            <Typography.Paragraph>{t('allowances.steps.closeExplain')}</Typography.Paragraph>
            {(c.status === 'reconciled' || c.status === 'closed') && (
              <Alert
                type={c.failed > 0 ? 'warning' : 'success'}
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="close-summary"
                title={t('allowances.reconcile.summary', { paid: formatMoney(c.paid_fen), failed: c.failed })}
                description={c.failed > 0 ? t('allowances.reconcile.carriedNext') : undefined}
              />
            )}
            {c.status === 'reconciled' && prepare ? (
              <Button
                icon={<StopOutlined />}
                loading={actions.busy === 'close'}
                onClick={() => confirm(t('allowances.steps.closeConfirm'), t('allowances.steps.closeHint'), () => actions.transition('close'))}
                data-testid="close-cycle"
              >
                {t('allowances.actions.close')}
              </Button>
            ) : c.status === 'closed' ? (
              <Typography.Text type="secondary">{t('allowances.cycle.closed')}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('allowances.steps.notYet')}</Typography.Text>
            )}
          </>
        );
    }
  })();

  return <div data-testid={`step-panel-${step}`}>{body}</div>;
}
