// Shared set-up for the browser tests: the system Chromium driven by
// playwright-core (no browser download), a fresh profile per test file, and
// screenshots of each step in screenshots/.
// The server may run on a shifted clock (LINLI_CLOCK, e.g. `+365d`, which
// scripts/e2e.sh hands to the seed, the server and these tests): every browser
// context runs on the server's clock, in China's time zone, and the date helpers
// below say what "today", "last month" … are for the server and its demo data.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const PASSWORD = process.env.LINLI_DEMO_PASSWORD ?? 'Linli@2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
/** The district's time zone: the server's "today" is the date there. */
export const TIME_ZONE = 'Asia/Shanghai';
const CHINA_MS = 8 * 3_600_000; // UTC+8, no daylight saving
const DAY_MS = 86_400_000;

/**
 * How far the server's clock runs ahead of this machine's, in milliseconds, from
 * LINLI_CLOCK as the server reads it: `+365d`, `-12h`, `+90m`, `+30s`, a bare number of
 * seconds, or an RFC 3339 instant (taken as "now" when this module loads; e2e.sh turns
 * an instant into seconds once, so the seed, the server and the tests agree exactly).
 */
export function clockOffsetMs(spec = process.env.LINLI_CLOCK) {
  const s = (spec ?? '').trim();
  if (!s) return 0;
  if (/^\d{4}-\d{2}-\d{2}[Tt ]/.test(s)) {
    const at = Date.parse(s);
    if (Number.isNaN(at)) throw new Error(`LINLI_CLOCK: not an instant: ${s}`);
    return Math.trunc((at - Date.now()) / 1000) * 1000;
  }
  const m = /^([+-]?)(\d+)([dhms]?)$/.exec(s);
  if (!m) throw new Error(`LINLI_CLOCK must be like +365d, -12h, +90m, +30s or an RFC 3339 instant, not ${s}`);
  const unit = { d: 86_400, h: 3_600, m: 60, s: 1, '': 1 }[m[3]];
  return (m[1] === '-' ? -1 : 1) * Number(m[2]) * unit * 1000;
}
const CLOCK_OFFSET_MS = clockOffsetMs();

/** The server's "now" (milliseconds since the epoch). */
export function serverNow() {
  return Date.now() + CLOCK_OFFSET_MS;
}

/** Today on the server's clock, in China: `YYYY-MM-DD`. */
export function today() {
  return new Date(serverNow() + CHINA_MS).toISOString().slice(0, 10);
}

/** The day `n` days after today (before, for negative `n`): `YYYY-MM-DD`. */
export function dayFromNow(n) {
  return new Date(Date.parse(`${today()}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The month `n` months after this one (before, for negative `n`): `YYYY-MM`. */
export function monthFromNow(n) {
  const [y, m] = today().split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** That month as the pages write it: `2026年10月`. */
export function monthLabel(n) {
  const [y, m] = monthFromNow(n).split('-').map(Number);
  return `${y}年${m}月`;
}

/** The last day of that month: `YYYY-MM-DD`. */
export function lastDayOfMonth(n) {
  return new Date(Date.parse(`${monthFromNow(n + 1)}-01T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * The year of the demo's story: the seed moves its story so that its November 2026 is
 * always last month, and writes the year of (2026-06 moved the same way) into its names,
 * e.g. the campaign `<year>年度住宅小区公共收益专项审计`.
 */
export function storyYear() {
  return Number(monthFromNow(-6).slice(0, 4));
}

/**
 * Puts a browser context on the server's clock (when it is shifted): Date, timers and
 * animation frames are Playwright's, and time keeps running from there, so polling,
 * countdowns and animations go on as usual.
 */
export async function useServerClock(context) {
  if (CLOCK_OFFSET_MS !== 0) await context.clock.install({ time: serverNow() });
}

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
    timezoneId: TIME_ZONE,
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  await useServerClock(context);
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
 * Appended to a popup's class: shown, and done moving — neither still opening (a click on an
 * option or button while a popup slides or zooms in is now and then lost) nor closing.
 */
export const OPENED = ':visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';

/**
 * Opens the dropdown menu behind the button `triggerTestId` and clicks its entry `entry`, once the
 * menu has finished opening: a click on an entry still zooming in is now and then lost.
 */
export async function chooseFromMenu(page, triggerTestId, entry) {
  await page.getByTestId(triggerTestId).click();
  const menu = page.locator(`.ant-dropdown${OPENED}`);
  await menu.waitFor();
  await menu.getByRole('menuitem').filter({ hasText: entry }).click();
}

/** The open Select popup (not one still opening, or closing after an earlier pick). */
export const OPEN_POPUP = `.ant-select-dropdown${OPENED}`;

/**
 * Picks an area in an AreaTreeSelect: opens it, expands each ancestor in `path`
 * (loaded on demand) and clicks the last name.
 */
export async function pickArea(page, testId, path) {
  await page.getByTestId(testId).click();
  // Only once it has finished opening: a switcher clicked while it slides in may stay shut.
  const popup = page.locator(`.ant-tree-select-dropdown${OPENED}`);
  await popup.waitFor();
  for (const name of path.slice(0, -1)) {
    const title = page.locator(`.ant-select-tree-node-content-wrapper[title="${name}"]`);
    const node = popup.locator('.ant-select-tree-treenode').filter({ has: title });
    const opened = popup.locator('.ant-select-tree-treenode[aria-expanded="true"]').filter({ has: title });
    await node.waitFor();
    for (let attempt = 0; (await node.getAttribute('aria-expanded')) !== 'true'; attempt++) {
      if (attempt === 3) throw new Error(`pickArea: ${name} does not open`);
      await node.locator('.ant-select-tree-switcher').click();
      await opened.waitFor({ timeout: 5_000 }).catch(() => {});
    }
  }
  const last = path[path.length - 1];
  await popup.locator(`.ant-select-tree-node-content-wrapper[title="${last}"]`).click();
  await popup.waitFor({ state: 'hidden' });
}


/** Picks an option of an antd Select by its label. */
export async function pickOption(page, testId, label) {
  await page.getByTestId(testId).click();
  await page.locator(`${OPEN_POPUP} .ant-select-item-option[title="${label}"]`).click();
}

/**
 * Waits until the dialog or confirmation (a modal, or a popconfirm's popover) holding
 * `testId` has finished opening: a click on its buttons while it zooms in is now and then lost.
 */
export async function dialogOpened(page, testId) {
  await page.locator(`:is(.ant-modal, .ant-popover)${OPENED}`).filter({ has: page.getByTestId(testId) }).waitFor();
}

/** Clicks the button `testId` of a dialog or confirmation once it has finished opening. */
export async function clickInDialog(page, testId) {
  await dialogOpened(page, testId);
  await page.getByTestId(testId).click();
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
