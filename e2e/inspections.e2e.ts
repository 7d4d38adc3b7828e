import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, shot } from './browser.js';

let browser: Browser;
const baseUrl = inject('baseUrl');
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('secretariat journey', () => {
  it('logs in, opens Plan 15-KH/BCĐ and sees the objectivity warning naming Phạm Thu Hà', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, baseUrl, 'secretariat');
    await shot(page, '01-dashboard');
    await page.goto(`${baseUrl}/inspection-plans`);
    await page.getByText('15-KH/BCĐ').first().click();
    await page.waitForURL(/\/inspection-plans\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText('Phạm Thu Hà').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ant-alert-warning').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, '02-plan');
  });

  it('unit-stttt sees its follow-ups on a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, baseUrl, 'unit-stttt');
    await page.goto(`${baseUrl}/follow-ups`);
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, '03-follow-ups-phone');
  });
});
