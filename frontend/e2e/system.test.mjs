import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  chooseFromMenu,
  clickInDialog,
  dialogOpened,
  menuEntries,
  openBrowser,
  openMenu,
  OPEN_POPUP,
  pickArea,
  pickOption,
  settle,
  shot,
  signIn,
  submitSignIn,
} from './support.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

// The demo data persists between runs: a suffix keeps the usernames unique.
const RUN = Date.now().toString(36);
const CLERK = {
  username: `e2e.clerk.${RUN}`,
  displayName: '测试社区干事',
  phone: '13812345678',
  password: `Clerk-${RUN}-pass`,
  newPassword: `Clerk-${RUN}-new!`,
};
const ZIYUAN = ['雨花区', '侯家塘街道', '梓园社区'];
let clerkId;

test('admin creates a community clerk, sees the phone masked and unmasks it with a reason', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  assert.deepEqual(await menuEntries(page), ['仪表盘', '区域', '小区', '诉求', '治理体系', '公共收益与审计', '志愿服务', '津贴', '系统管理']);
  await openMenu(page, '系统管理', '用户管理');
  await page.waitForURL(`${BASE_URL}/users`);
  assert.deepEqual(await menuEntries(page), ['仪表盘', '区域', '小区', '诉求', '治理体系', '公共收益与审计', '志愿服务', '津贴', '系统管理', '用户管理', 'API 密钥', '审计日志', '诉求类别与工作日历']);
  await page.locator('[data-testid="user-table"] tbody tr.ant-table-row').first().waitFor();
  await shot(page, '30-users-list');

  // Create the user with one grant: community staff over 梓园社区.
  await page.getByTestId('create-user').click();
  await page.waitForURL(`${BASE_URL}/users/new`);
  await page.getByLabel('用户名').fill(CLERK.username);
  await page.getByLabel('姓名').fill(CLERK.displayName);
  await page.getByLabel('初始密码').fill(CLERK.password);
  await page.getByLabel('手机号').fill(CLERK.phone);
  await pickOption(page, 'grant-role-0', '社区工作人员');
  await pickArea(page, 'grant-area-0', ZIYUAN);
  await shot(page, '31-user-form');
  await page.getByTestId('save-user').click();
  await page.waitForURL(/\/users\/[0-9a-f-]{36}$/);
  clerkId = new URL(page.url()).pathname.split('/').pop();
  await page.getByTestId('user-username').getByText(CLERK.username).waitFor();
  await page.getByTestId('grant-table').getByText('梓园社区').waitFor();
  assert.equal(await page.getByTestId('masked-phone').innerText(), '138****5678');
  await shot(page, '32-user-detail');

  // The list shows the phone masked, with the role in Chinese.
  await page.goto(`${BASE_URL}/users?q=${encodeURIComponent(CLERK.username)}`);
  const row = page.locator('[data-testid="user-table"] tbody tr.ant-table-row').filter({ hasText: CLERK.username });
  await row.waitFor();
  assert.equal(await row.getByTestId('masked-phone').innerText(), '138****5678');
  await row.getByTestId('grant-tag').filter({ hasText: '社区工作人员 · 梓园社区' }).waitFor();
  assert.ok(!(await page.locator('[data-testid="user-table"]').innerText()).includes(CLERK.phone), 'no full number in the list');
  await shot(page, '33-users-masked');

  // Unmask: a reason is required; the number appears in the dialog only.
  await row.getByTestId('unmask-phone').click();
  // Submit only once the dialog has finished opening: a click during its zoom can
  // land before the form is in place, and then no validation runs.
  await page.getByTestId('unmask-reason').waitFor();
  await settle(page);
  await page.getByTestId('unmask-submit').click();
  await page.getByTestId('unmask-form').locator('.ant-form-item-explain-error').filter({ hasText: '请填写 4 到 200 个字的查看原因' }).waitFor();
  await page.getByTestId('unmask-reason').fill('核实社区干事联系方式');
  await page.getByTestId('unmask-submit').click();
  const phone = page.getByTestId('unmasked-phone');
  await phone.waitFor();
  assert.match(await phone.innerText(), /13812345678/);
  await settle(page);
  await shot(page, '34-unmasked');
  await page.getByTestId('unmask-close').click();
  await phone.waitFor({ state: 'detached' });
  assert.equal(await row.getByTestId('masked-phone').innerText(), '138****5678');
});

test('the server\'s field errors appear under the user form\'s fields', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.goto(`${BASE_URL}/users/new`);
  await page.getByLabel('用户名').fill('houjiatang');
  await page.getByLabel('姓名').fill('重复的用户名');
  await page.getByLabel('初始密码').fill(`Another-${RUN}`);
  await pickOption(page, 'grant-role-0', '居民');
  await pickArea(page, 'grant-area-0', ZIYUAN);
  await page.getByTestId('save-user').click();
  const username = page.locator('.ant-form-item').filter({ has: page.locator('#username') });
  await username.locator('.ant-form-item-explain-error').filter({ hasText: '该用户名已被使用' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/users/new', 'stays on the form');
  await shot(page, '42-user-form-server-errors');
});

test('admin edits the clerk: a stale copy is reloaded, grants are added and removed', { timeout: 90_000 }, async () => {
  assert.ok(clerkId, 'the clerk was created');
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.goto(`${BASE_URL}/users/${clerkId}/edit`);
  const name = page.getByLabel('姓名');
  await page.waitForFunction(() => document.querySelector('#display_name')?.value === '测试社区干事');

  // The phone is never filled back in: saving without it asks for it again.
  await name.fill('测试社区干事（梓园）');
  await page.getByTestId('save-user').click();
  await page.getByText('请重新填写手机号，或勾选“清除手机号”').waitFor();

  // Someone else saves the user meanwhile (here: the same API, behind the form's back).
  await page.evaluate(async (id) => {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem('linli.access_token')}` };
    const read = await fetch(`/api/v1/users/${id}`, { headers });
    const user = await read.json();
    const res = await fetch(`/api/v1/users/${id}`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') },
      body: JSON.stringify({ display_name: '别人改过的名字', phone: '13812345678', is_active: user.is_active }),
    });
    if (!res.ok) throw new Error(`PUT ${res.status}`);
  }, clerkId);
  await page.getByLabel('手机号', { exact: true }).fill(CLERK.phone);
  await page.getByTestId('save-user').click();
  await page.getByText('该用户已被他人修改，已载入最新内容，请核对后重新保存').waitFor();
  await page.waitForFunction(() => document.querySelector('#display_name')?.value === '别人改过的名字');
  await shot(page, '43-user-stale');

  await name.fill('测试社区干事');
  await page.getByLabel('手机号', { exact: true }).fill(CLERK.phone);
  await page.getByTestId('save-user').click();
  await page.waitForURL(`${BASE_URL}/users/${clerkId}`);
  await page.getByTestId('user-name').getByText('测试社区干事').waitFor();
  assert.equal(await page.getByTestId('masked-phone').innerText(), '138****5678');

  // Add a second grant, then remove it again (the last one cannot be removed).
  await page.getByTestId('add-grant').click();
  await pickOption(page, 'add-grant-role', '志愿者');
  await pickArea(page, 'add-grant-area', ZIYUAN);
  await page.getByTestId('add-grant-submit').click();
  const grants = page.locator('[data-testid="grant-table"] tbody tr.ant-table-row');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="grant-table"] tbody tr.ant-table-row').length === 2);
  await shot(page, '44-user-two-grants');
  await grants.filter({ hasText: '志愿者' }).getByTestId('remove-grant').click();
  await clickInDialog(page, 'confirm-remove-grant');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="grant-table"] tbody tr.ant-table-row').length === 1);
  await grants.filter({ hasText: '社区工作人员' }).waitFor();
  assert.ok(await grants.getByTestId('remove-grant').isDisabled(), 'the last grant stays');
});

test('the audit log shows the new user and its chain verifies', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openMenu(page, '系统管理', '审计日志');
  await page.waitForURL(`${BASE_URL}/audit-log`);

  const created = page
    .locator('[data-testid="audit-table"] tbody tr.ant-table-row')
    .filter({ has: page.locator('[data-action="user.created"]') })
    .first();
  await created.waitFor();
  assert.match(await created.innerText(), /新建用户/);
  const unmasked = page.locator('[data-testid="audit-table"] [data-action="personal_data.unmasked"]').first();
  assert.match(await unmasked.innerText(), /查看个人信息/);

  // Filter to user creations and open the newest: before/after side by side.
  await page.getByTestId('filter-action').click();
  await page.locator(`${OPEN_POPUP} .ant-select-item-option`).filter({ hasText: 'user.created' }).first().click();
  await page.waitForURL(/action=user\.created/);
  const first = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first();
  await first.locator('[data-action="user.created"]').waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="audit-table"] tbody [data-action]')].every(
      (e) => e.getAttribute('data-action') === 'user.created',
    ),
  );
  await first.locator('.ant-table-row-expand-icon').click();
  const detail = page.getByTestId('audit-entry-detail').first();
  const afterJson = await detail.getByTestId('audit-after').innerText();
  assert.match(afterJson, new RegExp(CLERK.username.replace(/\./g, '\\.')));
  assert.match(afterJson, /138\*\*\*\*5678/, 'the audit image keeps the phone masked');
  await detail.getByText('变更前').waitFor();
  await shot(page, '35-audit-log');

  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-ok'), 'true');
  await result.getByText('审计日志完整，未发现篡改').waitFor();
  await shot(page, '36-audit-verified');
});

test('admin issues an API key, sees it once, and revokes it', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await openMenu(page, '系统管理', 'API 密钥');
  await page.waitForURL(`${BASE_URL}/api-keys`);

  const name = `e2e 热线 ${RUN}`;
  await page.getByTestId('create-api-key').click();
  await page.getByTestId('api-key-name').fill(name);
  await page.getByTestId('api-key-scopes').getByText('读取区域与小区').click();
  await page.getByTestId('api-key-scopes').getByText('读取诉求').click();
  await pickArea(page, 'api-key-area', ZIYUAN);
  await page.getByTestId('create-api-key-submit').click();

  const once = page.getByTestId('one-time-key');
  await once.waitFor();
  await once.getByText('密钥只显示这一次，关闭后无法再次查看').waitFor();
  const key = await page.getByTestId('one-time-key-value').innerText();
  assert.match(key, /^lk_[0-9a-f]{8}_/);
  await page.getByTestId('copy-key').waitFor();
  await settle(page);
  await shot(page, '37-api-key-once');
  await page.getByTestId('one-time-key-done').click();
  await once.waitFor({ state: 'detached' });

  // Listed with its prefix and scopes in words, never the secret.
  const row = page.locator('[data-testid="api-key-table"] tbody tr.ant-table-row').filter({ hasText: name });
  await row.waitFor();
  await row.getByText(`${key.slice(0, 11)}…`).waitFor();
  await row.getByText('读取区域与小区').waitFor();
  assert.ok(!(await page.locator('[data-testid="api-key-table"]').innerText()).includes(key), 'the secret is not listed');
  assert.equal(await row.getByTestId('key-status').innerText(), '有效');

  await row.getByTestId('revoke-key').click();
  await dialogOpened(page, 'confirm-revoke');
  // Wait for the server's answer before looking at the table: on a loaded machine the
  // list refresh can take a while after the dialog closes.
  const revoked = page.waitForResponse(
    (r) => r.request().method() === 'DELETE' && r.url().includes('/api/v1/api-keys/'),
    { timeout: 45_000 },
  );
  await page.getByTestId('confirm-revoke').click();
  assert.equal((await revoked).status(), 204);
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[data-testid="api-key-table"] tbody tr.ant-table-row')].some(
        (tr) => tr.textContent.includes(n) && tr.querySelector('[data-testid="key-status"]')?.textContent === '已吊销',
      ),
    name,
    { timeout: 45_000 },
  );
  await settle(page);
  await shot(page, '38-api-key-revoked');
});

test('the new clerk changes their password and signs in with it', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, CLERK.username, CLERK.password);
  await chooseFromMenu(page, 'user-menu', '修改密码');
  await page.getByLabel('当前密码').fill(CLERK.password);
  await page.getByLabel('新密码', { exact: true }).fill(CLERK.newPassword);
  await page.getByLabel('确认新密码').fill(CLERK.newPassword);
  await shot(page, '39-change-password');
  await page.getByTestId('change-password-submit').click();
  await page.waitForURL(`${BASE_URL}/login`);
  await page.getByTestId('login-message').getByText('密码已修改').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('linli.access_token')), null);
  await shot(page, '40-password-changed');

  await submitSignIn(page, CLERK.username, CLERK.password);
  await page.getByTestId('login-message').getByText('用户名或密码错误').waitFor();
  await signIn(page, CLERK.username, CLERK.newPassword);
});

test('subdistrict staff manage users but see no API keys or audit log', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await signIn(page, 'houjiatang');
  await openMenu(page, '系统管理', '用户管理');
  await page.waitForURL(`${BASE_URL}/users`);
  const entries = await menuEntries(page);
  assert.ok(entries.includes('用户管理'), `menu offers ${entries.join(', ')}`);
  assert.ok(!entries.includes('API 密钥'), `menu offers ${entries.join(', ')}`);
  assert.ok(!entries.includes('审计日志'), `menu offers ${entries.join(', ')}`);
  await page.locator('[data-testid="user-table"] tbody tr.ant-table-row').first().waitFor();
  await shot(page, '41-subdistrict-users');

  // Their own record (a colleague's level) is shown, but not offered for changes.
  await page.goto(`${BASE_URL}/users?q=houjiatang`);
  await page.locator('[data-testid="user-table"]').getByRole('link', { name: 'houjiatang', exact: true }).click();
  await page.getByTestId('user-username').getByText('houjiatang').waitFor();
  assert.equal(await page.getByTestId('edit-user').count(), 0);
  assert.equal(await page.getByTestId('add-grant').count(), 0);

  await page.goto(`${BASE_URL}/audit-log`);
  await page.getByText('您没有权限查看此页面。').waitFor();
  assert.equal(await page.getByTestId('audit-table').count(), 0);
  await page.goto(`${BASE_URL}/api-keys`);
  await page.getByText('您没有权限查看此页面。').waitFor();
  assert.equal(await page.getByTestId('create-api-key').count(), 0);
});
