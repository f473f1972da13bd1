import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import {
  addMonths,
  canReverse,
  categoryRows,
  childLevel,
  draftBalance,
  entryFieldPath,
  entryState,
  grantCompounds,
  importTemplate,
  isClosedOn,
  lastDayOf,
  lastTwelveMonths,
  monthEnded,
  monthlyChartData,
  monthsBetween,
  rowErrorsOf,
  singleDisclosureCompound,
  singleLedgerCompound,
  toEntryBody,
  topLedgerArea,
  withRevenueTitle,
} from './model';
import type { MonthlyItem, Period } from './types';

describe('draftBalance', () => {
  it('totals debits and credits in fen and says when they balance', () => {
    const b = draftBalance([
      { account_id: 'bank', debit: '1,280.50' },
      { account_id: 'lockers', credit: '1280.5' },
    ]);
    expect(b).toMatchObject({ debitFen: 128050, creditFen: 128050, differenceFen: 0, filled: 2, ready: true });
    expect(b.problems).toEqual([null, null]);
  });

  it('is not ready while unbalanced, and says by how much', () => {
    const b = draftBalance([
      { account_id: 'bank', debit: '100' },
      { account_id: 'parking', credit: '99.99' },
    ]);
    expect(b.differenceFen).toBe(1);
    expect(b.ready).toBe(false);
  });

  it('splits one debit over several credits', () => {
    const b = draftBalance([
      { account_id: 'bank', debit: '300' },
      { account_id: 'parking', credit: '100' },
      { account_id: 'advertising', credit: '200.00' },
    ]);
    expect(b.ready).toBe(true);
  });

  it('ignores blank lines but needs two filled ones', () => {
    expect(draftBalance([{ account_id: 'bank', debit: '5' }, {}, undefined]).ready).toBe(false);
    expect(draftBalance([{ account_id: 'bank', debit: '5' }, {}, { account_id: 'cash', credit: '5' }]).ready).toBe(true);
    expect(draftBalance([{}, {}]).filled).toBe(0);
  });

  it('names what is wrong with each line', () => {
    const b = draftBalance([
      { account_id: 'a', debit: '1', credit: '1' },
      { account_id: 'a', debit: 'x' },
      { debit: '3' },
      { account_id: 'a' },
      { account_id: 'a', debit: '0' },
      { account_id: 'a', credit: '100000001' },
      { account_id: 'a', debit: '1.234' },
    ]);
    expect(b.problems).toEqual(['bothSides', 'invalidAmount', 'noAccount', 'noAmount', 'noAmount', 'tooLarge', 'invalidAmount']);
    expect(b.ready).toBe(false);
  });

  it('is not ready when everything is zero', () => {
    expect(draftBalance([{ account_id: 'a', debit: '0' }, { account_id: 'b', credit: '0' }]).ready).toBe(false);
  });
});

describe('toEntryBody', () => {
  it('sends fen, trims texts, drops blank lines and an empty voucher number', () => {
    expect(
      toEntryBody({
        entry_date: '2026-11-20',
        memo: ' 11月快递柜收益 ',
        voucher_no: '  ',
        lines: [{ account_id: 'bank', debit: '1,280.50' }, {}, { account_id: 'lockers', credit: '1280.5' }],
      }),
    ).toEqual({
      entry_date: '2026-11-20',
      memo: '11月快递柜收益',
      voucher_no: null,
      lines: [
        { account_id: 'bank', debit_fen: 128050, credit_fen: 0 },
        { account_id: 'lockers', debit_fen: 0, credit_fen: 128050 },
      ],
    });
  });
});

describe('entryFieldPath', () => {
  it("maps the server's field names onto the draft form", () => {
    expect(entryFieldPath('lines[1].account_id')).toEqual(['lines', 1, 'account_id']);
    expect(entryFieldPath('lines[0]')).toEqual(['lines', 0, 'debit']);
    expect(entryFieldPath('lines[2].credit_fen')).toEqual(['lines', 2, 'credit']);
    expect(entryFieldPath('memo')).toEqual(['memo']);
    expect(entryFieldPath('lines')).toBeNull();
    expect(entryFieldPath('other')).toBeNull();
  });
});

describe('months', () => {
  it('adds and lists months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(monthsBetween('bad', '2026-02')).toEqual([]);
  });

  it('knows the last day of a month', () => {
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-11')).toBe('2026-11-30');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it('takes the twelve months up to today', () => {
    expect(lastTwelveMonths('2026-11-26')).toEqual({ from: '2025-12', to: '2026-11' });
  });

  it('says which months have ended and which are closed', () => {
    expect(monthEnded('2026-10', '2026-11-26')).toBe(true);
    expect(monthEnded('2026-11', '2026-11-26')).toBe(false);
    const periods: Period[] = [
      { month: '2026-11', closed: false, entry_count: 5 },
      { month: '2026-10', closed: true, entry_count: 5, closed_at: '2026-11-26T08:00:00Z' },
    ];
    expect(isClosedOn('2026-10-15', periods)).toBe(true);
    expect(isClosedOn('2026-11-15', periods)).toBe(false);
    expect(isClosedOn(undefined, periods)).toBe(false);
    expect(isClosedOn('2026-10-15', undefined)).toBe(false);
  });
});

describe('monthlyChartData', () => {
  const items: MonthlyItem[] = [
    { month: '2026-09', kind: 'income', category: 'tidal_parking', amount_fen: 500 },
    { month: '2026-09', kind: 'income', category: 'parking', amount_fen: 1000 },
    { month: '2026-11', kind: 'income', category: 'parking', amount_fen: 2000 },
    { month: '2026-09', kind: 'expense', category: 'cleaning', amount_fen: 300 },
    { month: '2026-11', kind: 'expense', category: 'maintenance', amount_fen: 700 },
    { month: '2027-01', kind: 'income', category: 'parking', amount_fen: 9 },
  ];

  it('fills every month of the range, one series per category in report order', () => {
    const data = monthlyChartData(items, '2026-09', '2026-11');
    expect(data.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(data.income).toEqual([
      { category: 'parking', fen: [1000, 0, 2000] },
      { category: 'tidal_parking', fen: [500, 0, 0] },
    ]);
    expect(data.expense).toEqual([
      { category: 'maintenance', fen: [0, 0, 700] },
      { category: 'cleaning', fen: [300, 0, 0] },
    ]);
  });

  it('totals each month', () => {
    const data = monthlyChartData(items, '2026-09', '2026-11');
    expect(data.totals).toEqual([
      { month: '2026-09', incomeFen: 1500, expenseFen: 300, netFen: 1200 },
      { month: '2026-10', incomeFen: 0, expenseFen: 0, netFen: 0 },
      { month: '2026-11', incomeFen: 2000, expenseFen: 700, netFen: 1300 },
    ]);
  });

  it('puts categories it does not know last', () => {
    const data = monthlyChartData(
      [
        { month: '2026-09', kind: 'income', category: 'zzz_new', amount_fen: 1 },
        { month: '2026-09', kind: 'income', category: 'other_income', amount_fen: 1 },
      ],
      '2026-09',
      '2026-09',
    );
    expect(data.income.map((s) => s.category)).toEqual(['other_income', 'zzz_new']);
  });
});

describe('categoryRows', () => {
  it('lists a disclosure map in report order without zeros', () => {
    expect(categoryRows({ charging: 5, parking: 10, advertising: 0, tidal_parking: 7 })).toEqual([
      { category: 'parking', fen: 10 },
      { category: 'tidal_parking', fen: 7 },
      { category: 'charging', fen: 5 },
    ]);
  });
});

describe('entries', () => {
  it('tells reversals and reversed entries apart', () => {
    expect(entryState({ reversed_by: null, reverses_id: null })).toBe('normal');
    expect(entryState({ reversed_by: 'x', reverses_id: null })).toBe('reversed');
    expect(entryState({ reversed_by: null, reverses_id: 'y' })).toBe('reversal');
    expect(canReverse({ reversed_by: null, reverses_id: null })).toBe(true);
    expect(canReverse({ reversed_by: 'x', reverses_id: null })).toBe(false);
    expect(canReverse({ reverses_id: 'y' })).toBe(false);
  });
});

describe('import', () => {
  it('offers a template with the header the server reads', () => {
    const text = importTemplate();
    expect(text.startsWith('\uFEFF日期,凭证号,摘要,科目,收入,支出,收付方式\r\n')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(3);
  });

  it('finds the row errors of a refused import', () => {
    const refused = new ApiError(422, {
      type: 'urn:linli:problem:import_invalid',
      title: '导入失败',
      status: 422,
      detail: '文件有 1 处错误',
      code: 'import_invalid',
      row_errors: [{ row: 3, column: '收入', message: '金额格式不正确 / not an amount' }],
    });
    expect(rowErrorsOf(refused)).toEqual([{ row: 3, column: '收入', message: '金额格式不正确 / not an amount' }]);
    const other = new ApiError(409, { type: 'x', title: 't', status: 409, detail: 'd', code: 'period_closed' });
    expect(rowErrorsOf(other)).toBeNull();
    expect(rowErrorsOf(new Error('x'))).toBeNull();
  });
});

describe('whose ledger', () => {
  const committee = { role: 'committee_member', area_id: 'rc', area_name: '融城花苑', area_kind: 'compound' };
  const resident = { role: 'resident', area_id: 'wj', area_name: '卫技新村', area_kind: 'compound' };
  const admin = { role: 'district_admin', area_id: 'd', area_name: '雨花区', area_kind: 'district' };
  const community = { role: 'community_staff', area_id: 'c', area_name: '某社区', area_kind: 'community' };

  it('sends a one-compound committee member or property staff straight to it', () => {
    expect(singleLedgerCompound([committee])).toEqual({ id: 'rc', name: '融城花苑' });
    expect(singleLedgerCompound([committee, { ...committee, role: 'property_staff' }])).toEqual({ id: 'rc', name: '融城花苑' });
    // A resident grant elsewhere does not widen the ledger scope.
    expect(singleLedgerCompound([committee, resident])).toEqual({ id: 'rc', name: '融城花苑' });
  });

  it('lets staff over an area, or several compounds, pick', () => {
    expect(singleLedgerCompound([admin])).toBeNull();
    expect(singleLedgerCompound([committee, { ...committee, area_id: 'other' }])).toBeNull();
    expect(singleLedgerCompound([community, committee])).toBeNull();
    expect(singleLedgerCompound([resident])).toBeNull();
    expect(singleLedgerCompound([])).toBeNull();
  });

  it("reads a resident's disclosures from their compound", () => {
    expect(singleDisclosureCompound([resident])).toEqual({ id: 'wj', name: '卫技新村' });
    expect(singleDisclosureCompound([resident, committee])).toBeNull();
    expect(singleDisclosureCompound([admin])).toBeNull();
    expect(grantCompounds([admin, resident, committee, resident])).toEqual([
      { id: 'wj', name: '卫技新村' },
      { id: 'rc', name: '融城花苑' },
    ]);
  });

  it('starts the roll-up at the highest area and drills down level by level', () => {
    expect(topLedgerArea([committee, admin])).toEqual({ id: 'd', name: '雨花区', kind: 'district' });
    expect(topLedgerArea([resident])).toBeNull();
    expect(childLevel('district')).toBe('subdistrict');
    expect(childLevel('subdistrict')).toBe('community');
    expect(childLevel('community')).toBe('compound');
    expect(childLevel('compound')).toBeNull();
    expect(childLevel('nonsense')).toBeNull();
  });
});

describe('withRevenueTitle', () => {
  const catalogue: Record<string, string> = { 'revenue.errors.period_closed': '该月份已结账' };
  const translate = (key: string) => catalogue[key];
  const closed = new ApiError(409, { type: 'x', title: '与当前状态冲突', status: 409, detail: 'd', code: 'period_closed' });

  it("titles this feature's refusals in its own words and keeps the server's detail", () => {
    expect(withRevenueTitle({ message: '与当前状态冲突', description: '该月份已结账，不能再记账' }, closed, translate)).toEqual({
      message: '该月份已结账',
      description: '该月份已结账，不能再记账',
    });
  });

  it('leaves other notices alone', () => {
    const other = new ApiError(403, { type: 'x', title: 't', status: 403, detail: 'd', code: 'forbidden' });
    expect(withRevenueTitle({ message: '无权限' }, other, translate)).toEqual({ message: '无权限' });
    expect(withRevenueTitle({ message: 'offline' }, new TypeError('x'), translate)).toEqual({ message: 'offline' });
  });
});
