import { describe, expect, it } from 'vitest';
import { ApiError, type Problem, type Translate } from '../../api/problem';
import { allowancesEn, allowancesZh } from './i18n';
import {
  allowanceNotice,
  assessmentTemplate,
  ASSESSMENT_HEADER,
  budgetShares,
  codeLabel,
  countLines,
  CYCLE_STATUSES,
  DECISIONS,
  explanationIn,
  fenToYuan,
  formatMoney,
  formatYuan,
  furthestStep,
  isCarried,
  keepKeyForRetry,
  lineTotals,
  monthOf,
  OUTCOMES,
  parseYuan,
  preparedByMe,
  proRataFen,
  REASONS,
  RESULTS,
  RETURN_HEADER,
  returnTemplate,
  rowErrorsOf,
  splitMonth,
  STEPS,
  wizardStep,
  yuanToFen,
  type WizardFacts,
} from './model';

type Tree = { [key: string]: string | Tree };

/** A translate over this feature's catalogue (and a common key), as the app's would be. */
function catalogue(tree: Tree, language: string): Translate {
  const lookup = ((key: string, vars?: Record<string, unknown>) => {
    if (key === 'common.listSeparator') return language === 'en' ? ', ' : '、';
    if (!key.startsWith('allowances.')) return undefined;
    let node: string | Tree | undefined = tree;
    for (const part of key.slice('allowances.'.length).split('.')) {
      node = typeof node === 'object' ? node[part] : undefined;
    }
    if (typeof node !== 'string') return undefined;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, v: string) => String(vars?.[v] ?? ''));
  }) as Translate;
  lookup.language = language;
  return lookup;
}
const zh = catalogue(allowancesZh.allowances as unknown as Tree, 'zh-CN');
const en = catalogue(allowancesEn.allowances as unknown as Tree, 'en');

describe('money', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(80000)).toBe('800.00');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-26666)).toBe('-266.66');
    expect(formatYuan(null)).toBe('—');
    expect(formatMoney(960000)).toBe('¥9,600.00');
    expect(formatMoney(-100)).toBe('-¥1.00');
  });

  it('reads yuan as people type them into fen', () => {
    expect(parseYuan('800')).toBe(80000);
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('￥88.08')).toBe(8808);
    expect(parseYuan('12元')).toBe(1200);
    expect(parseYuan('.5')).toBe(50);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });

  it('turns an InputNumber’s yuan into fen without floating-point slips', () => {
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1.15)).toBe(115);
    expect(yuanToFen(800)).toBe(80000);
    expect(yuanToFen(9600.1)).toBe(960010);
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(-1)).toBeNull();
    expect(fenToYuan(80000)).toBe(800);
    expect(fenToYuan(29)).toBe(0.29);
  });

  it('pays a part month by days held, rounded down to the fen', () => {
    expect(proRataFen(80000, 10, 30)).toBe(26666);
    expect(proRataFen(80000, 30, 30)).toBe(80000);
    expect(proRataFen(80000, 31, 31)).toBe(80000);
    expect(proRataFen(80000, 10, 30, false)).toBe(80000);
    expect(proRataFen(80000, 0, 30)).toBe(0);
    expect(proRataFen(100, 1, 3)).toBe(33);
  });
});

describe('labels', () => {
  it('names every status, decision, reason, result and outcome in both languages', () => {
    for (const s of CYCLE_STATUSES) expect(codeLabel('statuses', s, en)).not.toBe(s);
    for (const d of DECISIONS) expect(codeLabel('decisions', d, en)).not.toBe(d);
    for (const r of REASONS) expect(codeLabel('reasons', r, en)).not.toBe(r);
    for (const r of RESULTS) expect(codeLabel('results', r, en)).not.toBe(r);
    for (const o of OUTCOMES) expect(codeLabel('outcomes', o, en)).not.toBe(o);
  });

  it('uses the district’s words for statuses and reasons', () => {
    expect(CYCLE_STATUSES.map((s) => codeLabel('statuses', s, zh))).toEqual(['草稿', '已提交', '已审批', '已发放', '已对账', '已关闭']);
    expect(REASONS.map((r) => codeLabel('reasons', r, zh))).toEqual([
      '符合条件',
      '补发（上次转账失败）',
      '当月未在岗',
      '缺少考评',
      '考评不合格',
      '已发放',
      '缺少银行账户',
    ]);
    expect(RESULTS.map((r) => codeLabel('results', r, zh))).toEqual(['优秀', '合格', '不合格']);
  });

  it('shows a code this build does not know as sent', () => {
    expect(codeLabel('reasons', 'moved_away', zh)).toBe('moved_away');
    expect(codeLabel('statuses', 'archived', en)).toBe('archived');
  });

  it('has a title for every step of the wizard', () => {
    for (const s of STEPS) expect(zh(`allowances.steps.${s}`)).toBeTruthy();
    expect(STEPS.map((s) => zh(`allowances.steps.${s}`))).toEqual(['生成', '审核名单', '提交', '审批', '发放', '导出银行文件', '导入回单', '关闭']);
  });
});

describe('the cycle wizard', () => {
  const facts = (status: WizardFacts['status'], more: Partial<WizardFacts> = {}): WizardFacts => ({
    status,
    generated_at: '2026-11-26T08:00:00Z',
    paid_fen: 0,
    failed: 0,
    ...more,
  });
  const at = (n: number) => STEPS[n] ?? 'done';

  it('puts a cycle at the step its status calls for', () => {
    expect(at(wizardStep(facts('draft', { generated_at: null })))).toBe('generate');
    expect(at(wizardStep(facts('draft')))).toBe('review');
    expect(at(wizardStep(facts('submitted')))).toBe('approve');
    expect(at(wizardStep(facts('approved')))).toBe('disburse');
    expect(at(wizardStep(facts('disbursed')))).toBe('export');
    expect(at(wizardStep(facts('reconciled')))).toBe('close');
    expect(at(wizardStep(facts('closed')))).toBe('done');
  });

  it('moves a disbursed cycle on to the return file once the bank file is out or the bank answered', () => {
    expect(at(wizardStep(facts('disbursed'), true))).toBe('reconcile');
    expect(at(wizardStep(facts('disbursed', { paid_fen: 80000 })))).toBe('reconcile');
    expect(at(wizardStep(facts('disbursed', { failed: 1 })))).toBe('reconcile');
  });

  it('lets one look as far as the work allows', () => {
    expect(at(furthestStep(facts('draft')))).toBe('submit');
    expect(at(furthestStep(facts('draft', { generated_at: null })))).toBe('generate');
    expect(at(furthestStep(facts('submitted')))).toBe('approve');
    expect(at(furthestStep(facts('disbursed')))).toBe('reconcile');
    expect(at(furthestStep(facts('closed')))).toBe('close');
  });

  it('knows when the signed-in user prepared the cycle', () => {
    expect(preparedByMe({ prepared_by_name: '钱编制' }, { display_name: '钱编制' })).toBe(true);
    expect(preparedByMe({ prepared_by_name: '钱编制' }, { display_name: '孙审核' })).toBe(false);
    expect(preparedByMe({ prepared_by_name: '钱编制' }, null)).toBe(false);
  });
});

describe('lines', () => {
  const line = (decision: string, amount_fen: number, outcome: string | null = null, reason = 'eligible') =>
    ({ decision, amount_fen, outcome, reason }) as const;

  it('totals lines as the cycle header does', () => {
    const t = lineTotals([
      line('included', 80000, 'paid'),
      line('included', 26666, 'failed'),
      line('included', 80000, 'sent'),
      line('held', 80000),
      line('excluded', 0, null, 'unqualified'),
    ]);
    expect(t).toEqual({ candidates: 5, included: 3, held: 1, excluded: 1, totalFen: 186666, paidFen: 80000, failed: 1, awaiting: 1 });
    expect(lineTotals([])).toEqual({ candidates: 0, included: 0, held: 0, excluded: 0, totalFen: 0, paidFen: 0, failed: 0, awaiting: 0 });
  });

  it('counts lines per decision and reason for the filters', () => {
    const c = countLines([
      { decision: 'included', reason: 'eligible' },
      { decision: 'included', reason: 'carried' },
      { decision: 'excluded', reason: 'unqualified' },
      { decision: 'excluded', reason: 'unqualified' },
      { decision: 'held', reason: 'eligible' },
    ]);
    expect(c.decisions).toEqual({ included: 2, excluded: 2, held: 1 });
    expect(c.reasons).toEqual({ eligible: 2, carried: 1, unqualified: 2 });
  });

  it('marks a line paying for an earlier month as carried (补发)', () => {
    expect(isCarried({ reason: 'carried', carried_from: 'x', period_month: '2026-10' }, '2026-11')).toBe(true);
    expect(isCarried({ reason: 'eligible', carried_from: null, period_month: '2026-10' }, '2026-11')).toBe(true);
    expect(isCarried({ reason: 'eligible', carried_from: null, period_month: '2026-11' }, '2026-11')).toBe(false);
  });

  it('shows a budget as committed and paid shares', () => {
    expect(budgetShares({ budget_fen: 1000000, committed_fen: 250000, paid_fen: 125000 })).toEqual({ committed: 25, paid: 12.5, over: false });
    expect(budgetShares({ budget_fen: 100, committed_fen: 150, paid_fen: 0 })).toEqual({ committed: 100, paid: 0, over: true });
    expect(budgetShares({ budget_fen: 0, committed_fen: 0, paid_fen: 0 })).toEqual({ committed: 0, paid: 0, over: false });
  });

  it('reads and writes months as the API does', () => {
    expect(splitMonth('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(splitMonth('2026-13')).toBeNull();
    expect(splitMonth('2026-1')).toBeNull();
    expect(monthOf(new Date(2026, 0, 31))).toBe('2026-01');
  });
});

describe('files', () => {
  it('offers the assessment template with the importer’s header', () => {
    const text = assessmentTemplate();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe('人员ID,姓名,考评开始,考评结束,得分,结果,考评人,备注');
    expect(ASSESSMENT_HEADER).toHaveLength(8);
  });

  it('explains the return file with 成功 and 失败 rows', () => {
    expect(RETURN_HEADER.join(',')).toBe('参考号,结果,银行流水号,失败原因');
    const rows = returnTemplate().slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('参考号,结果,银行流水号,失败原因');
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual(['成功', '失败']);
    expect(rows[2].split(',')[3]).not.toBe('');
  });

  it('lists the problems of a refused file', () => {
    const problem = {
      type: 'urn:linli:problem:import_invalid',
      title: '文件有误 / invalid file',
      status: 422,
      detail: '2 处问题 / 2 problems',
      code: 'import_invalid',
      row_errors: [
        { row: 2, column: '结果', message: '结果“完成”须为 成功 或 失败 / result must be paid or failed' },
        { row: 3, column: '失败原因', message: '失败的转账须写明原因 / a failed transfer needs a reason' },
      ],
    } satisfies Problem;
    expect(rowErrorsOf(new ApiError(422, problem))).toEqual(problem.row_errors);
    expect(rowErrorsOf(new ApiError(422, { ...problem, code: 'validation_failed' }))).toBeNull();
    expect(rowErrorsOf(new Error('x'))).toBeNull();
  });
});

describe('explanations', () => {
  it('shows the half for the language, even when the English quotes Chinese', () => {
    const carried = '补发 2026-08 津贴：上次转账失败（户名与账号不符）/ carried: the transfer for 2026-08 failed (户名与账号不符)';
    expect(explanationIn(carried, 'zh-CN')).toBe('补发 2026-08 津贴：上次转账失败（户名与账号不符）');
    expect(explanationIn(carried, 'en')).toBe('carried: the transfer for 2026-08 failed (户名与账号不符)');
    expect(explanationIn('2026年11月全月在岗，考评 合格（86 分）；应发 800.00 元 / eligible: 800.00 yuan', 'zh-CN')).toBe(
      '2026年11月全月在岗，考评 合格（86 分）；应发 800.00 元',
    );
    expect(explanationIn('plain text', 'en')).toBe('plain text');
    expect(explanationIn('a / b', 'zh-CN')).toBe('a / b');
  });
});

describe('refusals', () => {
  const refusal = (code: string, detail: string, allowed?: string[]) =>
    new ApiError(409, { type: `urn:linli:problem:${code}`, title: '状态冲突 / conflict', status: 409, detail, code, allowed });

  it('titles four eyes in this feature’s words, with the server’s Chinese detail', () => {
    const n = allowanceNotice(
      refusal('four_eyes', '审批人不能是编制人，须由另一位财务人员审批 / the approver must be a different finance officer from the preparer'),
      zh,
    );
    expect(n).toEqual({ message: '审批人须与编制人不同', description: '审批人不能是编制人，须由另一位财务人员审批' });
    expect(allowanceNotice(refusal('four_eyes', '审批人不能是编制人 / the approver must differ'), en).description).toBe('the approver must differ');
  });

  it('says what the cycle still allows, in this feature’s words', () => {
    const n = allowanceNotice(refusal('transition_not_allowed', '发放批次处于“submitted”状态，不能执行该操作 / no', ['approve', 'return']), zh);
    expect(n.message).toBe('发放批次当前的状态不允许此操作');
    expect(n.description?.split('\n')).toEqual(['发放批次处于“submitted”状态，不能执行该操作', '当前可以：审批通过、退回修改']);
  });

  it('leaves other errors to the app’s usual notice', () => {
    const n = allowanceNotice(new ApiError(409, { type: 'x', title: '冲突 / Conflict', status: 409, detail: '其他 / other', code: 'something_else' }), zh);
    expect(n.message).toBe('冲突');
  });

  it('keeps the disbursement key only when the outcome of the click is unknown', () => {
    expect(keepKeyForRetry(new TypeError('Failed to fetch'))).toBe(true);
    expect(keepKeyForRetry(new ApiError(503, null))).toBe(true);
    expect(keepKeyForRetry(refusal('idempotency_in_flight', '处理中 / in flight'))).toBe(true);
    expect(keepKeyForRetry(refusal('cycle_already_disbursed', '已发放 / disbursed'))).toBe(false);
    expect(keepKeyForRetry(new ApiError(403, null))).toBe(false);
  });
});
