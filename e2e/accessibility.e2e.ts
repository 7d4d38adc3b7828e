import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useBrowser } from './browser.js';
import { axeReport as report, axeViolations, newTrackedPage, settle } from './axe.js';
import { appRoutes, routeVisibleTo } from '../src/web/routes.js';
import type { Role } from '../src/shared/fields.js';

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page of every role's menu, at desktop and phone sizes,
 * plus the login page and detail pages; the sidebar used from the keyboard; the defects of issue 15 §3 that live in
 * the layout. The menu comes from the app's own route table, so a new menu page is checked without touching this file.
 * How axe runs: `axe.ts` (shared with the feature journeys, which check the detail pages they reach).
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const UUID = '[0-9a-f-]{36}';

/** One demo account of each role (README: demo accounts). */
const accounts: { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'secretariat', role: 'secretariat' },
  { username: 'team1', role: 'inspector' },
  { username: 'unit-stttt', role: 'unit' },
  { username: 'viewer', role: 'viewer' },
  { username: 'enterprise-demo', role: 'enterprise' },
];

const menuPaths = (role: Role) => appRoutes.filter((r) => r.menu && routeVisibleTo(r, role)).map((r) => r.path);

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** Two roles at a time: each is a page of its own, and the machine has two cores. */
let free = 2;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  while (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
  free--;
  try {
    return await work();
  } finally {
    free++;
    waiting.shift()?.();
  }
}

/** A page whose API requests in flight are counted, so `settle` knows when the data has arrived. */
const newPage = (viewport: { width: number; height: number }) => newTrackedPage(browser, { viewport });

/** Client-side navigation, as a click in the menu does: the app is not loaded again for every page. */
async function open(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

/** The first link on the page whose path matches, once there is one. */
async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => pattern.test(h));
    if (href) return href;
  }
  throw new Error(`no link matching ${String(pattern)} on ${page.url()}`);
}

describe('accessibility (axe-core, WCAG 2.0/2.1 A and AA)', () => {
  it('the login page, desktop and phone', async () => {
    const found: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await newPage(viewport);
      await page.goto(`${baseUrl}/login`);
      found.push(...(await axeViolations(page, `/login @${viewport.width}`)));
      await page.close();
    }
    expect(found, report(found)).toEqual([]);
  });

  for (const { username, role } of accounts) {
    it.concurrent(`${username} (${role}): every menu page, desktop and phone`, { timeout: 600_000 }, ({ expect }) =>
      slot(async () => {
        const paths = menuPaths(role);
        const page = await newPage(DESKTOP);
        await login(page, baseUrl, username);
        await page.locator('.app-sider nav a[href]').first().waitFor();
        await settle(page, username);
        // the sidebar lists exactly the route table's menu pages for the role
        const listed = await page
          .locator('.app-sider nav a[href]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(listed.sort()).toEqual([...paths].sort());
        const found: string[] = [];
        for (const viewport of [DESKTOP, PHONE]) {
          await page.setViewportSize(viewport);
          for (const path of paths) {
            await open(page, path);
            found.push(...(await axeViolations(page, `${username} ${path} @${viewport.width}`)));
          }
        }
        await page.close();
        expect(found, report(found)).toEqual([]);
      }),
    );
  }

  it.concurrent('detail pages: an inspection, a unit report, a DX report', { timeout: 600_000 }, ({ expect }) =>
    slot(async () => {
      const found: string[] = [];
      const page = await newPage(DESKTOP);
      await login(page, baseUrl, 'secretariat');
      const details: string[] = [];
      await open(page, '/inspections');
      await settle(page, '/inspections');
      details.push(await firstHref(page, new RegExp(`^/inspections/${UUID}$`)));
      await open(page, '/reporting-rounds');
      await settle(page, '/reporting-rounds');
      await open(page, await firstHref(page, new RegExp(`^/reporting-rounds/${UUID}$`)));
      await settle(page, 'a reporting round');
      details.push(await firstHref(page, new RegExp(`^/reporting-rounds/${UUID}/reports/${UUID}$`)));
      await open(page, '/dx-assessments');
      await settle(page, '/dx-assessments');
      details.push(await firstHref(page, new RegExp(`^/dx-assessments/${UUID}/report$`)));
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        for (const path of details) {
          await open(page, path);
          found.push(...(await axeViolations(page, `secretariat ${path} @${viewport.width}`)));
        }
      }
      await page.close();
      expect(found, report(found)).toEqual([]);
    }),
  );
});

describe('the sidebar', () => {
  it('is usable without a mouse: Tab to a menu item, a visible focus, Enter opens it', async () => {
    const page = await newPage(DESKTOP);
    await login(page, baseUrl, 'secretariat');
    await settle(page, '/');
    let href: string | null = null;
    for (let i = 0; i < 60 && href !== '/follow-ups'; i++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() =>
        document.activeElement?.closest('.app-sider') ? document.activeElement.getAttribute('href') : null,
      );
    }
    expect(href, 'Tab reaches the follow-ups menu item').toBe('/follow-ups');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline, 'the focused menu item shows a focus ring').not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/follow-ups$/);

    // the collapse button is reachable and works from the keyboard
    await page.locator('.sider-trigger-button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.app-sider.ant-layout-sider-collapsed').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.app-sider.ant-layout-sider-collapsed').count()).toBe(0);
    await page.close();
  });

  it('admin at 1440×900: the last menu item is above the collapse button and opens, expanded and collapsed', async () => {
    const page = await newPage(DESKTOP);
    await login(page, baseUrl, 'admin');
    const last = menuPaths('admin').at(-1)!;
    const item = page.locator('.app-sider .ant-menu-item', { has: page.locator(`a[href="${last}"]`) });
    // a click lands only where nothing covers the item: Playwright waits for that, then gives up
    await item.click({ timeout: 5_000 });
    await page.waitForURL((url) => url.pathname === last);
    await page.goto(`${baseUrl}/`);
    await page.locator('.sider-trigger-button').click();
    await expect.poll(() => page.locator('.app-sider.ant-layout-sider-collapsed').count()).toBe(1);
    await page.waitForTimeout(300);
    await item.click({ timeout: 5_000 });
    await page.waitForURL((url) => url.pathname === last);
    await shot(page, 'a11y-sider-collapsed-admin');
    await page.close();
  });

  it('English titles are not cut off', async () => {
    const page = await newPage(DESKTOP);
    await login(page, baseUrl, 'secretariat');
    await page.locator('.app-header .ant-segmented-item', { hasText: 'EN' }).click();
    await expect.poll(() => page.locator('.app-sider').getByText('Inspections').count()).toBeGreaterThan(0);
    const cut = await page
      .locator('.app-sider .ant-menu-title-content')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await page.close();
  });
});
