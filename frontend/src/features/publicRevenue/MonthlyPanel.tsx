import { Alert, Button, DatePicker, Empty, Flex, Form, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { dayjs, todayIso } from '../../lib/dates';
import { monthlyCsv, useMonthlyReport, type ReportRange } from './api';
import { Yuan } from './Yuan';
import { useMonthLabel } from './labels';
import { CsvButton } from './CsvButton';
import { lastTwelveMonths, monthlyChartData, type MonthlyTotals } from './model';

// ECharts only when a chart is shown.
const MonthlyChart = lazy(() => import('./MonthlyChart'));

/** A month range picker holding `YYYY-MM` strings. */
export function MonthRange({
  value,
  onChange,
  testId,
}: {
  value: ReportRange;
  onChange: (range: ReportRange) => void;
  testId: string;
}) {
  return (
    <DatePicker.RangePicker
      picker="month"
      allowClear={false}
      data-testid={testId}
      value={[dayjs(`${value.from}-01`), dayjs(`${value.to}-01`)]}
      onChange={(range) => {
        const [from, to] = range ?? [];
        if (from && to) onChange({ from: from.format('YYYY-MM'), to: to.format('YYYY-MM') });
      }}
    />
  );
}

/**
 * Monthly income and spending by category of a compound or an area (the user's whole
 * scope without `areaId`): a stacked chart, the totals per month and the CSV.
 */
export function MonthlyPanel({ areaId, range: given, onRangeChange }: { areaId?: string; range?: ReportRange; onRangeChange?: (r: ReportRange) => void }) {
  const { t } = useTranslation();
  const monthLabel = useMonthLabel();
  const [own, setOwn] = useState<ReportRange>(() => lastTwelveMonths(todayIso()));
  const range = given ?? own;
  const setRange = onRangeChange ?? setOwn;
  const report = useMonthlyReport(areaId, range);
  const data = useMemo(
    () => (report.data ? monthlyChartData(report.data.items, report.data.from, report.data.to) : null),
    [report.data],
  );
  const hasData = !!data && (data.income.length > 0 || data.expense.length > 0);
  const sum = (pick: (m: MonthlyTotals) => number) => (data?.totals ?? []).reduce((s, m) => s + pick(m), 0);

  return (
    <div data-testid="monthly-panel">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        {!given ? (
          <Form.Item label={t('revenue.monthly.range')} style={{ margin: 0 }}>
            <MonthRange value={range} onChange={setRange} testId="monthly-range" />
          </Form.Item>
        ) : (
          <span />
        )}
        <CsvButton
          testId="monthly-csv"
          fallbackName={`public-revenue-monthly-${range.from}-${range.to}.csv`}
          fetchCsv={() => monthlyCsv(areaId, range)}
        />
      </Flex>
      <div data-testid="monthly-chart">
        {report.isError ? (
          <Alert
            type="warning"
            showIcon
            title={errorNotice(report.error, translate).message}
            action={<Button onClick={() => void report.refetch()}>{t('common.retry')}</Button>}
            data-testid="monthly-error"
          />
        ) : report.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : !hasData || !data ? (
          <Empty description={t('revenue.monthly.empty')} />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <MonthlyChart data={data} />
          </Suspense>
        )}
      </div>
      {hasData && data && (
        <Table<MonthlyTotals>
          data-testid="monthly-table"
          size="small"
          rowKey="month"
          pagination={false}
          style={{ marginTop: 16 }}
          dataSource={data.totals}
          scroll={{ x: 480 }}
          columns={[
            { title: t('revenue.monthly.colMonth'), dataIndex: 'month', render: (m: string) => monthLabel(m) },
            { title: t('revenue.monthly.income'), dataIndex: 'incomeFen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
            { title: t('revenue.monthly.expense'), dataIndex: 'expenseFen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
            { title: t('revenue.monthly.net'), dataIndex: 'netFen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('revenue.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Yuan fen={sum((m) => m.incomeFen)} strong testId="monthly-income-total" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Yuan fen={sum((m) => m.expenseFen)} strong testId="monthly-expense-total" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Yuan fen={sum((m) => m.netFen)} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </div>
  );
}
