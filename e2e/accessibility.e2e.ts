import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login } from './browser.js';
import { appRoutes, routeVisibleTo } from '../src/web/routes.js';
import type { Role } from '../src/shared/fields.js';

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page of every role's menu, at desktop and phone sizes,
 * plus the login page and detail pages. The menu comes from the app's own route table, so a new menu page is
 * checked without touching this file.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` of its source), which the page's Content Security
 * Policy does not govern: the app keeps its real CSP during the check (a `<script>` tag or `bypassCSP` would either
 * be refused or switch the policy off, and the CSP watch in `browser.ts` would no longer mean anything).
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

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

let browser: Browser;
const baseUrl = inject('baseUrl');
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Waits until the page has settled: no request in flight, no spinner or skeleton, enter animations over. */
async function settle(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const loading = page.locator('.ant-spin-spinning, .ant-skeleton-active, .page-spinner');
  for (const deadline = Date.now() + 30_000; (await loading.count()) > 0; await page.waitForTimeout(100))
    if (Date.now() > deadline) throw new Error(`${label}: still loading after 30 s`);
  // antd's enter animations (fades, zooms) change colours for up to ~0.3 s: contrast is measured after them
  await page.waitForTimeout(300);
}

/** The violations axe finds on the page as it is now, one readable line per rule and node. */
async function axeViolations(page: Page, label: string): Promise<string[]> {
  const t0 = Date.now();
  await settle(page, label);
  const t1 = Date.now();
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as {
      violations: unknown[];
    };
    return result.violations;
  }, WCAG_TAGS);
  if (process.env.A11Y_TIMING) console.log(`${label}: settle ${t1 - t0} ms, axe ${Date.now() - t1} ms`);
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${label} · ${v.id} (${v.impact ?? '-'}): ${v.help}\n    ${n.target.join(' ')}\n    ${n.html.slice(0, 160)}` +
        (n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, ' ').slice(0, 240)}` : ''),
    ),
  );
}

const report = (found: string[]) => `${found.length} accessibility violation(s):\n${found.join('\n')}`;

describe('accessibility (axe-core, WCAG 2.0/2.1 A and AA)', () => {
  it('the login page, desktop and phone', async () => {
    const found: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${baseUrl}/login`);
      found.push(...(await axeViolations(page, `/login @${viewport.width}`)));
      await page.close();
    }
    expect(found, report(found)).toEqual([]);
  });

  for (const { username, role } of accounts) {
    it.concurrent(`${username} (${role}): every menu page, desktop and phone`, { timeout: 600_000 }, async () => {
      const paths = menuPaths(role);
      expect(paths.length).toBeGreaterThan(0);
      const page = await browser.newPage({ viewport: DESKTOP });
      await login(page, baseUrl, username);
      const found: string[] = [];
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        for (const path of paths) {
          await page.goto(`${baseUrl}${path}`);
          found.push(...(await axeViolations(page, `${username} ${path} @${viewport.width}`)));
        }
      }
      await page.close();
      expect(found, report(found)).toEqual([]);
    });
  }
});
