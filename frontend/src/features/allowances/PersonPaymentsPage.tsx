import { ArrowLeftOutlined, BankOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, Skeleton, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { knownFields } from '../../api/problem';
import { useSession } from '../../auth/session';
import { usePerson } from '../people/api';
import { LoadFailed } from '../../components/LoadFailed';
import { allowanceKeys, setBankAccount, useBankAccount, usePersonPayments } from './api';
import { Yuan } from './Yuan';
import { DecisionTag, OutcomeTag, ReasonTag } from './AllowanceTags';
import { useMonthLabel } from './useMonthLabel';
import { Explained } from './Explained';
import { asDecision } from './model';
import type { BankAccount, BankAccountInput, Payment, PaymentReason } from './types';
import { FormModal } from '../../components/FormModal';
import { DataTable } from '../../components/DataTable';

/** 个人发放记录: every cycle line of one person (paid, failed, excluded and why) and the account paid into. */
export default function PersonPaymentsPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const monthLabel = useMonthLabel();
  const person = usePerson(personId);
  const history = usePersonPayments(personId);
  const items = history.data?.items ?? [];
  // Finance may read payments of people outside what the registry lets them open.
  const name = person.data?.data.name ?? items[0]?.person_name ?? '';

  const columns: ColumnsType<Payment> = [
    {
      title: t('allowances.payments.month'),
      dataIndex: 'period_month',
      width: 120,
      render: (m: string, p) => (
        <Link to={`/allowances/cycles/${p.cycle_id}`} data-testid="history-cycle" style={{ whiteSpace: 'nowrap' }}>
          {monthLabel(m)}
        </Link>
      ),
    },
    { title: t('allowances.payments.programme'), dataIndex: 'programme_name', width: 200, render: (n?: string | null) => n ?? '—' },
    { title: t('allowances.payments.decision'), dataIndex: 'decision', width: 90, render: (d: string) => <DecisionTag decision={d} /> },
    { title: t('allowances.payments.reason'), dataIndex: 'reason', width: 170, render: (r: PaymentReason) => <ReasonTag reason={r} /> },
    {
      title: t('allowances.payments.amount'),
      dataIndex: 'amount_fen',
      width: 120,
      align: 'right',
      render: (fen: number, p) => (asDecision(p.decision) === 'excluded' && fen === 0 ? '—' : <Yuan fen={fen} />),
    },
    {
      title: t('allowances.payments.outcome'),
      dataIndex: 'outcome',
      width: 170,
      render: (o: string | null | undefined, p) => <OutcomeTag outcome={o} failureReason={p.failure_reason} />,
    },
    { title: t('allowances.payments.explanation'), dataIndex: 'explanation', render: (text: string) => <Explained text={text} /> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="person-title">{t('allowances.person.title', { name: name || t('common.loading') })}</span>}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {person.data && <Link to={`/people/${personId}`}>{t('allowances.person.registry')}</Link>}
          </Space>
        }
      >
        <BankAccountSection personId={personId} personName={name} />
      </Card>
      <Card title={t('allowances.person.history')}>
        <DataTable<Payment>
          testId="history-table"
          columns={columns}
          rows={items}
          query={history}
          pageSize={24}
          empty={t('allowances.person.noHistory')}
          scrollX={1300}
        />
        <LoadFailed query={history} />
      </Card>
    </Space>
  );
}

/** The account on file, masked; preparers set or replace it (the full number is never shown back). */
function BankAccountSection({ personId, personName }: { personId: string; personName: string }) {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const account = useBankAccount(personId);
  const [editing, setEditing] = useState(false);
  const canSet = access.allowances.prepare;

  return (
    <div data-testid="bank-account">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <BankOutlined /> {t('allowances.bank.title')}
      </Typography.Title>
      {account.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : account.isError ? (
        <LoadFailed query={account} />
      ) : account.data ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'bank', label: t('allowances.bank.bankName'), children: account.data.bank_name },
            { key: 'name', label: t('allowances.bank.accountName'), children: account.data.account_name },
            {
              key: 'no',
              label: t('allowances.bank.accountNo'),
              children: (
                <Typography.Text code data-testid="account-masked">
                  {account.data.account_no_masked}
                </Typography.Text>
              ),
            },
            { key: 'at', label: t('common.updatedAt'), children: new Date(account.data.updated_at).toLocaleString(i18n.language) },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('allowances.bank.none')} data-testid="no-account" />
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('allowances.bank.masked')}
      </Typography.Paragraph>
      {canSet && (
        <Button onClick={() => setEditing(true)} data-testid="set-bank-account">
          {account.data ? t('allowances.bank.replace') : t('allowances.bank.set')}
        </Button>
      )}
      <BankAccountModal open={editing} onClose={() => setEditing(false)} personId={personId} personName={personName} current={account.data ?? null} />
    </div>
  );
}

interface AccountValues {
  bank_name?: string;
  account_no?: string;
  account_name?: string;
}

const ACCOUNT_FIELDS = knownFields(['bank_name', 'account_no', 'account_name']);

function BankAccountModal({
  open,
  onClose,
  personId,
  personName,
  current,
}: {
  open: boolean;
  onClose: () => void;
  personId: string;
  personName: string;
  current: BankAccount | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AccountValues>();

  useEffect(() => {
    if (!open) return;
    // The bank and the name are offered again; the number never is.
    form.resetFields();
    form.setFieldsValue({ bank_name: current?.bank_name, account_name: current?.account_name ?? personName });
  }, [open, current, personName, form]);

  async function save(v: AccountValues) {
    const body: BankAccountInput = {
      bank_name: (v.bank_name ?? '').trim(),
      account_no: (v.account_no ?? '').replace(/\s+/g, ''),
      account_name: (v.account_name ?? '').trim(),
    };
    const saved = await setBankAccount(personId, body);
    // Only the masked answer is kept; the typed number leaves with the form.
    queryClient.setQueryData(allowanceKeys.bankAccount(personId), saved);
    form.resetFields();
    void message.success(t('allowances.bank.saved', { masked: saved.account_no_masked }));
    onClose();
  }

  return (
    <FormModal
      open={open}
      title={current ? t('allowances.bank.replace') : t('allowances.bank.set')}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okText={t('common.save')}
      forceRender
      form={form}
      onSave={save}
      toFormPath={ACCOUNT_FIELDS}
      okTestId="save-bank-account"
      intro={
        <>
          {current && (
            <Typography.Paragraph type="secondary">{t('allowances.bank.replaceHint', { masked: current.account_no_masked })}</Typography.Paragraph>
          )}
        </>
      }
    >
      <Form.Item
        name="bank_name"
        label={t('allowances.bank.bankName')}
        rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('allowances.bank.bankNameRequired') }]}
      >
        <Input maxLength={60} placeholder={t('allowances.bank.bankNamePlaceholder')} data-testid="bank-name" />
      </Form.Item>
      <Form.Item
        name="account_no"
        label={t('allowances.bank.accountNo')}
        normalize={(v?: string) => v?.replace(/\s+/g, '')}
        rules={[{ required: true, pattern: /^[0-9]{8,30}$/, message: t('allowances.bank.accountNoRule') }]}
      >
        <Input inputMode="numeric" maxLength={30} autoComplete="off" data-testid="account-no" />
      </Form.Item>
      <Form.Item
        name="account_name"
        label={t('allowances.bank.accountName')}
        rules={[{ required: true, whitespace: true, max: 50, message: t('allowances.bank.accountNameRequired') }]}
      >
        <Input maxLength={50} data-testid="account-name" />
      </Form.Item>
    </FormModal>
  );
}
