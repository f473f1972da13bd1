// Volunteer service end to end: the volunteer checks in on the phone page at today's
// activity by location and checks out, the team leader verifies the hours on their phone,
// the volunteer sees them verified and the district's dashboard counts them. Also: a
// position far away is refused with the distance; the centre's QR screen shows a code that
// changes, and the code checks a volunteer in; a check-in made offline waits as 待同步
// and is uploaded when the phone is back online.
// Writes to the demo database: check-ins of `volunteer` at today's activity at 融城社区邻里中心.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  apiGet,
  BASE_URL,
  dayFromNow,
  messagesGone,
  OPEN_POPUP,
  OPENED,
  openBrowser,
  serverNow,
  settle,
  shot,
  signIn,
  TIME_ZONE,
  useServerClock,
} from './support.mjs';

const PHONE = { width: 390, height: 844 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CENTRE = '融城社区邻里中心';

let browser; // staff: the shared persistent profile of the suite
let phoneBrowser; // phones: a browser of their own, each context with its own position
let phone; // the volunteer's phone context
let volunteer; // the volunteer's page
let admin;
let activity; // today's activity at the centre, open for check-in now
let centre;

/** A phone: its own context with a position (at the centre unless told), touch and a small screen. */
async function newPhone(position) {
  const context = await phoneBrowser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: TIME_ZONE,
    geolocation: position,
    permissions: ['geolocation'],
  });
  context.setDefaultTimeout(20_000);
  await useServerClock(context);
  return context;
}

async function phonePage(context, username) {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await signIn(page, username);
  await page.goto(`${BASE_URL}/my-volunteering`);
  await page.getByTestId('check-in-card').waitFor();
  return page;
}

/** The position at the centre (accuracy 15 m). */
function atCentre() {
  return { latitude: centre.location.lat, longitude: centre.location.lon, accuracy: 15 };
}

/** POSTs as the page's signed-in user, for tidying up what a test left. */
async function apiPost(page, path, body) {
  return page.evaluate(
    async ({ p, b }) => {
      const res = await fetch(p, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('linli.access_token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(b),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { p: path, b: body },
  );
}

async function stats() {
  return apiGet(admin, '/api/v1/stats/volunteering');
}

async function latestOwnCheckIn() {
  const mine = await apiGet(volunteer, '/api/v1/check-ins?mine=true&limit=5');
  return mine.items[0];
}

before(async () => {
  browser = await openBrowser();
  phoneBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  admin = await browser.newPage();
  await signIn(admin, 'admin');
  // The volunteer's activity today at the centre, going on now; the centre's position.
  phone = await newPhone(undefined);
  volunteer = await phonePage(phone, 'volunteer');
  const { items } = await apiGet(volunteer, '/api/v1/activities');
  const now = serverNow();
  activity = items.find(
    (a) => a.place_name === CENTRE && a.signed_up_by_me && a.status === 'open' && Date.parse(a.starts_at) <= now && Date.parse(a.ends_at) > now + 5 * 60_000,
  );
  if (!activity) {
    // Outside the demo's shifts (08:30–23:30 China time): staff put one on now for the same team.
    const model = items.find((a) => a.place_name === CENTRE && a.team_id);
    assert.ok(model, 'the demo volunteer has activities of their team at 融城社区邻里中心');
    const created = await apiPost(admin, '/api/v1/activities', {
      title: '夜间值守（测试）',
      team_id: model.team_id,
      centre_id: model.centre_id,
      starts_at: new Date(now).toISOString(),
      ends_at: new Date(now + 3 * 3_600_000).toISOString(),
      capacity: 10,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const signed = await apiPost(volunteer, `/api/v1/activities/${created.body.id}/signups`, {});
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    activity = signed.body;
  }
  assert.ok(activity, 'the demo volunteer has an activity at 融城社区邻里中心 open for check-in now');
  centre = await apiGet(admin, `/api/v1/centres/${activity.centre_id}`);
  assert.equal(centre.name, CENTRE);
  await phone.setGeolocation(atCentre());
  // Left over from an earlier run: start checked out.
  const me = await apiGet(volunteer, '/api/v1/me/volunteering');
  if (me.open_check_in) await apiPost(volunteer, '/api/v1/check-ins/check-out', {});
  await volunteer.reload();
  await volunteer.getByTestId('check-in-form').waitFor();
});

after(async () => {
  await phone?.close();
  await phoneBrowser?.close();
  await browser?.close();
});

test('a position far from the centre is refused with the distance', async () => {
  // About 2 km north of the centre.
  await phone.setGeolocation({ latitude: centre.location.lat + 0.018, longitude: centre.location.lon, accuracy: 15 });
  await volunteer.getByTestId('check-in-activity').waitFor();
  await volunteer.getByTestId('check-in-location').click();
  const refusal = volunteer.getByTestId('refusal');
  await refusal.waitFor();
  const text = await refusal.innerText();
  assert.match(text, /不在签到范围内/);
  assert.match(text, /约 \d{3,5} 米/, `the refusal gives the distance: ${text}`);
  await shot(volunteer, 'volunteering-01-phone-outside-geofence');
  assert.equal(await volunteer.getByTestId('checked-in').count(), 0);
  await phone.setGeolocation(atCentre());
});

test('the volunteer checks in and out on the phone, the leader verifies, the dashboard counts it', async () => {
  const before = await stats();

  // Check in at today's activity by position.
  await volunteer.reload();
  const picker = volunteer.getByTestId('check-in-activity');
  await picker.waitFor();
  await picker.click();
  await volunteer.locator(`${OPEN_POPUP} .ant-select-item-option`).filter({ hasText: activity.title }).first().click();
  await volunteer.getByTestId('check-in-location').click();
  await volunteer.getByTestId('checked-in').waitFor();
  assert.match(await volunteer.getByTestId('check-in-state').innerText(), /已签到/);
  await volunteer.waitForFunction(() => /^0:00:0[1-9]|^0:00:[1-5]\d/.test(document.querySelector('[data-testid="elapsed"]')?.textContent ?? ''));
  await messagesGone(volunteer);
  await shot(volunteer, 'volunteering-02-phone-checked-in');
  const open = await latestOwnCheckIn();
  assert.equal(open.activity_id, activity.id);
  assert.equal(open.method, 'geofence');
  assert.equal(open.checked_out_at ?? null, null);
  assert.equal((await stats()).open_check_ins, before.open_check_ins + 1);

  // Check out: the minutes served (0 here) and 已签退.
  await volunteer.getByTestId('check-out').click();
  const done = volunteer.getByTestId('checked-out');
  await done.waitFor();
  assert.match(await done.innerText(), /已签退，本次服务 \d+ 分钟/);
  assert.match(await done.innerText(), /待核验/);
  const closed = await latestOwnCheckIn();
  assert.equal(closed.id, open.id);
  assert.ok(closed.checked_out_at);
  assert.equal(closed.verification, 'pending');
  const afterOut = await stats();
  assert.equal(afterOut.open_check_ins, before.open_check_ins);
  assert.equal(afterOut.awaiting_verification, before.awaiting_verification + 1);
  await volunteer.getByTestId('my-check-in').first().waitFor();
  assert.equal(await volunteer.getByTestId('my-check-in').first().getAttribute('data-id'), closed.id);
  await messagesGone(volunteer);
  await shot(volunteer, 'volunteering-03-phone-checked-out');

  // The team leader verifies it on their phone.
  const leaderPhone = await newPhone(atCentre());
  try {
    const leader = await phonePage(leaderPhone, 'team.leader');
    const item = leader.locator(`[data-testid="leader-item"][data-id="${closed.id}"]`);
    await item.waitFor();
    assert.match(await item.innerText(), new RegExp(closed.person_name));
    await shot(leader, 'volunteering-04-leader-queue');
    await item.getByTestId('verify-accept').click();
    await item.waitFor({ state: 'detached' });
  } finally {
    await leaderPhone.close();
  }

  // The volunteer sees the hours verified.
  await volunteer.reload();
  const row = volunteer.locator(`[data-testid="my-check-in"][data-id="${closed.id}"]`);
  await row.waitFor();
  assert.match(await row.getByTestId('verification-tag').innerText(), /已核验/);
  await shot(volunteer, 'volunteering-05-phone-verified');
  const verified = await latestOwnCheckIn();
  assert.equal(verified.verification, 'verified');

  // The district's dashboard counts it: one fewer awaiting verification, the verified hours shown.
  const now = await stats();
  assert.equal(now.awaiting_verification, before.awaiting_verification);
  const verifiedMinutes = now.hours_by_month.reduce((n, m) => n + m.verified_minutes, 0);
  assert.ok(verifiedMinutes > 0, 'the demo has verified hours');
  await admin.goto(`${BASE_URL}/volunteering`);
  await admin.getByTestId('volunteering-dashboard').waitFor();
  assert.equal(await admin.getByTestId('awaiting-verification').innerText(), String(now.awaiting_verification));
  assert.equal(await admin.getByTestId('open-check-ins').innerText(), String(now.open_check_ins));
  assert.equal(await admin.getByTestId('verified-hours').innerText(), (Math.round(verifiedMinutes / 6) / 10).toFixed(1));
  assert.equal(await admin.getByTestId('reported-members').innerText(), now.reported_members.toLocaleString('en-US'));
  await admin.getByTestId('chart-months').locator('canvas').first().waitFor();
  await admin.waitForTimeout(1500); // the bars grow in
  const counted = await apiGet(admin, `/api/v1/check-ins?person_id=${verified.person_id}&verification=verified&limit=1000`);
  assert.ok(counted.items.some((c) => c.id === closed.id), 'the verified check-in counts for the district');
  await settle(admin);
  await shot(admin, 'volunteering-06-dashboard');
});

test('the centre’s QR screen shows a code that changes, and the code checks a volunteer in', async () => {
  const qrRequests = [];
  admin.on('request', (r) => {
    if (r.url().includes(`/api/v1/centres/${centre.id}/qr`)) qrRequests.push(Date.now());
  });
  // From the centres tab: find the centre, open its screen.
  await admin.goto(`${BASE_URL}/volunteering?tab=centres`);
  await admin.getByTestId('centre-search').locator('input').fill(CENTRE);
  await admin.getByTestId('centre-search').locator('input').press('Enter');
  const row = admin.getByTestId('centre-row').filter({ hasText: CENTRE });
  await row.first().waitFor();
  await row.first().getByTestId('centre-qr').click();
  await admin.waitForURL(`**/volunteering/centres/${centre.id}/qr`);
  const code = admin.getByTestId('qr-code');
  await code.locator('canvas').waitFor();
  await admin.waitForFunction(() => document.querySelector('[data-testid="qr-code"]')?.getAttribute('data-token'));
  assert.equal(await admin.getByTestId('qr-centre-name').innerText(), CENTRE);
  assert.match(await admin.getByTestId('qr-instructions').innerText(), /请用手机打开 邻里 → 我的志愿服务 → 扫码签到/);
  assert.match(await admin.getByTestId('qr-countdown').innerText(), /\d+ 秒后更新二维码/);
  const first = await code.getAttribute('data-token');
  const qr = await apiGet(admin, `/api/v1/centres/${centre.id}/qr`);
  assert.equal(qr.refresh_in_seconds, 30);
  await shot(admin, 'volunteering-07-qr-screen');

  // The volunteer checks in with the code on the screen (typed in: no camera here).
  await volunteer.reload();
  await volunteer.getByTestId('check-in-qr').click();
  await volunteer.getByTestId('qr-token-input').fill(first);
  await shot(volunteer, 'volunteering-08-phone-scan');
  await volunteer.getByTestId('qr-token-submit').click();
  await volunteer.getByTestId('checked-in').waitFor();
  const byQr = await latestOwnCheckIn();
  assert.equal(byQr.method, 'qr');
  assert.equal(byQr.checked_out_at ?? null, null);
  await volunteer.getByTestId('check-out').click();
  await volunteer.getByTestId('checked-out').waitFor();

  // The screen fetches a new code every 30 seconds.
  const fetched = qrRequests.length;
  await admin.waitForFunction(
    (old) => {
      const now = document.querySelector('[data-testid="qr-code"]')?.getAttribute('data-token');
      return now && now !== old;
    },
    first,
    { timeout: 45_000 },
  );
  assert.ok(qrRequests.length > fetched, 'the screen fetched the code again');
  assert.notEqual(await code.getAttribute('data-token'), first);
});

test('offline, a check-in waits as 待同步 and is uploaded when the phone is back online', async () => {
  await volunteer.reload();
  await volunteer.getByTestId('check-in-form').waitFor();
  await phone.setOffline(true);
  try {
    await volunteer.waitForFunction(() => !navigator.onLine);
    await volunteer.getByTestId('online-state').filter({ hasText: '离线' }).waitFor();
    await volunteer.getByTestId('check-in-location').click();
    await volunteer.getByTestId('pending-sync').waitFor();
    await volunteer.getByTestId('local-pending').waitFor();
    assert.match(await volunteer.getByTestId('check-in-state').innerText(), /已签到/);
    assert.equal(await volunteer.getByTestId('sync-item').count(), 1);
    // Checked out offline as well: both wait, in order.
    await volunteer.getByTestId('check-out').click();
    await volunteer.getByTestId('sync-item').nth(1).waitFor();
    const queued = await volunteer.evaluate(() =>
      Object.entries(localStorage)
        .filter(([k]) => k.startsWith('linli.volunteering.queue.'))
        .flatMap(([, v]) => JSON.parse(v)),
    );
    assert.deepEqual(
      queued.map((q) => q.kind),
      ['check_in', 'check_out'],
    );
    assert.equal(queued[1].check_in_client_id, queued[0].client_id);
    assert.equal(queued[0].activity_id, activity.id);
    await messagesGone(volunteer);
    await shot(volunteer, 'volunteering-09-phone-offline-queue');
  } finally {
    await phone.setOffline(false);
  }

  // Back online: the queue goes up by itself.
  await volunteer.getByTestId('sync-card').waitFor({ state: 'detached', timeout: 40_000 });
  await volunteer.getByTestId('check-in-form').waitFor();
  const uploaded = await latestOwnCheckIn();
  assert.ok(uploaded.client_id, 'the check-in came from the phone’s queue');
  assert.equal(uploaded.activity_id, activity.id);
  assert.ok(uploaded.checked_out_at, 'and its check-out too');
  const left = await volunteer.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('linli.volunteering.queue.')));
  assert.deepEqual(left, []);
  await volunteer.locator(`[data-testid="my-check-in"][data-id="${uploaded.id}"]`).waitFor();
  await shot(volunteer, 'volunteering-10-phone-synced');
});

test('staff create an activity, the volunteer signs up on the phone, staff cancel it', async () => {
  const title = `助老志愿活动 ${Date.now().toString(36)}`;
  const day = dayFromNow(2); // the day after tomorrow
  await admin.goto(`${BASE_URL}/volunteering?tab=activities`);
  await admin.getByTestId('new-activity').click();
  const form = admin.getByTestId('activity-form');
  await form.waitFor();
  await admin.getByTestId('activity-title').fill(title);
  await admin.getByTestId('activity-centre').click();
  await admin.keyboard.type(CENTRE);
  await admin.locator(`${OPEN_POPUP} .ant-select-item-option[title="${CENTRE}"]`).click();
  const [start, end] = await form.locator('.ant-picker-range input').all();
  await start.click();
  await start.fill(`${day} 09:00`);
  await start.press('Enter');
  await end.fill(`${day} 11:00`);
  await end.press('Enter');
  await admin.getByTestId('activity-capacity').fill('2');
  await settle(admin);
  await shot(admin, 'volunteering-11-activity-form');
  await admin.getByTestId('activity-save').click();
  await admin.getByTestId('activity-title').filter({ hasText: title }).waitFor();
  const id = admin.url().split('/').pop();
  assert.match(await admin.getByTestId('capacity').innerText(), /已报名 0 \/ 2/);

  // The volunteer signs up on the phone.
  await volunteer.reload();
  const card = volunteer.getByTestId('my-activity').filter({ hasText: title });
  await card.waitFor();
  await card.getByTestId('sign-up').click();
  await card.getByTestId('cancel-sign-up').waitFor();
  assert.match(await card.getByTestId('capacity').innerText(), /已报名 1 \/ 2/);
  const signed = await apiGet(volunteer, `/api/v1/activities/${id}`);
  assert.equal(signed.signed_up_by_me, true);
  assert.equal(signed.signed_up, 1);

  // Staff see the place taken, then cancel the activity.
  await admin.reload();
  assert.match(await admin.getByTestId('capacity').innerText(), /已报名 1 \/ 2/);
  await admin.getByTestId('cancel-activity').click();
  await admin.locator(`.ant-popconfirm${OPENED} .ant-btn-primary`).click();
  await admin.getByTestId('activity-phase').filter({ hasText: '已取消' }).waitFor();
  assert.equal((await apiGet(admin, `/api/v1/activities/${id}`)).status, 'cancelled');
  await shot(admin, 'volunteering-12-activity-cancelled');

  // The team of today's activity: its members with roles and hours.
  await admin.goto(`${BASE_URL}/volunteering/teams/${activity.team_id}`);
  await admin.getByTestId('member-row').first().waitFor();
  const members = await apiGet(admin, `/api/v1/volunteer-teams/${activity.team_id}/members`);
  assert.equal(await admin.getByTestId('member-row').count(), members.items.length);
  assert.ok(members.items.some((m) => m.role === 'leader'));
  await shot(admin, 'volunteering-13-team');
});

test('a member asks to report to 融城花苑 on the phone; the party secretary confirms and declines reports', async () => {
  const secretary = await browser.newPage();
  try {
    await signIn(secretary, 'rongcheng.secretary');
    await secretary.goto(`${BASE_URL}/volunteering?tab=reports`);
    await secretary.getByTestId('report-table').waitFor();
    const waiting = (await apiGet(secretary, '/api/v1/reports?status=requested')).items;
    assert.ok(waiting.length >= 1, 'the demo has a report waiting for 融城花苑’s secretary');
    await secretary.getByTestId('report-row').first().waitFor();
    assert.equal(await secretary.getByTestId('report-row').count(), waiting.length);
    await shot(secretary, 'volunteering-14-reports');

    // Confirm the one waiting.
    const [first] = waiting;
    const row1 = secretary.getByTestId('report-row').filter({ hasText: first.person_name }).first();
    await row1.getByTestId('report-confirm').click();
    await secretary.locator(`.ant-popconfirm${OPENED} .ant-btn-primary`).click();
    await row1.waitFor({ state: 'detached' });
    const confirmed = (await apiGet(secretary, '/api/v1/reports?status=confirmed')).items.find((r) => r.id === first.id);
    assert.ok(confirmed, 'the report is confirmed');

    // The volunteer ends their report and asks again on the phone.
    await volunteer.reload();
    const card = volunteer.getByTestId('my-report');
    await card.getByTestId('report-end').click();
    await volunteer.locator(`.ant-popconfirm${OPENED} .ant-btn-primary`).click();
    await card.getByTestId('report-form').waitFor();
    await volunteer.getByTestId('report-compound').click();
    await volunteer.keyboard.type('融城花苑');
    await volunteer.locator(`${OPEN_POPUP} .ant-select-item-option[title="融城花苑"]`).click();
    await card.getByTestId('report-submit').click();
    await card.getByTestId('report-status').filter({ hasText: '待确认' }).waitFor();
    await messagesGone(volunteer);
    await shot(volunteer, 'volunteering-15-phone-report-requested');
    const mine = await apiGet(volunteer, '/api/v1/me/volunteering');
    assert.equal(mine.report.status, 'requested');
    assert.equal(mine.report.compound_name, '融城花苑');

    // The secretary declines it: the reason is required.
    await secretary.reload();
    const row2 = secretary.getByTestId('report-row').filter({ hasText: mine.report.person_name }).first();
    await row2.getByTestId('report-decline').click();
    await secretary.getByTestId('reason-ok').click();
    await secretary.locator('.ant-form-item-explain-error').filter({ hasText: '此项为必填项' }).waitFor();
    await secretary.getByTestId('reason-input').fill('请先在原小区结束报到');
    await secretary.getByTestId('reason-ok').click();
    await row2.waitFor({ state: 'detached' });
    await volunteer.reload();
    await card.getByTestId('report-status').filter({ hasText: '未通过' }).waitFor();
    assert.match(await card.innerText(), /请先在原小区结束报到/);

    // The quarterly feedback to employers, as CSV.
    await secretary.goto(`${BASE_URL}/volunteering?tab=employer`);
    const [download] = await Promise.all([secretary.waitForEvent('download'), secretary.getByTestId('employer-download').click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
  } finally {
    await secretary.close();
  }
});

test('the volunteer issues a service certificate, prints it and anyone can check its code', async () => {
  await volunteer.reload();
  const card = volunteer.getByTestId('my-certificate');
  await card.scrollIntoViewIfNeeded();
  await card.getByTestId('cert-issue').click();
  const result = card.getByTestId('cert-result');
  await result.waitFor();
  const code = (await result.getByTestId('cert-code').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{12}$/);
  assert.match(await result.innerText(), /已开具：累计 \d+\.\d 小时，\d+ 次活动/);
  const link = await result.getByTestId('cert-verify-link').getAttribute('href');
  assert.equal(link, `${BASE_URL}/api/v1/public/service-certificates/${code}`);
  await shot(volunteer, 'volunteering-16-phone-certificate');

  // Checked without signing in.
  const res = await fetch(link);
  assert.equal(res.status, 200);
  const checked = await res.json();
  assert.equal(checked.code, code);

  // The printable page, read with the token, opens in a new window.
  const [popup] = await Promise.all([volunteer.waitForEvent('popup'), result.getByTestId('cert-print').click()]);
  await popup.waitForFunction(() => document.body?.innerText.includes('志愿服务证明'));
  assert.match(await popup.content(), new RegExp(code));
  await popup.close();
});
