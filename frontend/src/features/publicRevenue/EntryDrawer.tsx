import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKeys } from '../../api/idempotency';
import { formErrors, type Notice } from '../../api/problem';
import { translate } from '../../i18n';
import { dateField, todayIso } from '../../lib/dates';
import { postEntry, useLedgerChanged } from './api';
import { Yuan } from './Yuan';
import { ACCOUNT_KINDS, draftBalance, entryFieldPath, isClosedOn, monthOf, toEntryBody, withRevenueTitle, type DraftLine, type EntryDraft } from './model';
import { formatYuan } from '../../lib/money';
import type { Account, Entry, Period } from './types';

/** Account options grouped by kind, active accounts only, labelled `4005 快递柜收益`. */
export function useAccountOptions(accounts: readonly Account[] | undefined) {
  const { t, i18n } = useTranslation();
  return useMemo(
    () =>
      ACCOUNT_KINDS.map((kind) => ({
        label: t(`revenue.kinds.${kind}`),
        title: t(`revenue.kinds.${kind}`),
        options: (accounts ?? [])
          .filter((a) => a.kind === kind && a.active)
          .map((a) => ({ value: a.id, label: `${a.code} ${i18n.language === 'en' ? a.name_en : a.name_zh}` })),
      })).filter((g) => g.options.length > 0),
    [accounts, t, i18n.language],
  );
}

const EMPTY_LINES: DraftLine[] = [{}, {}];

/**
 * 记账: a journal entry typed line by line, with the debit and credit totals shown live.
 * Nothing is sent until the lines balance; the server checks everything again.
 */
export function EntryDrawer({
  compoundId,
  open,
  onClose,
  accounts,
  periods,
}: {
  compoundId: string;
  open: boolean;
  onClose: () => void;
  accounts: readonly Account[] | undefined;
  periods: readonly Period[] | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryDraft>();
  const changed = useLedgerChanged(compoundId);
  const keys = useRef(idempotencyKeys());
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<Notice | null>(null);
  const options = useAccountOptions(accounts);
  const lines = Form.useWatch('lines', form);
  const balance = draftBalance(lines ?? []);

  function reset() {
    form.resetFields();
    setTried(false);
    setRefusal(null);
  }

  async function submit(values: EntryDraft) {
    setTried(true);
    setRefusal(null);
    const check = draftBalance(values.lines ?? []);
    if (!check.ready) {
      setRefusal({ message: t(check.filled < 2 ? 'revenue.entry.needTwoLines' : 'revenue.entry.notReady') });
      return;
    }
    const body = toEntryBody(values);
    setSaving(true);
    try {
      const entry: Entry = await postEntry(compoundId, body, keys.current.keyFor(body));
      keys.current.reset();
      void message.success(t('revenue.entry.posted', { number: entry.number }));
      changed();
      reset();
      onClose();
    } catch (e) {
      // Field errors go under their fields; the rest (a closed month, …) stays visible above
      // the form, in the server's words, until the user changes something and tries again.
      const { fields, notice } = formErrors(e, entryFieldPath, translate);
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      if (notice) setRefusal(withRevenueTitle(notice, e, translate));
    } finally {
      setSaving(false);
    }
  }

  const problemText = (i: number): string | null => {
    const p = balance.problems[i];
    if (!p) return null;
    // While typing, only say what is already wrong; what is missing waits for a submit.
    if (!tried && (p === 'noAccount' || p === 'noAmount')) return null;
    return t(`revenue.entry.problems.${p}`);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('revenue.entry.title')}
      size={760}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && reset()}
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="entry-submit">
          {t('revenue.entry.submit')}
        </Button>
      }
    >
      <Form<EntryDraft>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => setTried(true)}
        onValuesChange={() => refusal && setRefusal(null)}
        initialValues={{ entry_date: todayIso(), lines: EMPTY_LINES }}
        data-testid="entry-form"
      >
        {refusal && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={refusal.message}
            description={refusal.description}
            data-testid="entry-error"
          />
        )}
        <Flex gap={16} wrap>
          <Form.Item
            name="entry_date"
            label={t('revenue.entry.date')}
            {...dateField}
            style={{ minWidth: 180 }}
            rules={[
              { required: true, message: t('revenue.entry.dateRequired') },
              {
                warningOnly: true,
                validator: (_, value?: string) =>
                  isClosedOn(value, periods)
                    ? Promise.reject(new Error(t('revenue.entry.closedMonth', { month: monthOf(value ?? '') })))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="entry-date" />
          </Form.Item>
          <Form.Item name="voucher_no" label={t('revenue.entry.voucherNo')} style={{ minWidth: 180 }} rules={[{ max: 40 }]}>
            <Input maxLength={40} data-testid="entry-voucher-no" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="memo"
          label={t('revenue.entry.memo')}
          rules={[
            { required: true, whitespace: true, message: t('revenue.entry.memoRequired') },
            { max: 200 },
          ]}
        >
          <Input maxLength={200} showCount data-testid="entry-memo" />
        </Form.Item>
        <Typography.Text strong>{t('revenue.entry.lines')}</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }} data-testid="entry-lines">
              <Flex gap={8} style={{ color: '#888', fontSize: 12, marginBottom: 4 }}>
                <div style={{ flex: 1 }}>{t('revenue.journal.lineAccount')}</div>
                <div style={{ width: 140 }}>{t('revenue.journal.lineDebit')}</div>
                <div style={{ width: 140 }}>{t('revenue.journal.lineCredit')}</div>
                <div style={{ width: 32 }} />
              </Flex>
              {fields.map((field, i) => {
                const problem = problemText(i);
                return (
                  <div key={field.key} data-testid={`entry-line-${i}`}>
                    <Flex gap={8} align="start">
                      <Form.Item name={[field.name, 'account_id']} style={{ flex: 1, marginBottom: 4 }}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          allowClear
                          placeholder={t('revenue.entry.accountPlaceholder')}
                          options={options}
                          data-testid={`entry-line-${i}-account`}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'debit']} style={{ width: 140, marginBottom: 4 }}>
                        <Input inputMode="decimal" placeholder="0.00" style={{ textAlign: 'right' }} data-testid={`entry-line-${i}-debit`} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'credit']} style={{ width: 140, marginBottom: 4 }}>
                        <Input inputMode="decimal" placeholder="0.00" style={{ textAlign: 'right' }} data-testid={`entry-line-${i}-credit`} />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        disabled={fields.length <= 2}
                        onClick={() => remove(field.name)}
                        aria-label={t('revenue.entry.removeLine')}
                        data-testid={`entry-line-${i}-remove`}
                        style={{ width: 32 }}
                      />
                    </Flex>
                    {problem && (
                      <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginBottom: 4 }} data-testid={`entry-line-${i}-problem`}>
                        {problem}
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 50} block data-testid="entry-add-line">
                {t('revenue.entry.addLine')}
              </Button>
            </div>
          )}
        </Form.List>
        <Flex justify="flex-end" align="center" gap={16} wrap style={{ marginTop: 16 }} data-testid="entry-totals">
          <Space size={4}>
            <Typography.Text type="secondary">{t('revenue.entry.debitTotal')}</Typography.Text>
            <Yuan fen={balance.debitFen} strong testId="entry-debit-total" />
          </Space>
          <Space size={4}>
            <Typography.Text type="secondary">{t('revenue.entry.creditTotal')}</Typography.Text>
            <Yuan fen={balance.creditFen} strong testId="entry-credit-total" />
          </Space>
          {balance.debitFen === 0 && balance.creditFen === 0 ? (
            <Tag data-testid="entry-balance">{t('revenue.entry.noAmounts')}</Tag>
          ) : balance.differenceFen === 0 ? (
            <Tag color="green" data-testid="entry-balance">
              {t('revenue.entry.balanced')}
            </Tag>
          ) : (
            <Tag color="red" data-testid="entry-balance">
              {t('revenue.entry.unbalanced', { amount: formatYuan(Math.abs(balance.differenceFen)) })}
            </Tag>
          )}
        </Flex>
      </Form>
    </Drawer>
  );
}
