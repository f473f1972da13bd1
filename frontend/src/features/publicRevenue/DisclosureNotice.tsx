import { Card, Descriptions, Divider, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Yuan } from './Yuan';
import { useCategoryLabel, useMonthLabel } from './labels';
import { categoryRows } from './model';
import type { Disclosure } from './types';

type Row = { category: string; fen: number };

/** Income or spending by category, with its total as the last line. */
function CategoryTable({ title, rows, totalLabel, totalFen, testId }: { title: string; rows: Row[]; totalLabel: string; totalFen: number; testId: string }) {
  const { t } = useTranslation();
  const label = useCategoryLabel();
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      rowKey="category"
      pagination={false}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={rows}
      locale={{ emptyText: t('revenue.notice.none') }}
      columns={[
        { title: t('revenue.notice.item'), dataIndex: 'category', render: (c: string) => label(c) },
        { title: t('revenue.notice.amount'), dataIndex: 'fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{totalLabel}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Yuan fen={totalFen} strong testId={`${testId}-total`} />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/**
 * A disclosure laid out as the notice posted on the compound's board: who, which months,
 * income and spending by category, the net, the funds held and what is owed to all owners.
 * Also shows an unpublished preview (no id, publisher or date yet).
 */
export function DisclosureNotice({ disclosure, preview }: { disclosure: Disclosure; preview?: boolean }) {
  const { t, i18n } = useTranslation();
  const monthLabel = useMonthLabel();
  const s = disclosure.summary;
  const published = disclosure.published_at
    ? new Date(disclosure.published_at).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric' })
    : null;
  return (
    <Card data-testid={preview ? 'disclosure-preview' : 'disclosure-notice'} style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }} data-testid="notice-heading">
        {t('revenue.notice.heading', { compound: disclosure.compound_name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }} data-testid="notice-period">
        {t('revenue.notice.period', { from: monthLabel(disclosure.period_from), to: monthLabel(disclosure.period_to) })}
        {preview && ` · ${t('revenue.notice.previewMark')}`}
      </Typography.Paragraph>
      <Flex vertical gap={16}>
        <CategoryTable
          testId="notice-income"
          title={t('revenue.notice.income')}
          rows={categoryRows(s.income_by_category)}
          totalLabel={t('revenue.notice.incomeTotal')}
          totalFen={s.income_total_fen}
        />
        <CategoryTable
          testId="notice-expense"
          title={t('revenue.notice.expense')}
          rows={categoryRows(s.expense_by_category)}
          totalLabel={t('revenue.notice.expenseTotal')}
          totalFen={s.expense_total_fen}
        />
      </Flex>
      <Divider />
      <Descriptions column={1} size="small" bordered styles={{ label: { width: '55%' } }} data-testid="notice-totals">
        <Descriptions.Item label={t('revenue.notice.net')}>
          <Yuan fen={s.net_fen} strong testId="notice-net" />
        </Descriptions.Item>
        <Descriptions.Item label={t('revenue.notice.funds')}>
          <Yuan fen={s.funds_fen} strong testId="notice-funds" />
        </Descriptions.Item>
        <Descriptions.Item label={t('revenue.notice.owed')}>
          <Yuan fen={s.owed_to_owners_fen} strong testId="notice-owed" />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('revenue.notice.unit')}
      </Typography.Paragraph>
      {disclosure.note && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-note">
          <Typography.Text strong>{t('revenue.notice.note')}</Typography.Text>
          {disclosure.note}
        </Typography.Paragraph>
      )}
      {!preview && (
        <div style={{ textAlign: 'right', marginTop: 24 }}>
          <div data-testid="notice-publisher">{disclosure.publisher || '—'}</div>
          <div data-testid="notice-date">{published ?? '—'}</div>
        </div>
      )}
    </Card>
  );
}
