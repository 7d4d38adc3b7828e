import { describe, expect, inject, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { axeReport, axeViolations } from './axe.js';
import { login, shot, useBrowser } from './browser.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/**
 * Bytes over the wire, counted by Chromium's network domain: `script` is the compressed bodies of JavaScript
 * responses (what the budget speaks of), `total` everything including headers and index.html.
 */
async function countTransfers(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  const bytes = { script: 0, total: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.dataReceived', (e) => {
    if (types.get(e.requestId) === 'Script') bytes.script += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength;
  });
  return bytes;
}

const KB = 1024;

describe('the first page a person loads', () => {
  it('login: light, translated, says what is wrong, and a repeat visit transfers almost nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const first = await countTransfers(page);
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    await shot(page, 'login-01-desktop');
    // the budget checked from the build (scripts/web-budget.mjs) holds in a real browser too: brotli over the wire
    expect(first.script, `login page JavaScript transferred: ${(first.script / KB).toFixed(1)} KB`).toBeLessThan(
      200 * KB,
    );
    console.log(
      `login page: ${(first.script / KB).toFixed(1)} KB of JavaScript, ${(first.total / KB).toFixed(1)} KB in all`,
    );

    // wrong password: a translated message, the form stays filled
    await page.locator('#login_username').fill('secretariat');
    await page.locator('#login_password').fill('not-the-password');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/không đúng/i);
    await expect.poll(() => page.locator('#login_username').inputValue()).toBe('secretariat');

    // empty fields: named under each field, from the API's own schema
    await page.locator('#login_username').fill('');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await expect.poll(() => page.locator('#login_username_error').textContent()).toBeTruthy();
    expect(await page.locator('#login_username').getAttribute('aria-invalid')).toBe('true');

    // English on one click, remembered
    await page.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => page.getByRole('button', { name: /log in/i }).count()).toBe(1);
    await page.getByRole('button', { name: 'VI' }).click();

    // a repeat visit: hashed assets come from the cache (immutable), only index.html is revalidated
    const again = await context.newPage();
    const repeat = await countTransfers(again);
    await again.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    expect(repeat.total, `repeat visit transferred ${(repeat.total / KB).toFixed(1)} KB`).toBeLessThan(20 * KB);
    console.log(`login page, repeat visit: ${(repeat.total / KB).toFixed(1)} KB in all`);
    await context.close();
  });

  it('login on a phone, then the dashboard within its budget', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    await shot(page, 'login-02-phone');
    const bytes = await countTransfers(page);
    await login(page, baseUrl, 'secretariat');
    await page.waitForLoadState('networkidle');
    await shot(page, 'dashboard-after-login-phone');
    // everything the dashboard added after the login page (shell, strings, page), far under the 400 KB for both
    expect(bytes.script, `dashboard JavaScript after login: ${(bytes.script / KB).toFixed(1)} KB`).toBeLessThan(
      250 * KB,
    );
    console.log(`dashboard after login: ${(bytes.script / KB).toFixed(1)} KB more JavaScript`);
    await context.close();
  });

  it("a page opened at its address: the server's first view comes with the document, then the app's page, read once", async () => {
    const signIn = await browser.newContext();
    await login(await signIn.newPage(), baseUrl, 'secretariat');
    const storageState = await signIn.storageState();
    await signIn.close();

    // without the app's scripts (refused here) the document alone shows the page, inside the screen on a desk and on a
    // phone, clean under axe (which the page's own JavaScript runs, so the scripts are refused rather than JS turned off)
    const pages = [
      { path: '/dashboard', heading: 'Tổng quan', text: 'Kết luận đã ban hành' },
      { path: '/', heading: 'Việc của tôi', text: 'Báo cáo chờ duyệt' },
    ];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const bare = await browser.newContext({ storageState, viewport });
      await bare.route(/\/assets\/.*\.js$/, (r) => r.abort());
      const page = await bare.newPage();
      for (const { path, heading, text } of pages) {
        await page.goto(`${baseUrl}${path}`);
        await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).count()).toBe(1);
        await expect.poll(() => page.getByText(new RegExp(`^${text}`)).count()).toBe(1);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${viewport.width} px scrolls sideways`).toBeLessThanOrEqual(0);
        const found = await axeViolations(page, `first view ${path} @${viewport.width}`);
        expect(found, axeReport(found)).toEqual([]);
        await shot(page, `first-view${path === '/' ? '-home' : path.replace('/', '-')}-${viewport.width}`);
      }
      await bare.close();
    }

    const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const reads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/dashboard') reads.push(r.url());
    });
    const doc = await page.goto(`${baseUrl}/dashboard`);
    expect(await doc!.text()).toContain('<div id="first-view">');
    // the app's own page replaces it: its chart card is the app's, the first view has none
    await page.locator('#root .ant-card').first().waitFor();
    await expect.poll(() => page.locator('#first-view').count()).toBe(0);
    expect(await page.locator('#root').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    // the answer came with the document: the app did not ask for it again
    expect(reads).toEqual([]);
    await context.close();
  });

  it('lists on a phone: status and deadline inside the screen, nothing to scroll sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, baseUrl, 'secretariat');
    const lists = [
      { path: '/follow-ups', deadline: 'Hạn hoàn thành' },
      { path: '/program-tasks', deadline: 'Hạn hoàn thành' },
      { path: '/reporting-rounds', deadline: 'Hạn nộp' },
    ];
    for (const { path, deadline } of lists) {
      await page.goto(`${baseUrl}${path}`);
      const row = page.locator('.ant-table-row').first();
      await row.waitFor();
      await shot(page, `phone-list${path.replaceAll('/', '-')}`);
      const inside = async (what: string, box: { x: number; width: number } | null) => {
        expect(box, `${path}: ${what} is rendered`).not.toBeNull();
        expect(box!.x, `${path}: ${what} starts inside the screen`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${path}: ${what} ends inside the screen`).toBeLessThanOrEqual(390);
      };
      // the status tag of the first row (its last tag) and the deadline's column header
      await inside('the status', await row.locator('.ant-tag').last().boundingBox());
      await inside('the deadline', await page.getByRole('columnheader', { name: deadline }).boundingBox());
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        tables: [...document.querySelectorAll('.ant-table-content, .ant-table-body')].map(
          (el) => el.scrollWidth - el.clientWidth,
        ),
      }));
      expect(overflow.page, `${path}: the page scrolls sideways`).toBeLessThanOrEqual(0);
      for (const o of overflow.tables) expect(o, `${path}: the table scrolls sideways`).toBeLessThanOrEqual(1);
    }
    await page.close();
  });
});
