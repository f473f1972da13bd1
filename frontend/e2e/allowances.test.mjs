// Allowance payments (岗位津贴): a finance officer pays a month's allowances end to end with a
// colleague approving — reviews last month's draft (exclusions explained), holds a line,
// submits; cannot approve their own cycle; the colleague approves in another browser; the
// preparer disburses, downloads the bank file, imports the bank's return file (one transfer
// failed) and the cycle is reconciled. Before that, a community assessor corrects an
// assessment the draft used, and the preparer regenerates the flagged draft. Residents and
// property staff have no 津贴 menu.
// The demo's cycles run to last month (its story's November), which waits as a draft.
// Writes to the demo database: last month's cycle of 小区党组织书记岗位津贴 goes from draft to
// reconciled, so re-create the database (`--fresh`) before running it again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiGet, BASE_URL, lastDayOfMonth, menuEntries, messagesGone, monthFromNow, openBrowser, settle, shot, signIn } from './support.mjs';

const PROGRAMME = '小区党组织书记岗位津贴';
/** Last month: the demo's draft cycle. */
const MONTH = monthFromNow(-1);

let makerBrowser;
let checkerBrowser;
let assessorBrowser;
let otherBrowser;
let dir;

before(async () => {
  makerBrowser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), 'linli-allowances-'));
});
after(async () => {
  await makerBrowser?.close();
  await checkerBrowser?.close();
  await assessorBrowser?.close();
  await otherBrowser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits until the cycle's status tag reads `label`. */
async function statusIs(page, label) {
  await page.getByTestId('cycle-status').filter({ hasText: label }).waitFor();
}

/** Confirms the open confirmation dialog. */
async function confirm(page) {
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('confirm-ok').waitFor({ state: 'detached' });
}

/** Rows of the cycle's list with this decision (as shown now). */
function rows(page, decision) {
  return page.locator(`[data-testid="payment-row"]${decision ? `[data-decision="${decision}"]` : ''}`);
}

/** Shows only the lines with this decision (or all) and waits for the list to show them. */
async function showDecision(page, label, decision) {
  // By the whole label: 发放 is also part of 不发放.
  await page
    .getByTestId('filter-decision')
    .locator('label')
    .filter({ hasText: new RegExp(`^${label} \\d+$`) })
    .click();
  if (decision) {
    await page.waitForFunction(
      (d) => {
        const r = [...document.querySelectorAll('[data-testid="payment-row"]')];
        return r.length > 0 && r.every((e) => e.getAttribute('data-decision') === d);
      },
      decision,
    );
  }
}

/** A small CSV reader for the bank file (quoted fields allowed). */
function parseCsv(text) {
  const out = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    out.push(cells);
  }
  return out;
}

test('an assessor corrects an assessment last month’s draft used; the preparer regenerates the draft', { timeout: 120_000 }, async () => {
  // 1. Community staff assess, and do not read payments: 津贴 takes them to the assessments.
  assessorBrowser = await openBrowser();
  const assessor = await assessorBrowser.newPage();
  await signIn(assessor, 'ziyuan');
  await assessor.getByTestId('side-menu').getByRole('menuitem').filter({ hasText: '津贴' }).click();
  await assessor.waitForURL(`${BASE_URL}/allowances/assessments`);
  await assessor.getByTestId('assessment-table').waitFor();

  // 2. A file with mistakes is refused whole, each problem by row and column.
  await assessor.getByTestId('import-assessments').click();
  await assessor.getByTestId('assessment-header').filter({ hasText: '人员ID,姓名,考评开始,考评结束,得分,结果,考评人,备注' }).waitFor();
  const bad = join(dir, '考评-有误.csv');
  // A quarter's assessment (the quarter of last month) with a score and a result out of range.
  const place = (Number(MONTH.slice(5)) - 1) % 3; // last month's place in its quarter
  const [quarterStart, quarterEnd] = [`${monthFromNow(-1 - place)}-01`, lastDayOfMonth(1 - place)];
  writeFileSync(bad, `人员ID,姓名,考评开始,考评结束,得分,结果,考评人,备注\n,丁宇怡,${quarterStart},${quarterEnd},120,良好,梓园社区党委,\n`);
  await assessor.getByTestId('assessment-pick-file').setInputFiles(bad);
  await assessor.getByTestId('import-refused').waitFor();
  await assessor.getByTestId('row-errors').getByText('须为 0 到 100 的整数', { exact: false }).waitFor();
  await assessor.getByTestId('row-errors').getByText('须为 优秀、合格 或 不合格', { exact: false }).waitFor();
  await shot(assessor, 'allow-00a-assessment-import-refused');
  await assessor.keyboard.press('Escape');
  await assessor.getByTestId('import-refused').waitFor({ state: 'hidden' });

  // 3. Correct an assessment covering last month that payment cycles used: the form warns first.
  await assessor.goto(`${BASE_URL}/allowances/assessments?on=${MONTH}-15`);
  const used = assessor.getByTestId('assessment-table').locator('tr').filter({ has: assessor.getByTestId('used-by-cycles') }).first();
  await used.waitFor();
  await used.getByTestId('edit-assessment').click();
  await assessor.getByTestId('assessment-used-warning').filter({ hasText: '考评已变更' }).waitFor();
  await assessor.getByTestId('assessment-notes').fill('复核后补充说明');
  await settle(assessor);
  await shot(assessor, 'allow-00b-assessment-correction');
  await assessor.getByTestId('save-assessment').click();
  await assessor.locator('.ant-message').getByText('考评已修改').waitFor();

  // 4. The preparer sees the draft flagged and regenerates it.
  const maker = await makerBrowser.newPage();
  await signIn(maker, 'finance.maker');
  const { items } = await apiGet(maker, '/api/v1/payment-cycles?status=draft');
  const draft = items.find((c) => c.month === MONTH);
  assert.ok(draft?.assessments_changed, 'the draft is flagged');
  await maker.goto(`${BASE_URL}/allowances/cycles/${draft.id}`);
  await maker.getByTestId('assessments-changed').waitFor();
  await shot(maker, 'allow-00c-draft-flagged');
  await maker.getByTestId('banner-regenerate').click();
  await maker.getByTestId('assessments-changed').waitFor({ state: 'detached' });
  assert.equal((await apiGet(maker, `/api/v1/payment-cycles/${draft.id}`)).assessments_changed, false);
  await maker.close();
});

test('a finance officer pays a month of allowances end to end, a colleague approving', { timeout: 300_000 }, async () => {
  // 1. The preparer finds the programme with its budget and last month's draft.
  const maker = await makerBrowser.newPage();
  await signIn(maker, 'finance.maker');
  const entries = await menuEntries(maker);
  assert.ok(entries.some((e) => e.includes('津贴')), `menu: ${entries.join(' | ')}`);
  await maker.getByTestId('side-menu').getByRole('menuitem').filter({ hasText: '津贴' }).click();
  await maker.waitForURL(`${BASE_URL}/allowances`);
  const card = maker.getByTestId('programme-card').filter({ hasText: PROGRAMME });
  await card.getByTestId('budget-text').waitFor();
  assert.match(await card.getByTestId('budget-text').innerText(), /预算 ¥[\d,]+\.\d\d/);
  // The programme's cycle of last month (another programme may have one too).
  const draftLink = maker.getByTestId('cycle-table').locator('tr').filter({ hasText: PROGRAMME }).getByTestId(`cycle-link-${MONTH}`);
  await draftLink.waitFor();
  await shot(maker, 'allow-01-home');

  await draftLink.click();
  await maker.waitForURL(/\/allowances\/cycles\/[0-9a-f-]{36}$/);
  const cycleId = maker.url().split('/').pop();
  await statusIs(maker, '草稿');
  const before = await apiGet(maker, `/api/v1/payment-cycles/${cycleId}`);
  assert.equal(before.month, MONTH);
  assert.ok(before.included > 1, 'the draft pays someone');
  assert.ok(before.candidates > before.included, 'the draft leaves someone out');
  await maker.getByTestId('step-panel-review').waitFor();

  // 2. Review: the people left out, each with the reason and the explanation.
  await showDecision(maker, '不发放', 'excluded');
  const excluded = rows(maker, 'excluded').first();
  const reason = (await excluded.getByTestId('reason-tag').innerText()).trim();
  assert.ok(['当月未在岗', '缺少考评', '考评不合格', '已发放', '缺少银行账户'].includes(reason), `reason ${reason}`);
  const explanation = await excluded.getByTestId('explanation').innerText();
  assert.match(explanation, /[\u4e00-\u9fff]/, 'the explanation is in Chinese');
  assert.ok(!explanation.includes(' / '), 'only the Chinese half is shown');
  await shot(maker, 'allow-02-review-excluded');

  // 3. Hold one paid line with a reason.
  await showDecision(maker, '发放', 'included');
  const line = rows(maker, 'included').first();
  const held = (await line.getByTestId('payment-person').innerText()).trim();
  await line.getByTestId('hold-line').click();
  await maker.getByTestId('hold-reason-input').fill('待核实任职情况');
  await maker.getByTestId('hold-submit').click();
  await maker.getByTestId('total-held').filter({ hasText: String(before.held + 1) }).waitFor();
  await showDecision(maker, '暂缓', 'held');
  const heldRow = rows(maker, 'held').filter({ hasText: held });
  await heldRow.getByTestId('hold-reason').filter({ hasText: '待核实任职情况' }).waitFor();
  await messagesGone(maker);
  await shot(maker, 'allow-03-held');

  // 4. Submit.
  await maker.getByTestId('to-submit').click();
  await maker.getByTestId('submit-summary').waitFor();
  await maker.getByTestId('submit-cycle').click();
  await confirm(maker);
  await statusIs(maker, '已提交');

  // 5. The preparer may not approve their own cycle: the page says so, and so does the server.
  await maker.getByTestId('four-eyes-note').filter({ hasText: '审批人须与编制人不同' }).waitFor();
  await maker.getByTestId('approve-cycle').click();
  await confirm(maker);
  await maker.locator('.ant-notification').getByText('审批人不能是编制人', { exact: false }).waitFor();
  await statusIs(maker, '已提交');
  await shot(maker, 'allow-04-four-eyes');

  // 6. A colleague approves, in another browser.
  checkerBrowser = await openBrowser();
  const checker = await checkerBrowser.newPage();
  await signIn(checker, 'finance.checker');
  await checker.goto(`${BASE_URL}/allowances/cycles/${cycleId}`);
  await statusIs(checker, '已提交');
  await checker.getByTestId('approve-cycle').click();
  await confirm(checker);
  await statusIs(checker, '已审批');
  await checker.getByTestId('cycle-people').filter({ hasText: '审批人：区财政局审核人' }).waitFor();
  await messagesGone(checker);
  await shot(checker, 'allow-05-approved');

  // 7. The preparer disburses.
  await maker.reload();
  await statusIs(maker, '已审批');
  await maker.getByTestId('disburse-cycle').click();
  await confirm(maker);
  await statusIs(maker, '已发放');
  const disbursed = await apiGet(maker, `/api/v1/payment-cycles/${cycleId}`);
  assert.equal(disbursed.awaiting_outcome, disbursed.included, 'every transfer awaits the bank');

  // 8. The bank file downloads: one row per transfer, full account numbers.
  const [download] = await Promise.all([maker.waitForEvent('download'), maker.getByTestId('download-bank-file').click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const bank = parseCsv(readFileSync(await download.path(), 'utf8'));
  assert.equal(bank[0][0], '参考号');
  assert.deepEqual(bank[0], ['参考号', '户名', '账号', '开户行', '金额(元)', '用途', '所属月份']);
  const transfers = bank.slice(1);
  assert.equal(transfers.length, disbursed.included);
  assert.ok(transfers.every((r) => /^[0-9]{8,30}$/.test(r[2])), 'full account numbers');

  // 9. A return file with a mistake is refused whole, each problem listed.
  await maker.getByTestId('reconcile-panel').waitFor();
  const bad = join(dir, '回单-有误.csv');
  writeFileSync(bad, `参考号,结果,银行流水号,失败原因\n${transfers[0][0]},完成,,\n${transfers[transfers.length - 1][0]},失败,,\n`);
  await maker.getByTestId('return-pick-file').setInputFiles(bad);
  await maker.getByTestId('reconcile-refused').waitFor();
  await maker.getByTestId('row-errors').getByText('须为 成功 或 失败', { exact: false }).waitFor();
  await maker.getByTestId('row-errors').getByText('失败的转账须写明原因', { exact: false }).waitFor();
  await shot(maker, 'allow-06-return-refused');
  await statusIs(maker, '已发放');

  // 10. The bank's answer: all paid but one, which failed with a reason.
  const good = join(dir, '回单.csv');
  const lines = transfers.map((r, i) =>
    i === 0 ? `${r[0]},失败,,账户已冻结` : `${r[0]},成功,B${MONTH.replace('-', '')}${String(i).padStart(5, '0')},`,
  );
  writeFileSync(good, `\uFEFF参考号,结果,银行流水号,失败原因\r\n${lines.join('\r\n')}\r\n`);
  await maker.getByTestId('return-pick-file').setInputFiles(good);
  await statusIs(maker, '已对账');
  await maker.getByTestId('total-failed').filter({ hasText: '1' }).waitFor();
  await maker.getByTestId('close-summary').filter({ hasText: '转账失败 1 笔' }).waitFor();
  const reconciled = await apiGet(maker, `/api/v1/payment-cycles/${cycleId}`);
  assert.equal(reconciled.status, 'reconciled');
  assert.equal(reconciled.failed, 1);
  assert.equal(reconciled.awaiting_outcome, 0);

  // The failed transfer shows its reason in the list.
  await showDecision(maker, '发放', 'included');
  await maker.getByTestId('failure-reason').filter({ hasText: '账户已冻结' }).waitFor();
  await messagesGone(maker);
  await settle(maker);
  await shot(maker, 'allow-07-reconciled');

  // 11. The person whose transfer failed: the history says so, the account is masked.
  const failedRow = rows(maker, 'included').filter({ has: maker.getByTestId('failure-reason') });
  await failedRow.getByTestId('payment-person').click();
  await maker.waitForURL(/\/allowances\/people\/[0-9a-f-]{36}$/);
  await maker.getByTestId('history-table').getByTestId('failure-reason').filter({ hasText: '账户已冻结' }).waitFor();
  assert.match((await maker.getByTestId('account-masked').innerText()).trim(), /^\*+\d{4}$/);
  await shot(maker, 'allow-08-person');
});

test('residents and property staff have no 津贴 menu', { timeout: 90_000 }, async () => {
  otherBrowser = await openBrowser();
  for (const user of ['weiji.resident', 'rongcheng.property']) {
    const page = await otherBrowser.newPage();
    await signIn(page, user);
    const entries = await menuEntries(page);
    assert.ok(!entries.some((e) => e.includes('津贴')), `${user} menu: ${entries.join(' | ')}`);
    await page.goto(`${BASE_URL}/allowances`);
    await page.getByText('您没有权限查看此页面。').waitFor();
    await page.close();
  }
});
