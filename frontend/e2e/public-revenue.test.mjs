// Public revenue (公共收益): a resident reads their compound's disclosure; the owners'
// committee of 融城花苑 posts, reverses and documents an entry, closes the first open month
// and is refused when posting into it; a cash journal import is refused row by row, then
// accepted; the district admin follows the roll-up by subdistrict.
// The demo's books run to last month, closed up to three months ago (its story's November
// is always last month): the month before last is the first open one, and 卫技新村's
// published disclosure covers the quarter from five to three months ago.
// Writes to the demo database: in 融城花苑 one entry `<M>月快递柜收益 <run>` dated today and its
// reversal, a voucher, the month before last closed and disclosed, two imported rows
// `导入 <run> …` of last month. Run it on a fresh database (that month must still be open).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  apiGet,
  BASE_URL,
  clickInDialog,
  lastDayOfMonth,
  messagesGone,
  monthFromNow,
  monthLabel,
  OPEN_POPUP,
  OPENED,
  openBrowser,
  pickCompound,
  pickDate,
  settle,
  shot,
  signIn,
  today,
} from './support.mjs';

const RUN = Date.now().toString(36);
/** Today: the entry of the test goes into this month, which has not ended. */
const TODAY = today();
const MEMO = `${Number(TODAY.slice(5, 7))}月快递柜收益 ${RUN}`;
/** The first open month of the demo's books (its story's October): closed by the committee here. */
const TO_CLOSE = monthFromNow(-2);
/** Last month (the story's November): open, with entries. */
const LAST_MONTH = monthFromNow(-1);
/** Closed in the demo (the story's September). */
const CLOSED = monthFromNow(-3);
const PHONE = { width: 390, height: 844 };
const GROUP = '公共收益与审计';

let browser;
let dir;

/** Fen as the pages write yuan: `4766213` -> `47,662.13`. */
function yuan(fen) {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** A minimal valid PDF, made here so the test needs no fixture file. */
function tinyPdf() {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

before(async () => {
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), 'linli-revenue-'));
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens an entry of the 公共收益与审计 group. By exact text: support's openMenu matches
 * substrings, and 公共收益 is also the start of the group's own name.
 */
async function openRevenueMenu(page, entry) {
  const menu = page.getByTestId('side-menu');
  const exact = new RegExp(`^\\s*${entry}\\s*$`);
  const item = menu.getByRole('menuitem').filter({ hasText: exact });
  if (!(await item.isVisible())) await menu.getByRole('menuitem').filter({ hasText: GROUP }).click();
  await item.click();
}

/** Picks an account in a line of the entry form by typing its code. */
async function pickAccount(page, testId, code) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(code);
  await page.locator(`${OPEN_POPUP} .ant-select-item-option`).filter({ hasText: code }).first().click();
}

/** Fills the two lines of the entry form: a debit to `debitCode`, a credit to `creditCode`. */
async function fillLines(page, { debitCode, creditCode, debit, credit }) {
  await pickAccount(page, 'entry-line-0-account', debitCode);
  await page.getByTestId('entry-line-0-debit').fill(debit);
  await pickAccount(page, 'entry-line-1-account', creditCode);
  await page.getByTestId('entry-line-1-credit').fill(credit);
}

/** Submits the entry form and waits for it to close; a refusal shown instead fails the test, in its words. */
async function submitEntry(page) {
  await page.getByTestId('entry-submit').click();
  const refused = page.getByTestId('entry-error');
  // Both waits settle (the loser times out later, handled), so nothing is left unhandled.
  const outcome = await Promise.race([
    page.getByTestId('entry-form').waitFor({ state: 'detached' }).then(() => 'posted', () => 'timeout'),
    refused.waitFor().then(() => 'refused', () => 'timeout'),
  ]);
  if (outcome === 'refused') assert.fail(`the entry was refused: ${await refused.innerText()}`);
  assert.equal(outcome, 'posted', 'the entry form closes once posted');
}

/** The journal row whose memo contains `text`. */
function journalRow(page, text) {
  return page.getByTestId('journal-table').locator('tr.ant-table-row').filter({ hasText: text });
}

/** The subdistrict with the most income. */
function busiestName(items) {
  return [...items].sort((a, b) => b.income_fen - a.income_fen)[0].area_name;
}

/** Lets ECharts finish animating (bars grow for about a second) before a screenshot. */
async function chartsDrawn(page) {
  await page.waitForTimeout(1_500);
}

/** The compound a user's only grant is on. */
async function grantedCompound(page) {
  const me = await apiGet(page, '/api/v1/me');
  return me.grants[0].area_id;
}

test('a resident reads the published disclosure of their compound', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'weiji.resident');
  await openRevenueMenu(page, '收益公示');
  await page.waitForURL(`${BASE_URL}/disclosures`);
  const compoundId = await grantedCompound(page);
  const { items } = await apiGet(page, `/api/v1/compounds/${compoundId}/disclosures`);
  const [from, to] = [monthFromNow(-5), monthFromNow(-3)];
  const published = items.find((d) => d.period_from === from && d.period_to === to);
  assert.ok(published, `the demo disclosure for ${from}..${to} is there: ${JSON.stringify(items.map((d) => [d.period_from, d.period_to]))}`);

  await page.getByTestId('disclosures-title').getByText('卫技新村').waitFor();
  // No compound to pick: a resident has one.
  assert.equal(await page.getByTestId('disclosures-compound').count(), 0);
  const card = page.getByTestId('disclosure-card').filter({ hasText: `${monthLabel(-5)} – ${monthLabel(-3)}` });
  await card.waitFor();
  assert.equal((await card.getByTestId('disclosure-card-income').innerText()).trim(), yuan(published.summary.income_total_fen));
  // Residents read it on their phones: the menu folds away, the cards take the width.
  await page.setViewportSize(PHONE);
  await page.reload();
  await card.waitFor();
  await shot(page, '70-resident-disclosures');

  await card.click();
  await page.waitForURL(`${BASE_URL}/disclosures/${published.id}`);
  const notice = page.getByTestId('disclosure-notice');
  await notice.waitFor();
  await notice.getByTestId('notice-heading').getByText('卫技新村').waitFor();
  await notice.getByTestId('notice-period').getByText(`${monthLabel(-5)} 至 ${monthLabel(-3)}`).waitFor();
  assert.equal((await notice.getByTestId('notice-income-total').innerText()).trim(), yuan(published.summary.income_total_fen));
  assert.equal((await notice.getByTestId('notice-expense-total').innerText()).trim(), yuan(published.summary.expense_total_fen));
  assert.equal((await notice.getByTestId('notice-net').innerText()).trim(), yuan(published.summary.net_fen));
  assert.equal((await notice.getByTestId('notice-owed').innerText()).trim(), yuan(published.summary.owed_to_owners_fen));
  // Categories by their Chinese names, tidal parking among them.
  await notice.getByTestId('notice-income').getByText('潮汐停车收益').waitFor();
  await notice.getByTestId('notice-income').getByText(yuan(published.summary.income_by_category.tidal_parking)).waitFor();
  await notice.getByTestId('notice-expense').getByText('保洁支出').waitFor();
  await notice.getByTestId('notice-publisher').getByText(published.publisher).waitFor();
  await shot(page, '71-resident-disclosure');

  // Residents keep no books.
  await page.goto(`${BASE_URL}/public-revenue/${compoundId}`);
  await page.getByText('您没有权限查看此页面。').waitFor();
  await page.close();
});

test('the committee posts, reverses and documents an entry, closes the first open month and cannot post into it', { timeout: 180_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'rongcheng.committee');
  const compoundId = await grantedCompound(page);
  // One compound: the menu goes straight to its ledger.
  await openRevenueMenu(page, '公共收益');
  await page.waitForURL(`${BASE_URL}/public-revenue/${compoundId}`);
  await page.getByTestId('ledger-compound').getByText('融城花苑').waitFor();
  await page.getByTestId('journal-table').locator('tr.ant-table-row').first().waitFor();

  // 1. An entry that does not balance is not sent.
  await page.getByTestId('entry-new').click();
  await page.getByTestId('entry-form').waitFor();
  await pickDate(page, 'entry-date', TODAY);
  await page.getByTestId('entry-memo').fill(MEMO);
  await page.getByTestId('entry-voucher-no').fill(`KD-${RUN}`);
  await fillLines(page, { debitCode: '1001', creditCode: '4005', debit: '1,280.50', credit: '1280' });
  await page.getByTestId('entry-debit-total').getByText('1,280.50').waitFor();
  await page.getByTestId('entry-credit-total').getByText('1,280.00').waitFor();
  await page.getByTestId('entry-balance').getByText('借贷不平衡，差额 0.50 元').waitFor();
  await page.getByTestId('entry-submit').click();
  await page.getByTestId('entry-error').getByText('借方合计须等于贷方合计').waitFor();
  await shot(page, '72-ledger-unbalanced');

  // 2. Balanced, it posts and shows in the journal.
  await page.getByTestId('entry-line-1-credit').fill('1280.5');
  await page.getByTestId('entry-balance').getByText('借贷平衡').waitFor();
  assert.equal(await page.getByTestId('entry-error').count(), 0, 'the refusal goes once the lines change');
  await submitEntry(page);
  const row = journalRow(page, MEMO);
  await row.waitFor();
  await row.getByText('1,280.50').waitFor();
  const { items } = await apiGet(page, `/api/v1/compounds/${compoundId}/ledger/entries?from=${TODAY}&to=${TODAY}`);
  const posted = items.find((e) => e.memo === MEMO);
  assert.ok(posted, 'the entry is in the ledger');
  assert.equal(posted.amount_fen, 128050);
  assert.deepEqual(
    posted.lines.map((l) => [l.account_code, l.debit_fen, l.credit_fen]),
    [
      ['1001', 128050, 0],
      ['4005', 0, 128050],
    ],
  );

  // 3. A voucher (a PDF scan of the locker company's statement) goes with it.
  const pdf = join(dir, '快递柜结算单.pdf');
  writeFileSync(pdf, tinyPdf());
  await row.getByTestId('voucher-input').setInputFiles(pdf);
  await row.getByTestId('voucher-count').getByText('1').waitFor();
  assert.equal((await apiGet(page, `/api/v1/ledger-entries/${posted.id}`)).voucher_count, 1);

  // 4. Reversed, with a reason: the entry stays, a reversing entry joins it.
  await row.getByTestId('reverse-entry').click();
  await page.getByTestId('reverse-form').waitFor();
  await page.getByTestId('reverse-reason').fill('金额录入有误，重新记账');
  await shot(page, '73-ledger-reverse');
  await page.getByTestId('reverse-submit').click();
  await page.getByTestId('reverse-form').waitFor({ state: 'detached' });
  await row.getByTestId('entry-reversed').waitFor();
  assert.equal(await row.getByTestId('reverse-entry').count(), 0, 'an entry is reversed once');
  const reversal = journalRow(page, `冲销 #${posted.number}`);
  await reversal.getByTestId('entry-reversal').waitFor();
  const reread = await apiGet(page, `/api/v1/ledger-entries/${posted.id}`);
  assert.ok(reread.reversed_by, 'the API knows it is reversed');
  await messagesGone(page);
  await shot(page, '74-ledger-journal');

  // 5. The month before last (the first open one) is closed.
  const before = await apiGet(page, `/api/v1/compounds/${compoundId}/ledger/periods`);
  assert.equal(
    before.items.find((p) => p.month === TO_CLOSE)?.closed,
    false,
    `${TO_CLOSE} is open (re-create the demo database before running again): ${JSON.stringify(before.items.slice(0, 5))}`,
  );
  await page.getByTestId('tab-periods').click();
  const periodRow = (n) => page.getByTestId('periods-table').locator('tr.ant-table-row').filter({ hasText: monthLabel(n) });
  const closing = periodRow(-2);
  await closing.getByTestId('period-open').waitFor();
  // This month has not ended (today's entry is in it): it cannot be closed yet.
  const current = periodRow(0);
  await current.getByTestId('period-open').waitFor();
  assert.ok(await current.getByRole('button', { name: '结账' }).isDisabled(), `${monthLabel(0)} has not ended`);
  await page.getByTestId(`close-${TO_CLOSE}`).click();
  await clickInDialog(page, 'close-period-confirm');
  await closing.getByTestId('period-closed').waitFor();
  const periods = await apiGet(page, `/api/v1/compounds/${compoundId}/ledger/periods`);
  assert.equal(periods.items.find((p) => p.month === TO_CLOSE)?.closed, true);
  await messagesGone(page);
  await shot(page, '75-ledger-month-closed');

  // 6. Posting into that month is refused, in Chinese; nothing is stored.
  await page.getByTestId('tab-journal').click();
  await page.getByTestId('entry-new').click();
  await page.getByTestId('entry-form').waitFor();
  await pickDate(page, 'entry-date', `${TO_CLOSE}-15`);
  await page.getByTestId('entry-form').getByText(`${TO_CLOSE} 已结账`).waitFor();
  await page.getByTestId('entry-memo').fill(`${Number(TO_CLOSE.slice(5))}月补记 ${RUN}`);
  await fillLines(page, { debitCode: '1001', creditCode: '4001', debit: '200', credit: '200' });
  await page.getByTestId('entry-submit').click();
  await page.getByTestId('entry-error').getByText('该月份已结账，不能再记账').waitFor();
  await shot(page, '76-ledger-closed-month-refused');
  const closedMonth = await apiGet(page, `/api/v1/compounds/${compoundId}/ledger/entries?from=${TO_CLOSE}-01&to=${lastDayOfMonth(-2)}`);
  assert.ok(!closedMonth.items.some((e) => e.memo.includes(RUN)), `nothing was posted into ${TO_CLOSE}`);
  await page.keyboard.press('Escape');
  await page.getByTestId('entry-form').waitFor({ state: 'detached' });

  // 7. The committee previews that month's figures and publishes them for the residents.
  await page.getByTestId('tab-disclosure').click();
  // Both ends of the range picker carry the test id: open it at its start.
  await page.getByTestId('disclosure-range').first().click();
  await page.locator(`.ant-picker-dropdown${OPENED} .ant-picker-cell[title="${TO_CLOSE}"]`).first().click();
  await page.locator(`.ant-picker-dropdown${OPENED} .ant-picker-cell[title="${TO_CLOSE}"]`).first().click();
  await page.getByTestId('disclosure-preview-button').click();
  const preview = page.getByTestId('disclosure-preview');
  await preview.getByTestId('notice-period').getByText(`${monthLabel(-2)} 至 ${monthLabel(-2)}`).waitFor();
  const figures = await apiGet(page, `/api/v1/compounds/${compoundId}/disclosures/preview?period_from=${TO_CLOSE}&period_to=${TO_CLOSE}`);
  assert.equal((await preview.getByTestId('notice-income-total').innerText()).trim(), yuan(figures.summary.income_total_fen));
  await page.getByTestId('disclosure-note').fill(`${Number(TO_CLOSE.slice(5))}月公共收益收支情况 ${RUN}`);
  await shot(page, '76b-disclosure-preview');
  await page.getByTestId('disclosure-publish').click();
  await clickInDialog(page, 'disclosure-publish-confirm');
  await page.waitForURL(/\/disclosures\/[0-9a-f-]{36}$/);
  await page.getByTestId('disclosure-notice').getByTestId('notice-note').getByText(RUN).waitFor();
  const { items: disclosures } = await apiGet(page, `/api/v1/compounds/${compoundId}/disclosures`);
  assert.ok(disclosures.some((d) => d.period_from === TO_CLOSE && d.note?.includes(RUN)), 'published');
  await page.close();
});

test('a cash journal with errors is refused row by row and imports nothing; a good one imports', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'rongcheng.property');
  const compoundId = await grantedCompound(page);
  await page.goto(`${BASE_URL}/public-revenue`);
  await page.waitForURL(`${BASE_URL}/public-revenue/${compoundId}`);
  // Property staff post and import, but do not close months or publish.
  await page.getByTestId('tab-periods').click();
  await page.getByTestId('periods-table').locator('tr.ant-table-row').first().waitFor();
  await page.getByTestId('periods-table').locator('tr.ant-table-row').filter({ hasText: monthLabel(-1) }).waitFor();
  assert.equal(await page.getByTestId(`close-${LAST_MONTH}`).count(), 0);
  assert.equal(await page.getByTestId('tab-disclosure').count(), 0);
  await page.getByTestId('tab-journal').click();

  const header = '日期,凭证号,摘要,科目,收入,支出,收付方式';
  const bad = join(dir, '流水-有误.csv');
  writeFileSync(
    bad,
    [
      header,
      `${LAST_MONTH}-10,IMP-1,导入 ${RUN} 金额有误,快递柜收益,abc,,银行`,
      `${LAST_MONTH}-11,IMP-2,导入 ${RUN} 科目不存在,不存在的科目,100,,银行`,
      `${CLOSED}-12,IMP-3,导入 ${RUN} 已结账月份,停车收益,100,,银行`,
      `${LAST_MONTH}-13,IMP-4,导入 ${RUN} 收支都填,停车收益,100,50,银行`,
      `${LAST_MONTH}-14,IMP-5,导入 ${RUN} 正确的一行,停车收益,100,,现金`,
    ].join('\n') + '\n',
  );
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-modal').waitFor();
  await page.getByTestId('import-file').setInputFiles(bad);
  await page.getByTestId('import-refused').waitFor();
  const errors = page.getByTestId('import-errors');
  const errorRows = errors.locator('tr.ant-table-row');
  await errorRows.first().waitFor();
  const rowNumbers = new Set(
    (await errorRows.locator('td:first-child').allInnerTexts()).map((s) => Number(s.trim())),
  );
  for (const n of [2, 3, 4, 5]) assert.ok(rowNumbers.has(n), `row ${n} is listed (${[...rowNumbers].join(', ')})`);
  assert.ok(!rowNumbers.has(6), 'the good row has no error');
  await errorRows.filter({ hasText: '收入' }).first().waitFor();
  await settle(page);
  await shot(page, '77-import-refused');
  const none = await apiGet(page, `/api/v1/compounds/${compoundId}/ledger/entries?from=${LAST_MONTH}-10&to=${LAST_MONTH}-14`);
  assert.ok(!none.items.some((e) => e.memo.includes(RUN)), 'nothing was imported');

  const good = join(dir, '流水.csv');
  writeFileSync(
    good,
    [header, `${LAST_MONTH}-15,IMP-7,导入 ${RUN} 快递柜分成,4005,356.20,,银行`, `${LAST_MONTH}-16,IMP-8,导入 ${RUN} 楼道灯具,维修维护支出,,88.8,现金`].join('\n') + '\n',
  );
  await page.getByTestId('import-file').setInputFiles(good);
  await page.getByTestId('import-result').getByText('已导入 2 行，生成 2 笔分录').waitFor();
  assert.equal(await page.getByTestId('import-errors').count(), 0);
  await shot(page, '78-import-done');
  // The same file again posts nothing twice.
  await page.getByTestId('import-file').setInputFiles(good);
  await page.getByTestId('import-result').getByText('此前已导入').waitFor();
  await page.keyboard.press('Escape');
  await journalRow(page, `导入 ${RUN} 快递柜分成`).getByText('356.20').waitFor();
  const imported = await apiGet(page, `/api/v1/compounds/${compoundId}/ledger/entries?from=${LAST_MONTH}-15&to=${LAST_MONTH}-16`);
  assert.equal(imported.items.filter((e) => e.memo.includes(RUN)).length, 2);
  await page.close();
});

test('the district admin follows public revenue by subdistrict and opens a compound', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openRevenueMenu(page, '公共收益');
  await page.waitForURL(`${BASE_URL}/public-revenue`);
  const table = page.getByTestId('rollup-table');
  await table.locator('tr.ant-table-row').first().waitFor();
  // The page counts the last twelve months, up to today.
  const report = await apiGet(page, `/api/v1/public-revenue/by-area?from=${monthFromNow(-11)}-01&to=${today()}`);
  assert.ok(report.items.length > 1, 'the district has subdistricts');
  const withBooks = report.items.filter((i) => i.compounds > 0);
  assert.ok(withBooks.length > 0, 'some subdistrict has compounds with books');
  const total = report.items.reduce((s, i) => s + i.income_fen, 0);
  await page.getByTestId('rollup-income-total').getByText(yuan(total)).waitFor();
  for (const item of withBooks) {
    const row = table.locator('tr.ant-table-row').filter({ hasText: item.area_name });
    await row.getByText(yuan(item.income_fen)).waitFor();
  }
  await page.getByTestId('rollup-chart').locator('canvas').first().waitFor();
  await page.getByTestId('monthly-chart').locator('canvas').first().waitFor();
  await chartsDrawn(page);
  await shot(page, '79-admin-rollup');

  // The same figures as a spreadsheet.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rollup-csv').click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.includes(busiestName(withBooks)), `the CSV lists the subdistricts:\n${csv.slice(0, 300)}`);

  // Down to the communities of a subdistrict.
  const busiest = withBooks.find((i) => i.area_name === busiestName(withBooks));
  await table.locator('tr.ant-table-row').filter({ hasText: busiest.area_name }).getByTestId('rollup-drill').click();
  await page.getByTestId('rollup-path').getByText(busiest.area_name).waitFor();
  await page.getByTestId('rollup-income-total').getByText(yuan(busiest.income_fen)).waitFor();

  // And into a compound's ledger by name.
  await pickCompound(page, 'revenue-compound', '融城花苑');
  await page.waitForURL(/\/public-revenue\/[0-9a-f-]{36}$/);
  await page.getByTestId('ledger-compound').getByText('融城花苑').waitFor();
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('monthly-chart').locator('canvas').first().waitFor();
  await page.getByTestId('monthly-table').waitFor();
  await chartsDrawn(page);
  await shot(page, '79b-admin-compound-monthly');
  await page.close();
});
