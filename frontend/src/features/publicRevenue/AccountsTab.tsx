import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { createAccount, useLedgerChanged } from './api';
import { Yuan } from './Yuan';
import { useCategoryLabel } from './labels';
import { KindTag } from './RevenueTags';
import { ACCOUNT_KINDS, CATEGORIES_BY_KIND } from './model';
import type { Account, AccountKind, NewAccount } from './types';
import { DataTable } from '../../components/DataTable';

const FIELDS = knownFields(['code', 'name_zh', 'name_en', 'kind', 'category']);

/** A compound adds an account of its own under one of the standard reporting categories. */
function AddAccountModal({ compoundId, open, onClose }: { compoundId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showOnForm } = useProblem();
  const label = useCategoryLabel();
  const changed = useLedgerChanged(compoundId);
  const [form] = Form.useForm<Partial<NewAccount>>();
  const kind = Form.useWatch('kind', form);
  const [saving, setSaving] = useState(false);

  async function submit(v: Partial<NewAccount>) {
    const body: NewAccount = {
      code: (v.code ?? '').trim(),
      name_zh: (v.name_zh ?? '').trim(),
      name_en: (v.name_en ?? '').trim(),
      kind: v.kind ?? 'income',
      category: v.category ?? '',
    };
    setSaving(true);
    try {
      await createAccount(compoundId, body);
      void message.success(t('revenue.accounts.created', { code: body.code }));
      changed();
      onClose();
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('revenue.accounts.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, ...testId('account-submit') }}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && form.resetFields()}
    >
      <Form<Partial<NewAccount>> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'income' }}>
        <Form.Item
          name="code"
          label={t('revenue.accounts.code')}
          extra={t('revenue.accounts.codeHelp')}
          rules={[{ required: true, pattern: /^[0-9]{4,8}$/, message: t('revenue.accounts.codeInvalid') }]}
        >
          <Input maxLength={8} data-testid="account-code" />
        </Form.Item>
        <Form.Item name="name_zh" label={t('revenue.accounts.nameZh')} rules={[{ required: true, whitespace: true }, { max: 40 }]}>
          <Input maxLength={40} data-testid="account-name-zh" />
        </Form.Item>
        <Form.Item name="name_en" label={t('revenue.accounts.nameEn')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
          <Input maxLength={60} data-testid="account-name-en" />
        </Form.Item>
        <Form.Item name="kind" label={t('revenue.accounts.colKind')} rules={[{ required: true }]}>
          <Select<AccountKind>
            options={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`revenue.kinds.${k}`) }))}
            onChange={() => form.setFieldValue('category', undefined)}
            data-testid="account-kind"
          />
        </Form.Item>
        <Form.Item name="category" label={t('revenue.accounts.colCategory')} rules={[{ required: true }]}>
          <Select
            options={(CATEGORIES_BY_KIND[kind ?? 'income'] ?? []).map((c) => ({ value: c, label: label(c) }))}
            data-testid="account-category"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 科目余额: the chart of accounts with each account's debits, credits and balance. */
export function AccountsTab({
  compoundId,
  readOnly,
  accounts,
  loading,
}: {
  compoundId: string;
  readOnly: boolean;
  accounts: readonly Account[] | undefined;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const label = useCategoryLabel();
  const [adding, setAdding] = useState(false);
  const columns: ColumnsType<Account> = [
    { title: t('revenue.accounts.colCode'), dataIndex: 'code', width: 90 },
    {
      title: t('revenue.accounts.colName'),
      key: 'name',
      render: (_, a) => (
        <>
          {i18n.language === 'en' ? a.name_en : a.name_zh}
          {!a.active && (
            <Tag style={{ marginLeft: 8 }} color="default">
              {t('revenue.accounts.inactive')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('revenue.accounts.colKind'), dataIndex: 'kind', width: 90, render: (k: AccountKind) => <KindTag kind={k} /> },
    { title: t('revenue.accounts.colCategory'), dataIndex: 'category', render: (c: string) => label(c) },
    { title: t('revenue.accounts.colDebit'), dataIndex: 'debit_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
    { title: t('revenue.accounts.colCredit'), dataIndex: 'credit_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
    {
      title: t('revenue.accounts.colBalance'),
      dataIndex: 'balance_fen',
      align: 'right',
      render: (f: number, a) => <Yuan fen={f} strong testId={`balance-${a.code}`} />,
    },
  ];
  return (
    <div data-testid="accounts">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">{t('revenue.accounts.explain')}</Typography.Text>
        {!readOnly && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="account-add">
            {t('revenue.accounts.add')}
          </Button>
        )}
      </Flex>
      <DataTable<Account> testId="accounts-table" loading={loading} columns={columns} rows={accounts} scrollX={860} />
      {!readOnly && <AddAccountModal compoundId={compoundId} open={adding} onClose={() => setAdding(false)} />}
    </div>
  );
}
