import { Breadcrumb, Button, Card, Col, Empty, Flex, Form, Row, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { todayIso } from '../../lib/dates';
import { CompoundSelect } from '../registry/CompoundSelect';
import { LoadFailed } from '../../components/LoadFailed';
import { rollupCsv, useRollup, type ReportRange } from './api';
import { Yuan } from './Yuan';
import { CsvButton } from './CsvButton';
import { childLevel, lastDayOf, lastTwelveMonths, singleLedgerCompound, topLedgerArea, type AreaLevel } from './model';
import { MonthlyPanel, MonthRange } from './MonthlyPanel';
import type { RollupItem } from './types';

// ECharts only when the chart is shown.
const RollupChart = lazy(() => import('./RollupChart'));

interface Level {
  id: string;
  name: string;
  kind: AreaLevel;
}

/** The last day the roll-up counts: the range's last day, or today within this month. */
function rangeEnd(range: ReportRange, today: string): string {
  const last = lastDayOf(range.to);
  return last > today ? today : last;
}

/** 按区域汇总: income and spending of each child area, drilling down to compounds. */
function Rollup({ path, onDrill, onUp, range }: { path: Level[]; onDrill: (l: Level) => void; onUp: (depth: number) => void; range: ReportRange }) {
  const { t } = useTranslation();
  const current = path[path.length - 1];
  const rowKind = childLevel(current.kind);
  const end = rangeEnd(range, todayIso());
  const report = useRollup(current.id, range, end);
  const rows = report.data?.items ?? [];
  const sum = (pick: (r: RollupItem) => number) => rows.reduce((s, r) => s + pick(r), 0);

  const columns: ColumnsType<RollupItem> = [
    {
      title: t(`revenue.home.col_${rowKind ?? 'area'}`, { defaultValue: t('revenue.home.colArea') }),
      dataIndex: 'area_name',
      render: (name: string, r) => {
        if (rowKind === 'compound') {
          return (
            <Link to={`/public-revenue/${r.area_id}`} data-testid="rollup-ledger">
              {name}
            </Link>
          );
        }
        if (rowKind && childLevel(rowKind)) {
          return (
            <Button type="link" style={{ padding: 0 }} onClick={() => onDrill({ id: r.area_id, name, kind: rowKind })} data-testid="rollup-drill">
              {name}
            </Button>
          );
        }
        return name;
      },
    },
    { title: t('revenue.home.colCompounds'), dataIndex: 'compounds', align: 'right', width: 120 },
    { title: t('revenue.home.colIncome'), dataIndex: 'income_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
    { title: t('revenue.home.colExpense'), dataIndex: 'expense_fen', align: 'right', render: (f: number) => <Yuan fen={f} /> },
    { title: t('revenue.home.colNet'), key: 'net', align: 'right', render: (_, r) => <Yuan fen={r.income_fen - r.expense_fen} /> },
  ];

  return (
    <Card
      title={t('revenue.home.rollupTitle')}
      extra={<CsvButton testId="rollup-csv" fallbackName={`public-revenue-by-area-${range.from}-${range.to}.csv`} fetchCsv={() => rollupCsv(current.id, range, end)} />}
      data-testid="rollup"
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="rollup-path"
        items={path.map((l, i) => ({
          key: l.id,
          title:
            i < path.length - 1 ? (
              <a onClick={() => onUp(i + 1)} data-testid="rollup-up">
                {l.name}
              </a>
            ) : (
              l.name
            ),
        }))}
      />
      <Row gutter={[16, 16]}>
        <Col span={24} xl={12}>
          <Table<RollupItem>
            data-testid="rollup-table"
            rowKey="area_id"
            size="small"
            loading={report.isFetching}
            pagination={false}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 560 }}
            summary={() =>
              rows.length ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('revenue.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {sum((r) => r.compounds)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Yuan fen={sum((r) => r.income_fen)} strong testId="rollup-income-total" />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Yuan fen={sum((r) => r.expense_fen)} strong />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <Yuan fen={sum((r) => r.income_fen - r.expense_fen)} strong />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
          <LoadFailed query={report} />
        </Col>
        <Col span={24} xl={12}>
          <div data-testid="rollup-chart">
            {report.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : rows.every((r) => r.income_fen === 0 && r.expense_fen === 0) ? (
              <Empty description={t('revenue.monthly.empty')} />
            ) : (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                <RollupChart rows={rows} />
              </Suspense>
            )}
          </div>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * 公共收益: open a compound's ledger, and follow the district's public revenue by area and
 * by month. A committee member or property staff (one compound) goes straight to its ledger.
 */
export default function RevenueHomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const single = singleLedgerCompound(me.grants);
  const top = topLedgerArea(me.grants);
  const [range, setRange] = useState<ReportRange>(() => lastTwelveMonths(todayIso()));
  // The roll-up starts at the user's highest area; over compounds only (several of them)
  // there is nothing to roll up and the monthly report covers the whole scope.
  const [path, setPath] = useState<Level[]>(() => (top && childLevel(top.kind) ? [top] : []));

  if (single) return <Navigate to={`/public-revenue/${single.id}`} replace />;
  const current = path[path.length - 1];
  const showRollup = !!current;

  return (
    <Flex vertical gap={16}>
      <Card title={t('revenue.home.pickTitle')}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('revenue.home.pickCompound')} style={{ minWidth: 320 }}>
            <CompoundSelect
              data-testid="revenue-compound"
              placeholder={t('common.compoundPlaceholder')}
              onChange={(v) => typeof v === 'string' && navigate(`/public-revenue/${v}`)}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('revenue.home.pickHelp')}
        </Typography.Paragraph>
      </Card>
      <Flex align="center" gap={12} wrap>
        <Typography.Text strong>{t('revenue.home.range')}</Typography.Text>
        <MonthRange value={range} onChange={setRange} testId="revenue-range" />
        {current && (
          <Typography.Text type="secondary" data-testid="revenue-area">
            {current.name}
          </Typography.Text>
        )}
      </Flex>
      {showRollup && (
        <Rollup path={path} range={range} onDrill={(l) => setPath((p) => [...p, l])} onUp={(depth) => setPath((p) => p.slice(0, depth))} />
      )}
      <Card title={current ? t('revenue.home.monthlyTitle', { area: current.name }) : t('revenue.home.monthlyTitleAll')} data-testid="revenue-monthly">
        <MonthlyPanel areaId={current?.id} range={range} onRangeChange={setRange} />
      </Card>
    </Flex>
  );
}
