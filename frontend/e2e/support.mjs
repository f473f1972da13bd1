// Shared set-up for the browser tests: the system Chromium driven by
// playwright-core (no browser download), a fresh profile per test file, and
// screenshots of each step in screenshots/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const PASSWORD = process.env.LINLI_DEMO_PASSWORD ?? 'Linli@2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails early, and says why, when the browser or the server is missing. */
async function preflight() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: run \`npm run ensure-browser\` (or set CHROMIUM_PATH)`);
  }
  try {
    const res = await fetch(`${BASE_URL}/healthz`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (err) {
    throw new Error(`no Linli server answering at BASE_URL=${BASE_URL} (${err.message}); start one with demo data`);
  }
}

/** Starts Chromium with a throw-away profile; `close()` removes it again. */
export async function openBrowser() {
  await preflight();
  const profile = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  return {
    context,
    /** A new tab: its own sessionStorage, so its own session. */
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as screenshots/<name>.png. */
export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fills in the sign-in form and submits it (does not wait for the result). */
export async function submitSignIn(page, username, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs in and waits until the app shell is shown. */
export async function signIn(page, username, password = PASSWORD) {
  await submitSignIn(page, username, password);
  await page.getByTestId('user-menu').waitFor();
}

/** Texts of the side menu's entries. */
export async function menuEntries(page) {
  const menu = page.getByTestId('side-menu');
  await menu.waitFor({ state: 'attached' });
  return (await menu.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
}

/** Opens the side menu's group (if closed) and clicks one of its entries. */
export async function openMenu(page, group, entry) {
  const menu = page.getByTestId('side-menu');
  // By text: the accessible names also carry the icons' labels.
  const item = menu.getByRole('menuitem').filter({ hasText: entry });
  if (!(await item.isVisible())) await menu.getByRole('menuitem').filter({ hasText: group }).click();
  await item.click();
}

/**
 * Picks an area in an AreaTreeSelect: opens it, expands each ancestor in `path`
 * (loaded on demand) and clicks the last name.
 */
export async function pickArea(page, testId, path) {
  await page.getByTestId(testId).click();
  const popup = page.locator('.ant-tree-select-dropdown:visible');
  for (const name of path.slice(0, -1)) {
    const node = popup.locator('.ant-select-tree-treenode').filter({
      has: page.locator(`.ant-select-tree-node-content-wrapper[title="${name}"]`),
    });
    await node.waitFor();
    if ((await node.getAttribute('aria-expanded')) !== 'true') {
      await node.locator('.ant-select-tree-switcher').click();
    }
  }
  const last = path[path.length - 1];
  await popup.locator(`.ant-select-tree-node-content-wrapper[title="${last}"]`).click();
  await popup.waitFor({ state: 'hidden' });
}

/** The open Select popup (not one still closing after an earlier pick). */
const OPEN_POPUP = '.ant-select-dropdown:visible:not([class*="-leave"])';

/** Picks an option of an antd Select by its label. */
export async function pickOption(page, testId, label) {
  await page.getByTestId(testId).click();
  await page.locator(`${OPEN_POPUP} .ant-select-item-option[title="${label}"]`).click();
}

/** Waits until no dialog or popup is still animating in or out (for steady screenshots). */
export async function settle(page) {
  await page.waitForFunction(
    () => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'),
  );
}

/** Reads the API as the page's signed-in user (with the tab's token), for checking what the page shows. */
export async function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { Authorization: `Bearer ${sessionStorage.getItem('linli.access_token')}` } });
    if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
    return res.json();
  }, path);
}

/** Types a date (YYYY-MM-DD) into an antd DatePicker and confirms it. */
export async function pickDate(page, testId, date) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter would also submit the form around the picker.
  await input.press('Tab');
  await page.waitForFunction(
    ({ id, value }) => document.querySelector(`[data-testid="${id}"]`)?.value === value,
    { id: testId, value: date },
  );
}

/** Waits until the transient success/error messages have gone (for clean screenshots). */
export async function messagesGone(page) {
  await page
    .waitForFunction(() => !document.querySelector('.ant-message-notice'), null, { timeout: 10_000 })
    .catch(() => {});
}

/** Picks a compound in a CompoundSelect by typing part of its name. */
export async function pickCompound(page, testId, name) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await page.locator(`${OPEN_POPUP} .ant-select-item-option[title="${name}"]`).click();
}
