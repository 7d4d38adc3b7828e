import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useBrowser } from './browser.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

async function pick(page: Page, testId: string, search: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: search }).first().click();
  await page.keyboard.press('Escape');
}

/** The rows of the breakdown table (the page also holds the change card's table). */
const breakdownRows = (page: Page) => page.getByTestId('dx-breakdown').locator('.ant-table-row');

describe('city analytics journey', () => {
  for (const viewport of [
    { width: 1280, height: 900, name: 'desktop' },
    { width: 390, height: 844, name: 'phone' },
  ]) {
    it(`secretariat filters by a commune and a sector, sees the map and a suppressed cell (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      await login(page, baseUrl, 'secretariat');
      await page.goto(`${baseUrl}/dx-analytics`);
      // the demo's assessments are there: the map is drawn and the totals are published
      await expect
        .poll(() => page.getByTestId('dx-map').locator('canvas').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await expect.poll(() => page.getByText(/Ranh giới xã\/phường/).count()).toBeGreaterThan(0);
      await shot(page, `dx-analytics-01-city-${viewport.name}`);

      // the demo's years are 2023–2025; other journeys may add a later one, which the page would open on
      await pick(page, 'filter-year', '2025');
      await pick(page, 'filter-commune', 'Ba Đình');
      await pick(page, 'filter-sector', 'G –');
      // what is chosen, in words and whole (a status line read out on change), never antd's "+ 1 …" placeholder
      const summary = page.getByTestId('filter-summary');
      await expect.poll(() => summary.textContent()).toContain('Phường Ba Đình');
      expect(await summary.textContent()).toContain('G – Bán buôn và bán lẻ; sửa chữa ô tô');
      expect(await summary.getAttribute('role')).toBe('status');
      expect(await page.getByText(/^\+ \d+ …$/).count()).toBe(0);
      await expect.poll(() => breakdownRows(page).count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => breakdownRows(page).first().textContent()).toContain('Phường Ba Đình');
      // one commune, one sector, by year: cells this small are withheld and read "<5"
      await pick(page, 'group-by', 'Năm');
      await expect.poll(() => breakdownRows(page).count(), { timeout: 20_000 }).toBe(3);
      await shot(page, `dx-analytics-02-filtered-${viewport.name}`);
      await expect
        .poll(() => page.locator('.ant-table').getByText('<5', { exact: true }).count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await page.close();
    });
  }
});
