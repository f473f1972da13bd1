// One compound's public revenue ledger. Used by the ledger page (/public-revenue/:id) and,
// read-only, by the auditors' view of an engagement (/audits/engagements/:id/ledger):
// keep the props as they are.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { AccountsTab } from './AccountsTab';
import { useAccounts, usePeriods } from './api';
import { JournalTab } from './JournalTab';
import { MonthlyPanel } from './MonthlyPanel';
import { PeriodsTab } from './PeriodsTab';
import { TrialBalanceTab } from './TrialBalanceTab';

export interface CompoundLedgerProps {
  compoundId: string;
  /** Only reading: no posting, reversing, vouchers, imports, new accounts or closing. */
  readOnly?: boolean;
}

/** Tabs: 记账凭证 · 科目余额 · 试算平衡 · 月度收支 · 结账. */
export default function CompoundLedger({ compoundId, readOnly = false }: CompoundLedgerProps) {
  const { t } = useTranslation();
  const { access } = useSession();
  const accounts = useAccounts(compoundId);
  const periods = usePeriods(compoundId);
  // Closing a month is its own permission (owners' committee, government staff).
  const canClose = !readOnly && access.revenue.close;

  return (
    <Tabs
      data-testid="ledger-tabs"
      defaultActiveKey="journal"
      items={[
        {
          key: 'journal',
          label: <span data-testid="tab-journal">{t('revenue.tabs.journal')}</span>,
          children: (
            <JournalTab compoundId={compoundId} readOnly={readOnly} accounts={accounts.data?.items} periods={periods.data?.items} />
          ),
        },
        {
          key: 'accounts',
          label: <span data-testid="tab-accounts">{t('revenue.tabs.accounts')}</span>,
          children: (
            <AccountsTab compoundId={compoundId} readOnly={readOnly} accounts={accounts.data?.items} loading={accounts.isFetching} />
          ),
        },
        {
          key: 'trial',
          label: <span data-testid="tab-trial">{t('revenue.tabs.trialBalance')}</span>,
          children: <TrialBalanceTab compoundId={compoundId} />,
        },
        {
          key: 'monthly',
          label: <span data-testid="tab-monthly">{t('revenue.tabs.monthly')}</span>,
          children: <MonthlyPanel areaId={compoundId} />,
        },
        {
          key: 'periods',
          label: <span data-testid="tab-periods">{t('revenue.tabs.periods')}</span>,
          children: (
            <PeriodsTab compoundId={compoundId} canClose={canClose} periods={periods.data?.items} loading={periods.isFetching} />
          ),
        },
      ]}
    />
  );
}
