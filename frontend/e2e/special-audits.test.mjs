// Special audits (专项审计) through the SPA: the audit office's campaign board and dashboard,
// an auditor who sees only their firm's engagements, and 融城花苑's engagement taken from
// planned to closed by the auditor, with a finding rectified by the owners' committee and
// verified by the audit office (not by the finding's author) on the way.
// Writes to the demo database: 融城花苑's engagement ends closed, with one finding
// `停车收入未入账 <run>`; re-create the database (`--fresh`) before running it again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiGet,
  BASE_URL,
  dayFromNow,
  dialogOpened,
  messagesGone,
  monthFromNow,
  monthLabel,
  openBrowser,
  openMenu,
  pickCompound,
  pickDate,
  pickOption,
  settle,
  shot,
  signIn,
  storyYear,
} from './support.mjs';

const RUN = Date.now().toString(36);
/** The demo's campaign, named for the year of its story (the seed moves it with the calendar). */
const CAMPAIGN = `${storyYear()}年度住宅小区公共收益专项审计`;
const FIRM = '湖南湘审会计师事务所有限公司';
const RONGCHENG = '融城花苑';
const FINDING = `停车收入未入账 ${RUN}`;
/** The voucher of the correcting entry, numbered by its month (the demo's first open one). */
const VOUCHER = `J${monthFromNow(-2)}-015`;
const STATUS_LABELS = {
  planned: '已计划',
  fieldwork: '现场审计',
  draft_report: '报告初稿',
  final_report: '正式报告',
  rectification: '整改中',
  closed: '已结项',
};

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** `12,000.00` for 1200000 fen, as the pages write money. */
function yuan(fen) {
  const whole = Math.floor(Math.abs(fen) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}

/** Waits until the engagement page's status tag reads `label`. */
async function statusIs(page, label) {
  await page.getByTestId('engagement-title').waitFor();
  await page.locator('.ant-card-head [data-testid="engagement-status"]').filter({ hasText: label }).waitFor();
}

/**
 * Confirms dialog `id` (`<id>-submit`) and waits until it has closed. When it stays open,
 * fails with what it shows (field errors, notifications) rather than a bare timeout.
 */
async function submitDialog(page, id) {
  await dialogOpened(page, `${id}-form`);
  await page.getByTestId(`${id}-submit`).click();
  try {
    await page.getByTestId(`${id}-form`).waitFor({ state: 'detached' });
  } catch (err) {
    const shown = await page.locator('.ant-form-item-explain-error, .ant-notification-notice').allInnerTexts();
    throw new Error(`dialog ${id} stayed open: ${JSON.stringify(shown)} (${err.message.split('\n')[0]})`);
  }
}

/** Clicks a next-step button, fills its dialog with `fill`, and confirms. */
async function move(page, to, fill = async () => {}) {
  await page.getByTestId(`transition-${to}`).click();
  await page.getByTestId('transition-form').waitFor();
  await fill();
  await submitDialog(page, 'transition');
  await statusIs(page, STATUS_LABELS[to]);
}

/** The rectification row of our finding on the engagement page. */
function actionRow(page) {
  return page.locator(`[data-testid="finding-card"][data-finding="${FINDING}"] [data-testid="rectification-row"]`).first();
}

test('the audit office sees the dashboard and the campaign board by status, and changes a fee and the campaign', { timeout: 90_000 }, async () => {
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  await openMenu(admin, '公共收益与审计', '专项审计');
  await admin.waitForURL(`${BASE_URL}/audits`);

  // The campaign with its budget use, as the API says.
  const campaigns = (await apiGet(admin, '/api/v1/audit-campaigns')).items;
  const campaign = campaigns.find((c) => c.name === CAMPAIGN);
  assert.ok(campaign, `the demo campaign ${CAMPAIGN} exists: ${campaigns.map((c) => c.name).join(', ')}`);
  assert.equal(campaign.budget_fen, 100_000_000, 'budget 1,000,000 yuan');
  const row = admin.getByTestId('campaign-table').locator('tr', { hasText: CAMPAIGN });
  await row.getByText(`${yuan(campaign.budget_fen)} 元`).waitFor();
  await row.getByTestId('campaign-remaining').filter({ hasText: `${yuan(campaign.remaining_fen)} 元` }).waitFor();
  await admin.getByTestId('new-campaign').waitFor();

  // Dashboard tiles match GET /stats/audits; the charts are drawn.
  const stats = await apiGet(admin, '/api/v1/stats/audits');
  const used = `${Math.round(stats.budget_used * 1000) / 10}%`;
  await admin.getByTestId('tile-budget-used').locator('.ant-statistic-content-value').filter({ hasText: used }).waitFor();
  await admin
    .getByTestId('tile-overdue')
    .locator('.ant-statistic-content-value')
    .filter({ hasText: String(stats.rectifications_overdue) })
    .waitFor();
  const findings = stats.findings_by_subdistrict.reduce((n, r) => n + r.findings, 0);
  await admin.getByTestId('tile-findings').locator('.ant-statistic-content-value').filter({ hasText: String(findings) }).waitFor();
  const amount = stats.findings_by_subdistrict.reduce((n, r) => n + r.amount_fen, 0);
  await admin.getByTestId('tile-amount').getByText(`${yuan(amount)} 元`).waitFor();
  await admin.locator('[data-testid="audit-status-chart"] canvas').first().waitFor();
  await admin.locator('[data-testid="audit-subdistrict-chart"] canvas').first().waitFor();
  await admin.waitForTimeout(1200); // let the bars finish growing before the picture
  await shot(admin, '80-audits-admin-home');

  // The overdue tile leads to the overdue findings.
  await admin.getByTestId('overdue-link').click();
  await admin.waitForURL(/\/audits\/findings\?overdue=true/);
  const overdue = (await apiGet(admin, '/api/v1/audit-findings?overdue=true')).items;
  await admin.getByTestId('findings-summary').filter({ hasText: `共 ${overdue.length} 项` }).waitFor();
  assert.equal(await admin.getByTestId('filter-overdue').getAttribute('aria-checked'), 'true');
  await shot(admin, '81-audits-overdue-findings');

  // The campaign page: budget, and one column per status with the API's engagements.
  await admin.goto(`${BASE_URL}/audits`);
  await admin.getByTestId('campaign-table').getByRole('link', { name: CAMPAIGN }).click();
  await admin.waitForURL(`${BASE_URL}/audits/campaigns/${campaign.id}`);
  const engagements = (await apiGet(admin, `/api/v1/audit-engagements?campaign_id=${campaign.id}`)).items;
  assert.equal(engagements.length, 10, 'ten engagements in the demo campaign');
  await admin.getByTestId('engagement-card').first().waitFor();
  for (const [status, label] of Object.entries(STATUS_LABELS)) {
    const column = admin.getByTestId(`board-column-${status}`);
    await column.getByText(label, { exact: true }).waitFor();
    const expected = engagements.filter((e) => e.status === status).map((e) => e.compound_name).sort();
    const shown = (await column.getByTestId('engagement-card').evaluateAll((cards) => cards.map((c) => c.dataset.compound))).sort();
    assert.deepEqual(shown, expected, `column ${status}`);
  }
  const planned = admin.getByTestId('board-column-planned').locator(`[data-compound="${RONGCHENG}"]`);
  await planned.getByText(FIRM).waitFor();
  await planned.getByTestId('change-fee').waitFor();
  await shot(admin, '82-audits-campaign-board');

  // A fee change (If-Match from the card's version): over budget is refused on the field,
  // a fee within it moves the campaign's committed and remaining money.
  const rongcheng = engagements.find((e) => e.compound_name === RONGCHENG);
  await planned.getByTestId('change-fee').click();
  await dialogOpened(admin, 'fee-form');
  await admin.getByTestId('fee-yuan').fill('999999');
  await admin.getByTestId('fee-submit').click();
  await admin.getByTestId('fee-form').locator('.ant-form-item-explain-error', { hasText: '审计费用合计将超出专项审计预算' }).waitFor();
  const newFee = rongcheng.fee_fen + 200_000;
  await admin.getByTestId('fee-yuan').fill(String(newFee / 100));
  await submitDialog(admin, 'fee');
  await planned.getByTestId('engagement-fee').filter({ hasText: `${yuan(newFee)} 元` }).waitFor();
  await admin.getByTestId('campaign-budget').getByText(`${yuan(campaign.remaining_fen - 200_000)} 元`).waitFor();

  // The campaign's budget cannot drop below the fees assigned; its description can change.
  await admin.getByTestId('edit-campaign').click();
  await dialogOpened(admin, 'campaign-form');
  await admin.getByTestId('campaign-budget-input').fill('1000');
  await admin.getByTestId('campaign-submit').click();
  await admin.getByTestId('campaign-form').locator('.ant-form-item-explain-error', { hasText: '预算不能低于已分配的审计费用' }).waitFor();
  await admin.getByTestId('campaign-budget-input').fill('1000000');
  await admin.getByTestId('campaign-description').fill(`${campaign.description ?? ''}（${RUN} 已核定）`);
  await submitDialog(admin, 'campaign');
  const edited = await apiGet(admin, `/api/v1/audit-campaigns/${campaign.id}`);
  assert.equal(edited.version, campaign.version + 1, 'saved once, with its version');
  assert.equal(edited.budget_fen, campaign.budget_fen);
  assert.ok(edited.description.includes(RUN));

  // An engagement over budget is refused on the fee field, in words.
  await admin.getByTestId('add-engagement').click();
  await dialogOpened(admin, 'engagement-form');
  await pickCompound(admin, 'engagement-compound', '湘江佳园');
  await pickOption(admin, 'engagement-firm', FIRM);
  await admin.getByTestId('engagement-fee-input').fill('999999');
  await admin.getByTestId('engagement-scope').fill('公共收益收支及公示情况');
  await admin.getByTestId('engagement-submit').click();
  await admin.getByTestId('engagement-form').locator('.ant-form-item-explain-error', { hasText: '审计费用合计将超出专项审计预算' }).waitFor();
  // No settle() here: the save button's loading icon may keep its leave motion class after a refusal.
  await admin.waitForTimeout(500);
  await shot(admin, '83-audits-over-budget');
  await admin.keyboard.press('Escape');
  const unchanged = await apiGet(admin, `/api/v1/audit-campaigns/${campaign.id}`);
  assert.equal(unchanged.engagement_count, 10, 'nothing was added');
});

test('an auditor sees only their firm’s engagements', { timeout: 60_000 }, async () => {
  const auditor = await browser.newPage();
  await signIn(auditor, 'auditor');
  await openMenu(auditor, '公共收益与审计', '专项审计');
  await auditor.waitForURL(`${BASE_URL}/audits`);
  await auditor.getByTestId('my-engagements').getByText('我的审计项目').waitFor();
  await auditor.getByTestId('engagement-card').first().waitFor();

  const mine = (await apiGet(auditor, '/api/v1/audit-engagements')).items;
  assert.ok(mine.length > 0);
  assert.ok(mine.every((e) => e.firm_name === FIRM), 'the API gives the auditor only their firm’s engagements');
  const cards = await auditor.getByTestId('engagement-card').evaluateAll((cs) => cs.map((c) => c.dataset.compound));
  assert.equal(cards.length, mine.length, 'one card per engagement the API lists');
  assert.deepEqual(cards.sort(), mine.map((e) => e.compound_name).sort());
  assert.equal(await auditor.getByText('湖南天平会计师事务所有限公司').count(), 0, 'no other firm on the board');
  assert.equal(await auditor.getByTestId('new-campaign').count(), 0, 'auditors run no campaigns');
  await shot(auditor, '84-audits-auditor-board');

  // Another firm's engagement is not theirs to open.
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  const other = (await apiGet(admin, '/api/v1/audit-engagements')).items.find((e) => e.firm_name !== FIRM);
  await admin.close();
  await auditor.goto(`${BASE_URL}/audits/engagements/${other.id}`);
  await auditor.getByText('记录不存在或不在您的管辖范围内').waitFor();
  assert.equal(await auditor.getByTestId('engagement-title').count(), 0);
});

test('the auditor takes 融城花苑 from planned to closed with a finding rectified on the way', { timeout: 240_000 }, async (t) => {
  // 1. The auditor opens 融城花苑's engagement from their board.
  const auditor = await browser.newPage();
  await signIn(auditor, 'auditor');
  const engagement = (await apiGet(auditor, '/api/v1/audit-engagements')).items.find((e) => e.compound_name === RONGCHENG);
  assert.ok(engagement, '融城花苑 is the auditor’s engagement');
  if (engagement.status !== 'planned') {
    t.skip(`融城花苑's engagement is ${engagement.status}, not planned: re-create the database (--fresh) to run this again`);
    return;
  }
  await openMenu(auditor, '公共收益与审计', '专项审计');
  await auditor.getByTestId('board-column-planned').locator(`[data-compound="${RONGCHENG}"]`).getByTestId('engagement-link').click();
  await auditor.waitForURL(`${BASE_URL}/audits/engagements/${engagement.id}`);
  await statusIs(auditor, '已计划');
  await auditor.getByTestId('engagement-steps').waitFor();
  assert.ok(await auditor.getByTestId('raise-finding').isDisabled(), 'no findings before fieldwork');
  await shot(auditor, '85-audits-engagement-planned');

  // 2. Fieldwork, and a finding: parking income not recorded, 12,000 yuan, high.
  await move(auditor, 'fieldwork');
  await auditor.getByTestId('raise-finding').click();
  await auditor.getByTestId('finding-form').waitFor();
  await pickOption(auditor, 'finding-kind', '收入未入账');
  await auditor.getByTestId('finding-severity').getByText('高', { exact: true }).click();
  await auditor.getByTestId('finding-title').fill(FINDING);
  await auditor.getByTestId('finding-description').fill(`${monthLabel(-3)}至${monthLabel(-2)}地面停车临时收费12,000元由物业服务企业收取，未转入公共收益账户入账。`);
  await auditor.getByTestId('finding-amount').fill('12000');
  await pickCompound(auditor, 'finding-responsible', '融城花苑业主委员会');
  await auditor.getByTestId('finding-evidence').fill('停车收费系统导出记录；同期公共收益银行流水');
  await settle(auditor);
  await shot(auditor, '86-audits-raise-finding');
  await submitDialog(auditor, 'finding');
  const card = auditor.locator(`[data-testid="finding-card"][data-finding="${FINDING}"]`);
  await card.getByText('12,000.00 元').waitFor();
  await card.getByText('高', { exact: true }).waitFor();

  // 3. A rectification action with a deadline.
  const deadline = dayFromNow(30);
  await card.getByTestId('add-rectification').click();
  await auditor.getByTestId('rectification-form').waitFor();
  await auditor.getByTestId('rectification-form').getByText('融城花苑业主委员会').waitFor(); // defaults to who answers for it
  await auditor.getByTestId('rectification-action').fill('将12,000元停车收入转入公共收益账户并补记入账，此后停车收费直接进入公共收益账户。');
  await pickDate(auditor, 'rectification-deadline', deadline);
  await submitDialog(auditor, 'rectification');
  await actionRow(auditor).getByText('待整改').waitFor();
  await actionRow(auditor).getByText(deadline).waitFor();
  await messagesGone(auditor);
  await shot(auditor, '87-audits-finding-with-action');

  // 4. Draft report, final report with a qualified opinion, rectification.
  await move(auditor, 'draft_report');
  await move(auditor, 'final_report', async () => {
    await auditor.getByTestId('transition-opinion').getByText('保留意见', { exact: true }).click();
    await auditor.getByTestId('transition-summary').fill('除停车收入未入账事项外，公共收益核算基本规范。');
  });
  await auditor.getByTestId('engagement-opinion').filter({ hasText: '保留意见' }).waitFor();
  await move(auditor, 'rectification');
  await auditor.getByTestId('findings-open-alert').waitFor();
  assert.equal(await auditor.getByTestId('transition-closed').count(), 0, 'cannot close while the finding is open');
  await messagesGone(auditor);
  await shot(auditor, '88-audits-in-rectification');

  // 5. The owners' committee reports the action done, with evidence.
  const committee = await browser.newPage();
  await signIn(committee, 'rongcheng.committee');
  await openMenu(committee, '公共收益与审计', '专项审计');
  await committee.getByTestId('campaign-table').getByRole('link', { name: CAMPAIGN }).click();
  await committee.getByTestId('board-column-rectification').locator(`[data-compound="${RONGCHENG}"]`).getByTestId('engagement-link').click();
  await committee.waitForURL(`${BASE_URL}/audits/engagements/${engagement.id}`);
  assert.equal(await committee.getByTestId('transition-closed').count(), 0, 'the committee does not move the engagement');
  assert.equal(await committee.getByTestId('add-rectification').count(), 0, 'nor agrees actions');
  await actionRow(committee).getByTestId('complete-rectification').click();
  await committee.getByTestId('complete-form').waitFor();
  await settle(committee); // the dialog has finished opening before it is typed into
  await committee.getByTestId('complete-evidence').fill(`已补记停车收入 12,000 元，凭证 ${VOUCHER}；停车收费已改为直接转入公共收益账户。`);
  await submitDialog(committee, 'complete');
  await actionRow(committee).getByText('待核验').waitFor();
  await actionRow(committee).getByTestId('completion-evidence').filter({ hasText: VOUCHER }).waitFor();
  await messagesGone(committee);
  await shot(committee, '89-audits-committee-reported');

  // 6. The auditor raised the finding, so the server refuses their verification, in words.
  await auditor.reload();
  await actionRow(auditor).getByTestId('verify-rectification').click();
  await auditor.getByTestId('verify-form').waitFor();
  await auditor.getByTestId('verify-submit').click();
  await auditor.locator('.ant-notification').getByText('整改须由提出该审计发现以外的人核验').waitFor();
  await auditor.getByTestId('verify-form').waitFor({ state: 'detached' });
  await auditor.waitForTimeout(400); // the dialog's mask fading out
  await shot(auditor, '90-audits-author-cannot-verify');
  await actionRow(auditor).getByText('待核验').waitFor();

  // 7. The audit office verifies it; the finding closes.
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  await admin.goto(`${BASE_URL}/audits/engagements/${engagement.id}`);
  await actionRow(admin).getByTestId('verify-rectification').click();
  await admin.getByTestId('verify-form').waitFor();
  await settle(admin);
  await admin.getByTestId('verify-note').fill('已核对补记凭证及银行流水，整改到位。');
  await submitDialog(admin, 'verify');
  await actionRow(admin).getByText('已核验').waitFor();
  await actionRow(admin).getByText('核验意见：已核对补记凭证及银行流水，整改到位。').waitFor();
  await admin.locator(`[data-testid="finding-card"][data-finding="${FINDING}"] [data-testid="finding-status"]`).filter({ hasText: '已关闭' }).waitFor();
  await messagesGone(admin);
  await shot(admin, '91-audits-admin-verified');

  // 8. The auditor closes the engagement.
  await auditor.reload();
  await statusIs(auditor, '整改中');
  await move(auditor, 'closed');
  await messagesGone(auditor);
  await shot(auditor, '92-audits-closed');
  const closed = await apiGet(auditor, `/api/v1/audit-engagements/${engagement.id}`);
  assert.equal(closed.status, 'closed');
  assert.equal(closed.opinion, 'qualified');
  assert.equal(closed.open_finding_count, 0);
  const [finding] = (await apiGet(auditor, `/api/v1/audit-findings?engagement_id=${engagement.id}`)).items;
  assert.equal(finding.title, FINDING);
  assert.equal(finding.amount_fen, 1_200_000);
  assert.equal(finding.severity, 'high');
  assert.equal(finding.status, 'closed');
  assert.equal(finding.rectifications[0].status, 'verified');

  // The read-only ledger of the audited compound opens from the engagement.
  await auditor.getByTestId('engagement-ledger-link').click();
  await auditor.waitForURL(`${BASE_URL}/audits/engagements/${engagement.id}/ledger`);
  await auditor.getByTestId('engagement-ledger-title').getByText(RONGCHENG).waitFor();
  await auditor.locator('.ant-tabs').first().waitFor();
  await shot(auditor, '93-audits-ledger-read-only');
});
