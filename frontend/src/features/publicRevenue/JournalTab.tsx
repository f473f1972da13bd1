import { ImportOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromDay, toDay } from '../../lib/dates';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { LoadFailed } from '../../components/LoadFailed';
import { useEntryPage, type EntryFilters } from './api';
import { Yuan } from './Yuan';
import { ReversalTag, SourceTag } from './RevenueTags';
import { EntryDrawer, useAccountOptions } from './EntryDrawer';
import { ImportModal } from './ImportModal';
import { canReverse } from './model';
import { ReverseModal } from './ReverseModal';
import type { Account, Entry, EntryLine, EntrySource, Period, Voucher } from './types';
import { VoucherCell } from './Vouchers';
import { DataTable } from '../../components/DataTable';

/** An entry's lines: account, debit, credit. */
function Lines({ entry, accounts }: { entry: Entry; accounts: readonly Account[] | undefined }) {
  const { t, i18n } = useTranslation();
  const byId = useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a])), [accounts]);
  const name = (l: EntryLine) => (i18n.language === 'en' ? (byId.get(l.account_id)?.name_en ?? l.account_name_zh) : l.account_name_zh);
  return (
    <Table<EntryLine & { key: number }>
      data-testid="entry-lines-table"
      size="small"
      pagination={false}
      dataSource={entry.lines.map((l, key) => ({ ...l, key }))}
      columns={[
        { title: t('revenue.journal.lineAccount'), key: 'account', render: (_, l) => `${l.account_code} ${name(l)}` },
        { title: t('revenue.journal.lineDebit'), dataIndex: 'debit_fen', align: 'right', width: 160, render: (f: number) => (f ? <Yuan fen={f} /> : '') },
        { title: t('revenue.journal.lineCredit'), dataIndex: 'credit_fen', align: 'right', width: 160, render: (f: number) => (f ? <Yuan fen={f} /> : '') },
      ]}
    />
  );
}

/** 记账凭证: the journal, newest first, with the lines of each entry one click away. */
export function JournalTab({
  compoundId,
  readOnly,
  accounts,
  periods,
}: {
  compoundId: string;
  readOnly: boolean;
  accounts: readonly Account[] | undefined;
  periods: readonly Period[] | undefined;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<EntryFilters>({});
  const filterKey = JSON.stringify(filters);
  const paging = useCursorPaging(filterKey);
  const page = useEntryPage(compoundId, filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const options = useAccountOptions(accounts);
  const [posting, setPosting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reversing, setReversing] = useState<Entry | null>(null);
  // The API lists an entry's vouchers only when answering an upload: keep those answers.
  const [vouchers, setVouchers] = useState<Record<string, Voucher[]>>({});

  const columns: ColumnsType<Entry> = [
    { title: t('revenue.journal.colNo'), dataIndex: 'number', width: 80, render: (n: number) => `#${n}` },
    { title: t('revenue.journal.colDate'), dataIndex: 'entry_date', width: 110 },
    { title: t('revenue.journal.colVoucherNo'), dataIndex: 'voucher_no', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('revenue.journal.colMemo'),
      dataIndex: 'memo',
      render: (memo: string, e) => (
        <Space size={4} wrap>
          <span data-testid="entry-memo-text">{memo}</span>
          <ReversalTag entry={e} />
        </Space>
      ),
    },
    { title: t('revenue.journal.colAmount'), dataIndex: 'amount_fen', align: 'right', width: 140, render: (f: number) => <Yuan fen={f} /> },
    { title: t('revenue.journal.colSource'), dataIndex: 'source', width: 90, render: (s: EntrySource) => <SourceTag source={s} /> },
    {
      title: t('revenue.journal.colVouchers'),
      key: 'vouchers',
      width: readOnly ? 80 : 110,
      render: (_, e) => (
        <VoucherCell
          compoundId={compoundId}
          entry={e}
          readOnly={readOnly}
          uploaded={vouchers[e.id]}
          onUploaded={(list) => setVouchers((v) => ({ ...v, [e.id]: list }))}
        />
      ),
    },
  ];
  if (!readOnly) {
    columns.push({
      title: t('revenue.journal.colActions'),
      key: 'actions',
      width: 100,
      render: (_, e) =>
        canReverse(e) ? (
          <Button size="small" icon={<RollbackOutlined />} onClick={() => setReversing(e)} data-testid="reverse-entry">
            {t('revenue.journal.reverse')}
          </Button>
        ) : null,
    });
  }

  return (
    <div data-testid="journal">
      <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 12 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('revenue.journal.filterDates')}>
            <DatePicker.RangePicker
              data-testid="journal-dates"
              allowEmpty={[true, true]}
              value={[toDay(filters.from) ?? null, toDay(filters.to) ?? null]}
              onChange={(range) =>
                setFilters((f) => ({ ...f, from: fromDay(range?.[0]) ?? undefined, to: fromDay(range?.[1]) ?? undefined }))
              }
            />
          </Form.Item>
          <Form.Item label={t('revenue.journal.filterAccount')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              placeholder={t('common.all')}
              options={options}
              value={filters.account_id}
              onChange={(v?: string) => setFilters((f) => ({ ...f, account_id: v || undefined }))}
              data-testid="journal-account"
            />
          </Form.Item>
        </Form>
        {!readOnly && (
          <Space wrap>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
              {t('revenue.journal.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="entry-new">
              {t('revenue.journal.post')}
            </Button>
          </Space>
        )}
      </Flex>
      <DataTable<Entry>
        testId="journal-table"
        columns={columns}
        rows={page.data?.items}
        query={page}
        expandable={{ expandedRowRender: (e) => <Lines entry={e} accounts={accounts} /> }}
        empty={t('revenue.journal.empty')}
        scrollX={960}
      />
      <LoadFailed query={page} />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('revenue.journal.immutable')}</Typography.Text>
        <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
      </Flex>
      {!readOnly && (
        <>
          <EntryDrawer compoundId={compoundId} open={posting} onClose={() => setPosting(false)} accounts={accounts} periods={periods} />
          <ImportModal compoundId={compoundId} open={importing} onClose={() => setImporting(false)} />
          <ReverseModal compoundId={compoundId} entry={reversing} onClose={() => setReversing(null)} />
        </>
      )}
    </div>
  );
}
