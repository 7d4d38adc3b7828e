import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useBrowser } from './browser.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/**
 * What the module lists answer for the person logged in on `page` (same cookies, same server clock): the home must
 * show these lines. The demo's overdue items are dated in the past (the 2024 follow-up, the tasks due in 2025) or
 * from the app's clock (the open round, due three days before "today"), so the expectations hold on any date.
 */
async function apiJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}
const section = (page: Page, key: string) => page.locator(`[data-section="${key}"]`);

async function landOnMyWork(page: Page, username: string) {
  await login(page, baseUrl, username);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
  await page.locator('[data-section]').first().waitFor();
}

describe('my work: each role lands on its own work', () => {
  it('a unit (the Center) sees its overdue report and tasks, each saying why, and opens one', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await landOnMyWork(page, 'unit-ttht');
    const me = (await apiJson<{ user: { orgUnitId: string } }>(page, '/api/auth/me')).user.orgUnitId;
    const tasks = await apiJson<{ items: { code: string }[] }>(
      page,
      `/api/program-tasks?orgUnitId=${me}&overdue=true&limit=20`,
    );
    // the demo's tasks due in 2025 (3457-02, -03, -06) are overdue from 2026 on
    expect(tasks.items.length).toBeGreaterThan(0);
    for (const t of tasks.items) {
      const line = section(page, 'unitTasks').locator('li', { hasText: t.code });
      await expect.poll(() => line.count()).toBe(1);
      expect(await line.getAttribute('data-reason')).toBe('TASK_OVERDUE');
      expect(await line.textContent()).toMatch(/Quá hạn \d+ ngày/);
    }
    const reminders = await apiJson<{ roundTitle: string; daysLeft: number }[]>(page, '/api/reporting-reminders');
    for (const r of reminders.filter((x) => x.daysLeft < 0))
      expect(await section(page, 'unitReports').textContent()).toContain(`Quá hạn nộp ${-r.daysLeft} ngày`);
    await shot(page, 'my-work-unit');
    await section(page, 'unitTasks').locator('li a').first().click();
    await page.waitForURL(/\/program-tasks\?id=[0-9a-f-]{36}$/);
    await page.locator('.ant-drawer-open').waitFor();
    await page.close();
  });

  it("a team member sees its team's inspections with the next step of each", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await landOnMyWork(page, 'team1');
    const open = await apiJson<{ items: { id: string; target: { name: string } }[]; total: number }>(
      page,
      '/api/inspections?open=true&limit=20',
    );
    expect(open.total).toBeGreaterThan(0);
    const lines = section(page, 'teamInspections').locator('li');
    await expect.poll(() => lines.count()).toBe(Math.min(open.total, 20));
    expect(await lines.first().textContent()).toMatch(/Bước tiếp theo: /);
    await shot(page, 'my-work-team');
    // the section's link opens the list with the same filter: it shows exactly the lines counted
    await page.goto(`${baseUrl}/inspections?open=true`);
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').first().textContent(), { timeout: 20_000 })
      .toBe(`${open.total} cuộc kiểm tra`);
    expect(await page.getByRole('checkbox', { name: 'Chưa kết thúc' }).isChecked()).toBe(true);
    await page.close();
  });

  it('the secretariat sees what waits for approval and who is behind, by unit', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await landOnMyWork(page, 'secretariat');
    // the demo's remedy for the Department of Information and Communications was due 2024-03-31
    const overdue = await apiJson<{ items: { addressee: { name: string } }[]; total: number }>(
      page,
      '/api/follow-ups?overdue=true&limit=500',
    );
    expect(overdue.total).toBeGreaterThan(0);
    const byUnit = section(page, 'overdueByUnit');
    for (const name of new Set(overdue.items.map((f) => f.addressee.name)))
      expect(await byUnit.textContent()).toContain(name);
    const toApprove = await apiJson<{ items: { round: { title: string }; orgUnit: { name: string } }[] }>(
      page,
      '/api/unit-reports?status=submitted&revised=false',
    );
    for (const r of toApprove.items)
      expect(await section(page, 'reportsToApprove').textContent()).toContain(r.orgUnit.name);
    // the inspection and program dashboards stay pages of their own in the menu
    const menu = page.getByRole('navigation');
    await menu.getByRole('link', { name: 'Tổng quan', exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await expect.poll(() => menu.getByRole('link', { name: 'Tổng quan chương trình' }).count()).toBe(1);
    await shot(page, 'my-work-secretariat');
    await page.close();
  });

  it('an enterprise sees its assessment where it stands, on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await landOnMyWork(page, 'enterprise-demo');
    const mine = await apiJson<{ items: { id: string; status: string }[] }>(page, '/api/dx/assessments');
    expect(mine.items.length).toBeGreaterThan(0);
    const where: Record<string, string> = {
      draft: 'dxInProgress',
      returned: 'dxReturned',
      submitted: 'dxReports',
      verified: 'dxReports',
    };
    for (const a of mine.items)
      await expect
        .poll(() => section(page, where[a.status]).locator(`a[href^="/dx-assessments/${a.id}"]`).count())
        .toBe(1);
    await shot(page, 'my-work-enterprise-phone');
    await page.close();
  });
});

describe('rough edges a newcomer hit', () => {
  it('a logged-out visit logs no 401 and no error in the console', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const unauthorised: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() === 401) unauthorised.push(r.url());
    });
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.locator('#login_username').waitFor();
    expect(unauthorised).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('no blank frame between the login page and the app', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login_username').fill('viewer');
    await page.locator('#login_password').fill('demo');
    // every DOM change from the click on: was the root ever showing neither the login form nor the app's frame?
    await page.evaluate(() => {
      const w = window as unknown as { blank: number };
      w.blank = 0;
      const root = document.getElementById('root')!;
      new MutationObserver(() => {
        if (!root.querySelector('#login_username') && !root.querySelector('.app-shell')) w.blank += 1;
      }).observe(root, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.locator('.app-shell').waitFor();
    await page.locator('[data-section]').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { blank: number }).blank)).toBe(0);
    await page.close();
  });

  it('a page that is not found offers a way home', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, baseUrl, 'secretariat');
    await page.goto(`${baseUrl}/inspections/00000000-0000-4000-8000-000000000000`);
    const home = page.getByRole('link', { name: 'Về Việc của tôi' });
    await home.waitFor();
    await home.click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.close();
  });

  it('before the inspection starts, the findings tab says when findings open', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, baseUrl, 'secretariat');
    const planned = await apiJson<{ items: { id: string }[] }>(page, '/api/inspections?status=planned&limit=1');
    expect(planned.items.length).toBe(1);
    await page.goto(`${baseUrl}/inspections/${planned.items[0].id}`);
    await page.getByRole('tab', { name: 'Phát hiện' }).click();
    await expect
      .poll(() => page.getByText(/Phát hiện được ghi khi cuộc kiểm tra bắt đầu/).count(), { timeout: 20_000 })
      .toBe(1);
    await page.close();
  });
});
