import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, chooseFromMenu, menuEntries, openBrowser, shot, signIn } from './support.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('admin sees the dashboard, filters compounds and opens 卫技新村', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');

  // Dashboard: tiles and the stacked bar chart drawn on a canvas.
  await page.waitForURL(`${BASE_URL}/dashboard`);
  await page.locator('[data-testid="mode-chart"] canvas').first().waitFor();
  const total = await page.getByTestId('tile-total').locator('.ant-statistic-content-value').innerText();
  assert.ok(Number(total.replace(/[^\d]/g, '')) > 0, `total compounds tile shows ${total}`);
  assert.deepEqual(await menuEntries(page), ['仪表盘', '区域', '小区', '诉求', '治理体系', '公共收益与审计', '志愿服务', '津贴', '系统管理']);
  await page.waitForTimeout(1200); // let the bars finish growing before the picture
  await shot(page, '01-admin-dashboard');

  // The user menu names the role in Chinese.
  await page.getByTestId('user-menu').click();
  const roles = page.getByTestId('user-roles');
  await roles.getByTestId('role-tag').filter({ hasText: '区级管理员' }).waitFor();
  await roles.getByText('雨花区').waitFor();
  await shot(page, '02-admin-user-menu');
  await page.keyboard.press('Escape');

  // Compounds list, filtered to self-managed compounds.
  await page.getByTestId('side-menu').getByText('小区').click();
  await page.waitForURL(`${BASE_URL}/compounds`);
  const rows = page.locator('[data-testid="compound-table"] tbody tr.ant-table-row');
  await rows.first().waitFor();
  await page.getByTestId('filter-mode').click();
  await page.locator('.ant-select-item-option[title="自管小区"]').click();
  await page.waitForURL(/governance_mode=self_managed/);
  await page.waitForFunction(() => {
    const tags = [...document.querySelectorAll('[data-testid="compound-table"] tbody [data-mode]')];
    return tags.length > 0 && tags.every((t) => t.getAttribute('data-mode') === 'self_managed');
  });
  await shot(page, '03-compounds-self-managed');

  // The CSV export downloads through the API client, with the same filters.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const csvPath = await download.path();
  assert.ok(csvPath, 'the CSV was saved');

  // Narrow by name and open the compound.
  const name = page.getByTestId('filter-name').locator('input');
  await name.fill('卫技');
  await name.press('Enter');
  await page.waitForURL(/name=/);
  const link = page.locator('[data-testid="compound-table"]').getByRole('link', { name: '卫技新村', exact: true });
  await link.click();
  await page.waitForURL(/\/compounds\/[^/?]+$/);
  await page.getByTestId('compound-name').getByText('卫技新村').waitFor();
  await page.getByText('自管小区').first().waitFor();
  await shot(page, '04-compound-detail');
});

test('the server\'s validation errors appear under the form fields', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.goto(`${BASE_URL}/compounds?name=${encodeURIComponent('卫技新村')}`);
  await page.locator('[data-testid="compound-table"]').getByRole('link', { name: '卫技新村', exact: true }).click();
  await page.getByRole('button', { name: '编辑' }).click();
  const buildings = page.getByLabel('楼栋数');
  await buildings.waitFor();
  await page.waitForFunction(() => document.querySelector('#name')?.value === '卫技新村');
  // Over the register's limit: only the server knows it, and it stores nothing.
  await buildings.fill('20000');
  await page.getByTestId('save-compound').click();
  const item = page.locator('.ant-form-item').filter({ has: page.locator('#building_count') });
  await item.locator('.ant-form-item-explain-error').filter({ hasText: '楼栋数须在 0 到 10000 之间' }).waitFor();
  assert.ok(new URL(page.url()).pathname.endsWith('/edit'), 'stays on the form');
  await shot(page, '08-server-validation');
});

test('admin browses the area tree', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.getByTestId('side-menu').getByText('区域').click();
  await page.waitForURL(`${BASE_URL}/areas`);
  const tree = page.getByTestId('area-tree');
  await tree.getByText('雨花区').click();
  await page.getByTestId('create-area').waitFor();
  // Open the district: its subdistricts load on demand.
  await tree.locator('.ant-tree-switcher').first().click();
  await tree.getByText('侯家塘街道').waitFor();
  await shot(page, '05-area-tree');
});

test('switching the language to English translates the shell', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await chooseFromMenu(page, 'language-switch', 'English');
  await page.getByTestId('side-menu').getByText('Compounds').waitFor();
  await shot(page, '06-english');
  await chooseFromMenu(page, 'language-switch', '中文');
  await page.getByTestId('side-menu').getByText('小区').waitFor();
});

test('signing out returns to the sign-in page', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await chooseFromMenu(page, 'user-menu', '退出登录');
  await page.waitForURL(`${BASE_URL}/login`);
  await page.getByTestId('login-message').getByText('您已安全退出').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('linli.access_token')), null);
  await shot(page, '07-signed-out');
});
