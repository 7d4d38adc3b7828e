import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) for the journeys: the accessibility journey runs it on every menu page,
 * the feature journeys on the detail pages they reach.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` of its source), which the page's Content Security
 * Policy does not govern: the app keeps its real CSP during the check (a `<script>` tag would be refused, and
 * `bypassCSP` would switch the policy off, so the CSP watch in `browser.ts` would no longer mean anything).
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const inflight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's requests in flight from now on, so `settle` knows when the data has arrived. */
export function trackRequests(page: Page): Page {
  const pending = new Set<unknown>();
  inflight.set(page, pending);
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return page;
}

/** A new page whose requests are tracked (`trackRequests`). */
export async function newTrackedPage(
  browser: Browser,
  options: Parameters<Browser['newPage']>[0] & { viewport: { width: number; height: number } },
): Promise<Page> {
  return trackRequests(await browser.newPage(options));
}

const LOADING = '.ant-spin-spinning, .ant-skeleton-active, .page-spinner, [aria-busy="true"]';

/**
 * Waits until nothing has loaded for 300 ms: no request in flight (on a page given to `trackRequests`), no spinner or
 * placeholder (and antd's fades over).
 */
export async function settle(page: Page, label: string) {
  const pending = inflight.get(page) ?? new Set();
  const loading = page.locator(LOADING);
  let quietSince = 0;
  for (const deadline = Date.now() + 30_000; ; await page.waitForTimeout(50)) {
    const busy = pending.size > 0 || (await loading.count()) > 0;
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    if (Date.now() > deadline) throw new Error(`${label}: still loading after 30 s`);
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

/** The violations axe finds on the page as it is now, one readable entry per rule and node. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await settle(page, label);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown }> } })
      .axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
      .violations;
  }, WCAG_TAGS)) as AxeViolation[];
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${label} · ${v.id} (${v.impact ?? '-'}): ${v.help}\n    ${n.target.join(' ')}\n    ${n.html.slice(0, 160)}` +
        (n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, ' ').slice(0, 240)}` : ''),
    ),
  );
}

export const axeReport = (found: string[]) => `${found.length} accessibility violation(s):\n${found.join('\n')}`;
