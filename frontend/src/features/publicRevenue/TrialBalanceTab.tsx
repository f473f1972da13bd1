import { DatePicker, Flex, Form, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromDay, toDay } from '../../lib/dates';
import { LoadFailed } from '../../components/LoadFailed';
import { trialBalanceCsv, useTrialBalance } from './api';
import { Yuan } from './Yuan';
import { KindTag } from './RevenueTags';
import { CsvButton } from './CsvButton';
import type { Account, AccountKind } from './types';

/** 试算平衡: every account's debits and credits up to a day; the two totals agree. */
export function TrialBalanceTab({ compoundId }: { compoundId: string }) {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | undefined>();
  const report = useTrialBalance(compoundId, asOf);
  const data = report.data;
  const columns: ColumnsType<Account> = [
    { title: t('revenue.accounts.colCode'), dataIndex: 'code', width: 90 },
    { title: t('revenue.accounts.colName'), key: 'name', render: (_, a) => (i18n.language === 'en' ? a.name_en : a.name_zh) },
    { title: t('revenue.accounts.colKind'), dataIndex: 'kind', width: 90, render: (k: AccountKind) => <KindTag kind={k} /> },
    { title: t('revenue.accounts.colDebit'), dataIndex: 'debit_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
    { title: t('revenue.accounts.colCredit'), dataIndex: 'credit_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
    { title: t('revenue.accounts.colBalance'), dataIndex: 'balance_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
  ];
  return (
    <div data-testid="trial-balance">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Form layout="inline">
          <Form.Item label={t('revenue.trial.asOf')} extra={asOf ? undefined : t('revenue.trial.asOfAll')}>
            <DatePicker value={toDay(asOf) ?? null} onChange={(d) => setAsOf(fromDay(d) ?? undefined)} data-testid="trial-as-of" />
          </Form.Item>
        </Form>
        <Flex gap={8} align="center">
          {data &&
            (data.balanced ? (
              <Tag color="green" data-testid="trial-balanced">
                {t('revenue.trial.balanced')}
              </Tag>
            ) : (
              <Tag color="red" data-testid="trial-balanced">
                {t('revenue.trial.unbalanced')}
              </Tag>
            ))}
          <CsvButton
            testId="trial-csv"
            fallbackName={`trial-balance${asOf ? `-${asOf}` : ''}.csv`}
            fetchCsv={() => trialBalanceCsv(compoundId, asOf)}
          />
        </Flex>
      </Flex>
      <Table<Account>
        data-testid="trial-table"
        rowKey="id"
        size="middle"
        loading={report.isFetching}
        pagination={false}
        columns={columns}
        dataSource={data?.accounts ?? []}
        scroll={{ x: 760 }}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('revenue.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Yuan fen={data.total_debit_fen} strong testId="trial-total-debit" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Yuan fen={data.total_credit_fen} strong testId="trial-total-credit" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <LoadFailed query={report} />
    </div>
  );
}
