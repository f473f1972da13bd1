// A complaint's whole life: a resident files it on their phone with a photo, the district
// admin accepts and assigns it, the self-managed compound's committee signs for it and
// resolves it, the resident rates it and it closes; the dashboard counts it.
// Writes to the demo database: one complaint `垃圾堆放 <run>` in 卫技新村.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { apiGet, BASE_URL, dialogOpened, messagesGone, openBrowser, pickOption, settle, shot, signIn } from './support.mjs';

const RUN = Date.now().toString(36);
const TITLE = `垃圾堆放 ${RUN}`;
const PHONE = { width: 390, height: 844 };

let browser;
let dir;
let png;
let fakeJpeg;
let complaint;

/** A valid 8×8 red PNG, made here so the test needs no fixture file. */
function tinyPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(8).fill([192, 57, 43]).flat())]);
  const pixels = Buffer.concat(Array(8).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

before(async () => {
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), 'linli-photos-'));
  png = join(dir, '现场.png');
  writeFileSync(png, tinyPng());
  fakeJpeg = join(dir, 'notes.jpg');
  writeFileSync(fakeJpeg, 'this is text, not a photo\n');
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits until the page's status tag reads `label`. */
async function statusIs(page, label) {
  await page.getByTestId('complaint-status').filter({ hasText: label }).first().waitFor();
}

/**
 * Clicks an allowed action, fills its dialog with `fill` once it has opened, and confirms.
 * When the dialog stays open, fails with what it shows rather than a bare timeout.
 */
async function act(page, action, fill = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  await dialogOpened(page, 'action-form');
  await fill();
  await page.getByTestId('action-submit').click();
  try {
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
  } catch (err) {
    const shown = await page.locator('.ant-form-item-explain-error, .ant-notification-notice, .ant-alert').allInnerTexts();
    throw new Error(`the ${action} dialog stayed open: ${JSON.stringify(shown)} (${err.message.split('\n')[0]})`);
  }
}

test('a resident files a complaint with a photo on a phone, staff handle it, the resident rates it', { timeout: 180_000 }, async () => {
  // 1. The resident, on a phone, lands on their own complaints.
  const resident = await browser.newPage();
  await resident.setViewportSize(PHONE);
  await signIn(resident, 'weiji.resident');
  await resident.waitForURL(`${BASE_URL}/my-complaints`);
  await resident.getByTestId('new-my-complaint').click();
  await resident.waitForURL(`${BASE_URL}/my-complaints/new`);
  assert.equal(await resident.getByTestId('my-photo').getAttribute('capture'), 'environment');
  assert.equal(await resident.getByTestId('my-photo').getAttribute('accept'), 'image/*');
  await pickOption(resident, 'complaint-category', '环境卫生');
  await resident.getByTestId('complaint-title').fill(TITLE);
  await resident.getByTestId('complaint-description').fill('3 栋 2 单元门口的垃圾已经堆了三天，没有人清运。');
  await resident.getByTestId('my-photo').setInputFiles(png);
  await resident.getByTestId('my-photo-name').getByText('现场.png').waitFor();
  await shot(resident, '60-resident-new-complaint');
  await resident.getByTestId('submit-my-complaint').click();
  await resident.waitForURL(/\/my-complaints\/[0-9a-f-]{36}$/);
  const id = resident.url().split('/').pop();
  complaint = await apiGet(resident, `/api/v1/complaints/${id}`);
  assert.equal(complaint.title, TITLE);
  assert.equal(complaint.attachments.length, 1, 'the photo was uploaded');
  await statusIs(resident, '待受理');
  const img = resident.getByTestId('complaint-photos').locator('img').first();
  await img.waitFor();
  const src = await img.getAttribute('src');
  assert.ok(src?.startsWith('blob:'), `photo shown from ${src}`);

  // A text file named .jpg is refused by the server (415), in words.
  await resident.getByTestId('photo-input').setInputFiles(fakeJpeg);
  await resident.locator('.ant-notification').getByText('只能上传 JPEG、PNG 或 WebP 图片').waitFor();
  await shot(resident, '61-resident-photo-refused');
  assert.equal((await apiGet(resident, `/api/v1/complaints/${id}`)).attachments.length, 1);

  // 2. The admin accepts it and assigns it to the routed handler.
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  await admin.goto(`${BASE_URL}/complaints?q=${complaint.number}`);
  await admin.getByTestId('complaint-table').getByText(complaint.number).click();
  await admin.waitForURL(`${BASE_URL}/complaints/${id}`);
  await admin.getByTestId('routing-rule').waitFor();
  await statusIs(admin, '待受理');
  await shot(admin, '62-admin-complaint');
  await act(admin, 'accept');
  await statusIs(admin, '已受理');
  await act(admin, 'assign', async () => {
    // The picker starts at the organisation the rules chose.
    await admin.getByTestId('action-form').getByText('卫技新村居民自治委员会').waitFor();
  });
  await statusIs(admin, '已派单');
  const assigned = await apiGet(admin, `/api/v1/complaints/${id}`);
  assert.equal(assigned.handler_org_name, '卫技新村居民自治委员会');
  assert.ok(assigned.sign_by, 'a signing deadline is set');
  await admin.getByTestId('complaint-header').getByText('签收剩').or(admin.getByTestId('overdue-tag')).first().waitFor();
  await messagesGone(admin);
  await shot(admin, '63-admin-assigned');

  // 3. The committee signs for it and resolves it.
  const committee = await browser.newPage();
  await signIn(committee, 'weiji.committee');
  await committee.goto(`${BASE_URL}/complaints`);
  await committee.getByTestId('complaint-table').getByText(complaint.number).waitFor();
  await shot(committee, '64-committee-inbox');
  await committee.goto(`${BASE_URL}/complaints/${id}`);
  assert.equal(await committee.getByTestId('action-accept').count(), 0, 'handlers cannot accept');
  await act(committee, 'sign');
  await statusIs(committee, '已签收');
  await act(committee, 'resolve', async () => {
    await committee.getByTestId('action-resolution').fill('已联系保洁公司清运，并在门口增设垃圾桶。');
  });
  await statusIs(committee, '已办结');
  await messagesGone(committee);
  await shot(committee, '65-committee-resolved');

  // 4. The resident rates it 5 stars on the phone: it closes.
  await resident.goto(`${BASE_URL}/my-complaints/${id}`);
  await resident.getByTestId('rate-prompt').waitFor();
  await resident.getByTestId('action-review').click();
  await resident.getByTestId('action-form').waitFor();
  await resident.locator('.ant-modal .ant-rate-star').nth(4).click();
  await resident.getByTestId('action-comment').fill('处理及时，很满意');
  await settle(resident);
  await shot(resident, '66-resident-rating');
  await resident.getByTestId('action-submit').click();
  await statusIs(resident, '已关闭');
  const closed = await apiGet(resident, `/api/v1/complaints/${id}`);
  assert.equal(closed.status, 'closed');
  assert.equal(closed.rating, 5);
  await resident.getByTestId('complaint-timeline').getByText('回访评价').waitFor();
  await messagesGone(resident);
  await shot(resident, '67-resident-closed');
  await resident.goto(`${BASE_URL}/my-complaints`);
  await resident.getByTestId('my-complaint').filter({ hasText: TITLE }).getByText('已关闭').waitFor();
  await shot(resident, '68-resident-list');

  // 5. The admin's dashboard counts it, as the statistics say.
  await admin.goto(`${BASE_URL}/dashboard`);
  await admin.getByTestId('complaints-section').waitFor();
  await admin.locator('[data-testid="complaints-subdistrict-chart"] canvas').first().waitFor();
  const stats = await apiGet(admin, '/api/v1/stats/complaints');
  const volume = stats.reduce((n, g) => n + g.volume, 0);
  assert.ok(volume >= 1, 'the statistics count the complaint');
  const zuojiatang = stats.find((g) => g.name === '左家塘街道');
  assert.ok(zuojiatang && zuojiatang.resolved >= 1 && zuojiatang.rated >= 1, '左家塘街道 has the resolved, rated complaint');
  await admin.getByTestId('tile-complaints-open').getByText(`诉求总量 ${volume} 件`).waitFor();
  const rated = stats.reduce((n, g) => n + g.rated, 0);
  await admin.getByTestId('tile-complaints-satisfaction').getByText(`已评价 ${rated} 件`).waitFor();
  await admin.getByTestId('complaints-section').scrollIntoViewIfNeeded();
  await admin.waitForTimeout(1200); // let the bars finish growing before the picture
  await shot(admin, '69-dashboard-complaints');
});

test('a category switched off stays on the settings page and can be switched back on', { timeout: 90_000 }, async () => {
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  const active = async () => (await apiGet(admin, '/api/v1/complaint-categories')).map((c) => c.code);
  assert.ok((await active()).includes('greening'));

  /** Opens 绿化 in the settings dialog, flips its switch and saves. */
  async function toggleGreening() {
    await admin.goto(`${BASE_URL}/complaint-settings`);
    await admin.getByTestId('edit-category-greening').click();
    const toggle = admin.locator('.ant-modal .ant-switch');
    await dialogOpened(admin, 'save-category');
    const flipped = (await toggle.getAttribute('aria-checked')) === 'true' ? 'false' : 'true';
    await toggle.click();
    await admin.locator(`.ant-modal .ant-switch[aria-checked="${flipped}"]`).waitFor();
    await admin.getByTestId('save-category').click();
    await admin.locator('.ant-modal').waitFor({ state: 'hidden' });
  }

  await toggleGreening();
  try {
    // Gone from the forms' list, still listed (as inactive) for whoever configures.
    assert.ok(!(await active()).includes('greening'));
    const all = await apiGet(admin, '/api/v1/complaint-categories?all=true');
    assert.equal(all.find((c) => c.code === 'greening')?.active, false);
    const row = admin.getByTestId('category-table').locator('tr', { hasText: 'greening' });
    await row.getByText('否').waitFor();
  } finally {
    await toggleGreening();
  }
  assert.ok((await active()).includes('greening'));
  await admin.close();
});
