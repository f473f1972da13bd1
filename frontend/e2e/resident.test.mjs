import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, menuEntries, openBrowser, shot, signIn } from './support.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('a resident is offered no administration', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'weiji.resident');
  await page.waitForLoadState('networkidle');
  const entries = await menuEntries(page);
  assert.ok(!entries.includes('区域'), `menu offers ${entries.join(', ')}`);
  assert.ok(!entries.includes('仪表盘'), `menu offers ${entries.join(', ')}`);
  // A resident's home is their own complaints, not the staff inbox.
  assert.ok(entries.includes('我的诉求'), `menu offers ${entries.join(', ')}`);
  assert.ok(!entries.includes('诉求'), `menu offers ${entries.join(', ')}`);
  await page.waitForURL(`${BASE_URL}/my-complaints`);
  if (entries.includes('小区')) {
    // Residents may read their own compound, but not register or export compounds.
    await page.goto(`${BASE_URL}/compounds`);
    await page.locator('[data-testid="compound-table"] tbody tr.ant-table-row').first().waitFor();
    assert.equal(await page.getByTestId('create-compound').count(), 0);
    assert.equal(await page.getByTestId('export-csv').count(), 0);
    assert.equal(await page.getByTestId('filter-area').count(), 0);
  }
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-roles').getByTestId('role-tag').filter({ hasText: '居民' }).waitFor();
  await shot(page, '20-resident-home');
  await page.keyboard.press('Escape');

  // Typing the address of the area page does not help.
  await page.goto(`${BASE_URL}/areas`);
  await page.getByText('您没有权限查看此页面。').waitFor();
  assert.equal(await page.getByTestId('create-area').count(), 0);
  assert.equal(await page.getByTestId('edit-area').count(), 0);
  await shot(page, '21-resident-areas-forbidden');

  // Nor does the compound form.
  await page.goto(`${BASE_URL}/compounds/new`);
  await page.getByText('您没有权限查看此页面。').waitFor();
  assert.equal(await page.getByTestId('compound-form').count(), 0);
  assert.equal(await page.getByTestId('create-compound').count(), 0);
});
