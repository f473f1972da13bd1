import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiGet,
  BASE_URL,
  clickInDialog,
  dayFromNow,
  menuEntries,
  messagesGone,
  openBrowser,
  openMenu,
  OPEN_POPUP,
  pickCompound,
  pickDate,
  pickOption,
  settle,
  shot,
  signIn,
  today,
} from './support.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

// The demo data persists between runs: a suffix keeps what a run creates apart.
const RUN = Date.now().toString(36);
const RONGCHENG = '融城花苑';
const FOUR_BODIES = ['compound_party_branch', 'owners_committee', 'property_company', 'supervisory_committee'];
const BODY_NAMES = {
  compound_party_branch: '小区党组织',
  owners_committee: '业主委员会',
  property_company: '物业服务企业',
  supervisory_committee: '业主监督委员会',
};

/** Picks an option of a Select, then waits for its popup to close (the next pick must not find it). */
async function pick(page, testId, label) {
  await pickOption(page, testId, label);
  await settle(page);
}

/** The value a dashboard tile shows, as a number. */
async function tileValue(page, testId) {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

test('the compound secretary records a joint meeting of 融城花苑, finalises it and closes its action item', { timeout: 150_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'rongcheng.secretary');
  const entries = await menuEntries(page);
  assert.ok(entries.includes('治理体系'), `menu offers ${entries.join(', ')}`);
  await openMenu(page, '治理体系', '联席会议');
  await page.waitForURL(`${BASE_URL}/meetings`);
  await page.locator('[data-testid="meeting-table"] tbody tr.ant-table-row').first().waitFor();

  // The compound's own bodies, as the API lists them for it.
  const compound = (await apiGet(page, `/api/v1/compounds?name=${encodeURIComponent(RONGCHENG)}`)).items.find((c) => c.name === RONGCHENG);
  assert.ok(compound, '融城花苑 is in the secretary\'s area');
  const orgs = (await apiGet(page, `/api/v1/organisations?compound_id=${compound.id}&limit=100`)).items;
  const bodyOrg = Object.fromEntries(FOUR_BODIES.map((kind) => [kind, orgs.find((o) => o.kind === kind)]));
  for (const kind of FOUR_BODIES) assert.ok(bodyOrg[kind], `融城花苑 has a ${kind}`);
  assert.equal(bodyOrg.compound_party_branch.name, '融城花苑党支部');

  await page.getByTestId('create-meeting').click();
  await page.waitForURL(`${BASE_URL}/meetings/new`);
  await pickCompound(page, 'meeting-compound', RONGCHENG);
  // One attendance row per body of the compound; each organisation picked from its bodies.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="attendance-row-"]').length === 4);
  const title = `融城花苑四方联席会议 ${RUN}`;
  await page.getByTestId('meeting-title').fill(title);
  await page.getByTestId('meeting-location').fill('融城花苑架空层议事厅');
  await pick(page, 'meeting-convener', '融城花苑党支部');
  for (const [i, kind] of FOUR_BODIES.entries()) {
    assert.match(await page.getByTestId(`attendance-body-${i}`).innerText(), new RegExp(BODY_NAMES[kind]));
    await pick(page, `attendance-org-${i}`, bodyOrg[kind].name);
  }
  const attendees = ['刘建军', '陈桂兰', '王海涛', '赵丽华'];
  for (const [i, name] of attendees.entries()) {
    await page.getByTestId(`attendance-attendees-${i}`).click();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await page.getByTestId('agenda-title-0').fill('物业服务合同到期续签');
  // The contract ends with the year; the owners are asked before the action item is due.
  const year = today().slice(0, 4);
  const due = dayFromNow(19);
  await page.getByTestId('agenda-discussion-0').fill('合同12月31日到期，四方商议续签方式与服务标准。');
  await page.getByTestId('add-resolution').click();
  await page.getByTestId('resolution-text-0').fill(`同意启动续签程序，${Number(due.slice(5, 7))}月${Number(due.slice(8))}日前完成业主意见征询。`);
  await page.getByTestId('add-action-item').click();
  const task = `完成业主意见征询并公示结果（${RUN}）`;
  await page.getByTestId('action-description-0').fill(task);
  await pick(page, 'action-owner-0', bodyOrg.owners_committee.name);
  await pickDate(page, 'action-due-0', due);
  await settle(page);
  await shot(page, '50-meeting-editor');

  await page.getByTestId('save-meeting').click();
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  const minutes = page.getByTestId('minutes');
  await minutes.waitFor();
  assert.equal(await minutes.getAttribute('data-status'), 'draft');
  await page.getByTestId('edit-meeting').waitFor();
  const rows = page.locator('[data-testid="attendance-table"] tbody tr.ant-table-row');
  assert.equal(await rows.count(), 4);
  for (const kind of FOUR_BODIES) await rows.filter({ hasText: bodyOrg[kind].name }).waitFor();
  await rows.filter({ hasText: '融城花苑党支部' }).getByText('刘建军').waitFor();

  // Finalise: a confirmation says what it means, then the record is read-only.
  await page.getByTestId('finalise-meeting').click();
  await page.getByText('定稿后纪要不可修改，只能添加更正说明').waitFor();
  await settle(page);
  await shot(page, '51-meeting-finalise-confirm');
  await page.getByTestId('confirm-finalise').click();
  await page.locator('[data-testid="minutes"][data-status="finalised"]').waitFor();
  await page.getByTestId('minutes').getByTestId('meeting-status').first().getByText('已定稿').waitFor();
  assert.equal(await page.getByTestId('edit-meeting').count(), 0, 'no edit button once finalised');
  assert.equal(await page.getByTestId('finalise-meeting').count(), 0);
  await page.getByTestId('amend-meeting').waitFor();
  await page.getByTestId('resolution-list').getByText('同意启动续签程序').waitFor();
  await messagesGone(page);
  await shot(page, '52-meeting-minutes-finalised');

  // A correction is appended to the signed record.
  await page.getByTestId('amend-meeting').click();
  await page.getByTestId('amend-correction').fill(`议题 1 讨论情况中“12月31日”应为“${year}年12月31日”。`);
  await page.getByTestId('amend-reason').fill('记录笔误，经与会单位确认');
  await page.getByTestId('amend-submit').click();
  await page.getByTestId('amendment').filter({ hasText: '记录笔误' }).waitFor();

  // The action item: done, with today's date.
  const item = page.locator('[data-testid="action-item-table"] tbody tr.ant-table-row').filter({ hasText: task });
  assert.equal(await item.getByTestId('action-status').getAttribute('data-status'), 'open');
  await item.getByTestId('done-action').click();
  await clickInDialog(page, 'done-action-submit');
  await item.locator('[data-testid="action-status"][data-status="done"]').waitFor();
  await item.getByText('已办结').waitFor();
  await item.getByTestId('reopen-action').waitFor();
  await messagesGone(page);
  await shot(page, '53-meeting-action-done');

  // The action items list shows it done too; overdue ones are flagged red.
  await page.locator('.ant-breadcrumb').getByRole('link', { name: '联席会议' }).click();
  await page.waitForURL(`${BASE_URL}/meetings`);
  await page.getByTestId('tab-actions').click();
  await page.waitForURL(`${BASE_URL}/meetings/action-items`);
  await page.locator('[data-testid="action-item-table"] tbody tr.ant-table-row').filter({ hasText: task }).getByText('已办结').waitFor();
  await page.getByTestId('filter-overdue').click();
  await page.waitForURL(/overdue=true/);
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="action-item-table"] tbody tr.ant-table-row')];
    return rows.every((r) => r.getAttribute('data-overdue') === 'true');
  });
  await shot(page, '54-action-items-overdue');
});

test('the dashboard shows the registry indicators the API computes', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.waitForURL(`${BASE_URL}/dashboard`);
  const { totals } = await apiGet(page, '/api/v1/stats/registry');
  await page.locator('[data-testid="coverage-chart"] canvas').first().waitFor();
  await page.locator('[data-testid="mode-chart"] canvas').first().waitFor();
  await page.getByTestId('tile-party-orgs').locator('.ant-statistic-content-value').waitFor();

  const shown = {
    compound_party_orgs: await tileValue(page, 'tile-party-orgs'),
    covered_compounds: await tileValue(page, 'tile-covered'),
    property_company_party_orgs: await tileValue(page, 'tile-company-party-orgs'),
    owners_committee_party_share_pct: await tileValue(page, 'tile-committee-share'),
    centres: await tileValue(page, 'tile-centres'),
    compounds_without_recent_meeting: await tileValue(page, 'tile-no-meeting'),
    cross_appointments: await tileValue(page, 'tile-cross'),
  };
  for (const [k, v] of Object.entries(shown)) assert.equal(v, Number(totals[k]), `${k}: tile ${v}, API ${totals[k]}`);
  // The demo district carries the source document's figures.
  assert.deepEqual(
    [shown.compound_party_orgs, shown.covered_compounds, shown.property_company_party_orgs, shown.owners_committee_party_share_pct, shown.centres],
    [425, 547, 48, 50, 165],
  );
  const coverage = ((totals.covered_compounds * 100) / totals.compounds).toFixed(1);
  await page.getByTestId('tile-covered').getByText(`覆盖率 ${coverage}%`).waitFor();
  await page.getByTestId('tile-committee-share').getByText('%').first().waitFor();
  await page.waitForTimeout(1200); // let the bars finish growing before the picture
  await shot(page, '55-dashboard-registry');
});

test('the compound page shows its governance: bodies, contract and bundle, last joint meeting', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  // 融城花苑: the four bodies and its own contract.
  await page.goto(`${BASE_URL}/compounds?name=${encodeURIComponent(RONGCHENG)}`);
  await page.locator('[data-testid="compound-table"]').getByRole('link', { name: RONGCHENG, exact: true }).click();
  const governance = page.getByTestId('governance');
  await governance.waitFor();
  for (const kind of FOUR_BODIES) {
    assert.equal(await governance.getByTestId(`body-${kind}`).getByTestId('body-missing').count(), 0, `${kind} is set up`);
  }
  await governance.getByTestId(`body-compound_party_branch`).getByText('融城花苑党支部').waitFor();
  await governance.getByTestId('governance-contract').getByTestId('contract-fee').waitFor();
  assert.match(await governance.getByTestId('governance-contract').getByTestId('contract-fee').innerText(), /^\d+\.\d{2} 元\/㎡·月$/);
  await governance.getByTestId('last-meeting').getByText('最近一次联席会议').waitFor();
  await shot(page, '56-compound-governance');

  // A compound in a bundle: the other compounds of its contract and the buildings across it.
  const contracts = await apiGet(page, '/api/v1/service-contracts?limit=100');
  const bundle = contracts.items.find((c) => c.is_bundle && c.compound_ids.length >= 2);
  assert.ok(bundle, 'the demo data has a bundle');
  const [first, ...others] = bundle.compound_ids;
  const day = today();
  await page.goto(`${BASE_URL}/compounds/${first}`);
  await governance.waitFor();
  if (bundle.start_date <= day && day <= bundle.end_date) {
    const names = bundle.compound_names.slice(1);
    for (const name of names) await governance.getByTestId('bundle-compounds').getByText(name, { exact: true }).waitFor();
    assert.equal(others.length, names.length);
  }
  await page.goto(`${BASE_URL}/contracts/${bundle.id}`);
  await page.getByTestId('bundle-tag').waitFor();
  assert.equal(Number(await page.getByTestId('contract-buildings').innerText()), bundle.building_count);
  for (const name of bundle.compound_names) await page.getByTestId('compound-links').getByText(name, { exact: true }).waitFor();
  await shot(page, '57-contract-bundle');
});

test('admin registers a person, sees the phone masked, unmasks it, and appoints and ends a post', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openMenu(page, '治理体系', '人员与任职');
  await page.waitForURL(`${BASE_URL}/people`);
  await page.locator('[data-testid="person-table"] tbody tr.ant-table-row').first().waitFor();
  await page.getByTestId('create-person').click();
  const name = `测试委员${RUN.slice(-4)}`;
  await page.getByLabel('姓名').fill(name);
  await pickCompound(page, 'person-home', RONGCHENG);
  await page.getByLabel('手机号').fill('13912345678');
  await page.getByTestId('save-person').click();
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  await page.getByTestId('person-name').getByText(name).waitFor();
  assert.equal(await page.getByTestId('masked-phone').innerText(), '139****5678');

  await page.getByTestId('unmask-person').click();
  await page.getByTestId('unmask-reason').fill('核实业委会委员联系方式');
  await page.getByTestId('unmask-submit').click();
  assert.equal(await page.getByTestId('unmasked-phone').innerText(), '13912345678');
  await settle(page);
  await shot(page, '58-person-unmasked');
  await page.getByTestId('unmask-close').click();
  await page.getByTestId('unmasked-phone').waitFor({ state: 'detached' });

  // Appoint them to 融城花苑's supervisory committee, then end the post.
  await page.getByTestId('appoint').click();
  await page.getByTestId('appoint-organisation').click();
  await page.keyboard.type('融城花苑业主监督');
  await page.locator(`${OPEN_POPUP} .ant-select-item-option[title="融城花苑业主监督委员会"]`).click();
  await page.getByTestId('appoint-title').fill('委员');
  await page.getByTestId('appoint-submit').click();
  const post = page.locator('[data-testid="post-table"] tbody tr.ant-table-row').filter({ hasText: '融城花苑业主监督委员会' });
  await post.getByTestId('post-state').getByText('在任').waitFor();
  await post.getByTestId('end-post').click();
  await pickDate(page, 'end-post-date', dayFromNow(1));
  await page.getByTestId('end-post-submit').click();
  await post.getByTestId('end-post').waitFor(); // ends tomorrow: still held today
  await post.getByText(dayFromNow(1)).waitFor();
  await messagesGone(page);
  await shot(page, '59-person-posts');
});

test("a second contract for 融城花苑 in the same period is refused under the compounds field", { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openMenu(page, '治理体系', '物业服务合同');
  await page.waitForURL(`${BASE_URL}/contracts`);
  await page.locator('[data-testid="contract-table"] tbody tr.ant-table-row').first().waitFor();
  await page.getByTestId('create-contract').click();
  await page.getByTestId('contract-company').click();
  await page.keyboard.type('恒泰');
  await page.locator(`${OPEN_POPUP} .ant-select-item-option`).first().click();
  await page.getByLabel('标题').fill(`重复合同 ${RUN}`);
  await pickDate(page, 'contract-start', dayFromNow(0));
  await pickDate(page, 'contract-end', dayFromNow(30));
  await page.getByTestId('contract-fee-input').fill('1.25');
  await pickCompound(page, 'contract-compounds', RONGCHENG);
  await page.keyboard.press('Escape');
  await page.getByTestId('save-contract').click();
  const field = page.locator('.ant-form-item').filter({ has: page.getByTestId('contract-compounds') });
  await field.locator('.ant-form-item-explain-error').filter({ hasText: '所选小区在该期间已有生效的物业服务合同' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/contracts/new', 'stays on the form');
  await shot(page, '60-contract-overlap');
});

test('a centre\'s opening hours and check-in radius are edited', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openMenu(page, '治理体系', '邻里中心');
  await page.waitForURL(`${BASE_URL}/centres`);
  const first = page.locator('[data-testid="centre-table"] tbody tr.ant-table-row').first();
  await first.getByRole('link').click();
  await page.waitForURL(/\/centres\/[0-9a-f-]{36}$/);
  await page.getByTestId('edit-centre').click();
  await page.getByTestId('hours-editor').waitFor();
  const radius = 100 + (Date.now() % 50) * 10;
  await page.getByTestId('centre-radius-input').fill(String(radius));
  // Sunday closed, Saturday 09:00–12:00.
  const sunday = page.getByTestId('hours-day-7');
  if ((await sunday.getByRole('switch').getAttribute('aria-checked')) === 'true') await sunday.getByRole('switch').click();
  const saturday = page.getByTestId('hours-day-6');
  if ((await saturday.getByRole('switch').getAttribute('aria-checked')) !== 'true') await saturday.getByRole('switch').click();
  const [opens, closes] = [saturday.locator('input').nth(0), saturday.locator('input').nth(1)];
  // Tab, not Enter, to leave a time (Enter would submit the form).
  await opens.click();
  await opens.fill('09:00');
  await opens.press('Tab');
  await closes.click();
  await closes.fill('12:00');
  await closes.press('Tab');
  await settle(page);
  await shot(page, '61-centre-hours-editor');
  await page.getByTestId('save-centre').click();
  await page.waitForURL(/\/centres\/[0-9a-f-]{36}$/);
  assert.equal(await page.getByTestId('centre-radius').innerText(), `${radius} 米`);
  const hours = page.getByTestId('hours-table');
  await hours.locator('tr').filter({ hasText: '星期六' }).getByText('09:00 – 12:00').waitFor();
  await hours.locator('tr').filter({ hasText: '星期日' }).getByText('休息').waitFor();
});

test('a centre someone else saved meanwhile is reloaded into the form, not overwritten', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openMenu(page, '治理体系', '邻里中心');
  await page.waitForURL(`${BASE_URL}/centres`);
  await page.locator('[data-testid="centre-table"] tbody tr.ant-table-row').nth(1).getByRole('link').click();
  await page.waitForURL(/\/centres\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.getByTestId('edit-centre').click();
  await page.getByTestId('hours-editor').waitFor();

  // Another clerk widens the check-in radius while this form is open.
  const theirs = await page.evaluate(async (centreId) => {
    const auth = { Authorization: `Bearer ${sessionStorage.getItem('linli.access_token')}` };
    const res = await fetch(`/api/v1/centres/${centreId}`, { headers: auth });
    const c = await res.json();
    const body = {
      community_id: c.community_id,
      name: c.name,
      address: c.address,
      location: c.location,
      geofence_radius_m: c.geofence_radius_m + 7,
      services: c.services,
      opening_hours: c.opening_hours,
    };
    const put = await fetch(`/api/v1/centres/${centreId}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': res.headers.get('etag') },
      body: JSON.stringify(body),
    });
    if (!put.ok) throw new Error(`PUT: HTTP ${put.status}`);
    return body.geofence_radius_m;
  }, id);

  await page.getByTestId('centre-radius-input').fill('555');
  await page.getByTestId('save-centre').click();
  await page.getByText('已被他人修改').first().waitFor();
  assert.ok(page.url().endsWith(`/centres/${id}/edit`), 'stays on the form');
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="centre-radius-input"]')?.value === String(want),
    theirs,
  );
  assert.equal((await apiGet(page, `/api/v1/centres/${id}`)).geofence_radius_m, theirs, 'their change stands');
});
