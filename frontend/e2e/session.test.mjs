import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, openBrowser, shot, signIn, submitSignIn } from './support.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('a wrong password shows 用户名或密码错误', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await submitSignIn(page, 'admin', 'not-the-password');
  await page.getByTestId('login-message').getByText('用户名或密码错误').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  await shot(page, '10-wrong-password');
});

test('an unusable access token is refreshed silently', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  const before = await page.evaluate(() => sessionStorage.getItem('linli.refresh_token'));
  await page.evaluate(() => sessionStorage.setItem('linli.access_token', 'not-a-valid-token'));
  await page.goto(`${BASE_URL}/compounds`);
  await page.locator('[data-testid="compound-table"] tbody tr.ant-table-row').first().waitFor();
  const after = await page.evaluate(() => ({
    access: sessionStorage.getItem('linli.access_token'),
    refresh: sessionStorage.getItem('linli.refresh_token'),
  }));
  assert.notEqual(after.access, 'not-a-valid-token');
  assert.notEqual(after.refresh, before, 'the refresh token rotates');
  await shot(page, '11-silently-refreshed');
});

test('when the session cannot be refreshed, sign-in asks again', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.evaluate(() => {
    sessionStorage.setItem('linli.access_token', 'not-a-valid-token');
    sessionStorage.setItem('linli.refresh_token', 'not-a-valid-refresh-token');
  });
  await page.goto(`${BASE_URL}/compounds`);
  await page.waitForURL(`${BASE_URL}/login`);
  await page.getByTestId('login-message').getByText('会话已过期，请重新登录').waitFor();
  await shot(page, '12-session-expired');
});
