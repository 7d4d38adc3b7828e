import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, shot, SCREENSHOT_DIR } from './browser.js';

let browser: Browser;
const baseUrl = inject('baseUrl');
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Answers every shown question of the open pillar still unanswered: the last option, "yes", or 10. */
async function answerOpenPillar(page: Page) {
  const pane = page.locator('[data-pillar-pane]');
  const questions = pane.locator('[data-question]');
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const type = await q.getAttribute('data-type');
    if (type === 'single' && (await q.locator('.ant-radio-wrapper-checked').count()) === 0)
      await q.locator('.ant-radio-wrapper').last().click();
    if (type === 'yesno' && (await q.locator('.ant-radio-button-wrapper-checked').count()) === 0)
      await q.locator('.ant-radio-button-wrapper').first().click();
    if ((type === 'number' || type === 'ratio') && (await q.locator('input').inputValue()) === '')
      await q.locator('input').fill('10');
  }
}

describe('enterprise assessment journey', () => {
  it('enterprise-demo finishes and submits its assessment, then downloads its report', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await login(page, baseUrl, 'enterprise-demo');
    // an enterprise account lands on its own work ("Việc của tôi"), its enterprise one menu item away
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Doanh nghiệp của tôi' }).first().click();
    await page.waitForURL(/\/my-enterprise$/);
    await expect
      .poll(() => page.getByText('Công ty TNHH Giải pháp Số Hồ Tây (demo)').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shot(page, 'dx-01-my-enterprise');

    await page
      .getByRole('link', { name: /mở phiếu/i })
      .first()
      .click();
    await page.waitForURL(/\/dx-assessments\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('[data-question]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // required answers missing: "Nộp phiếu" says so at once, and asks no confirmation for a submission that would fail
    await page.getByRole('button', { name: /nộp phiếu/i }).click();
    await expect.poll(() => page.getByText(/câu bắt buộc chưa trả lời/).count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    for (const pillar of ['CX', 'ST', 'IT', 'OP', 'CU', 'DA']) {
      await page.locator(`[data-pillar="${pillar}"]`).click();
      await answerOpenPillar(page);
    }
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 20_000 }).toMatch(/đã lưu/i);
    // the written plan as evidence (a file question, no score)
    await page.locator('[data-pillar="ST"]').click();
    await page.locator('[data-question="ST-1c"] input[type=file]').setInputFiles({
      name: 'ke-hoach-chuyen-doi-so.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await expect
      .poll(() => page.locator('[data-question="ST-1c"]').getByText('ke-hoach-chuyen-doi-so.pdf').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await shot(page, 'dx-02-questionnaire');
    // progress is about the required questions: all answered reads n/n and 100 %; the optional ones are told apart
    const [done, of] = /(\d+)\/(\d+)/.exec((await page.getByTestId('progress-required').textContent()) ?? '')!.slice(1);
    expect(done).toBe(of);
    expect(await page.getByRole('progressbar').first().getAttribute('aria-valuenow')).toBe('100');

    await page.getByRole('button', { name: /nộp phiếu/i }).click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(() => page.locator('.ant-tag').filter({ hasText: 'Đã nộp' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shot(page, 'dx-03-submitted');

    await page
      .getByRole('link', { name: /^báo cáo$/i })
      .first()
      .click();
    await page.waitForURL(/\/report$/);
    await expect.poll(() => page.getByTestId('overall-level').textContent(), { timeout: 20_000 }).toMatch(/Mức \d — /);
    await expect.poll(() => page.locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, 'dx-04-report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /tải báo cáo/i }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Bao-cao-chuyen-doi-so-0109123458-2025\.docx$/);
    const saved = `${SCREENSHOT_DIR}/dx-report.docx`;
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(5_000);
    const reportUrl = page.url();

    // the same report on a 390 px phone
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(phone, baseUrl, 'enterprise-demo');
    await phone.goto(reportUrl);
    await expect.poll(() => phone.getByTestId('overall-level').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(phone, 'dx-05-report-phone');
    await phone.goto(reportUrl.replace(/\/report$/, ''));
    await expect.poll(() => phone.locator('[data-question]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(phone, 'dx-06-questionnaire-phone');
  });

  it('the secretariat finds the submitted assessment, verifies it, and sees the registry; the admin sees the frameworks', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, baseUrl, 'secretariat');
    await page.goto(`${baseUrl}/dx-assessments`);
    await page
      .getByRole('row', { name: /Hồ Tây/ })
      .getByRole('link', { name: /mở phiếu/i })
      .click();
    await page.waitForURL(/\/dx-assessments\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: /^xác nhận$/i }).click();
    await expect
      .poll(() => page.locator('.ant-tag').filter({ hasText: 'Đã xác nhận' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shot(page, 'dx-07-verified');
    await page.goto(`${baseUrl}/enterprises`);
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // the registry also holds the ~2,000 synthetic enterprises of the analytics demo: search, as an officer would
    await page.locator('.ant-input-search input').fill('Hồ Tây');
    await page.getByText('Công ty TNHH Giải pháp Số Hồ Tây (demo)').first().click();
    await expect
      .poll(() => page.locator('.ant-drawer').getByText('Nhỏ').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // the account acting for it, listed where the secretariat links accounts
    await expect
      .poll(
        () =>
          page
            .getByTestId('enterprise-accounts')
            .getByText(/\(enterprise-demo\)$/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    await shot(page, 'dx-08-enterprise');

    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(admin, baseUrl, 'admin');
    await admin.goto(`${baseUrl}/dx-frameworks`);
    await expect.poll(() => admin.getByText(/^DBI-SME — /).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => admin.getByText(/^EU-DMA-SME — /).count(), { timeout: 20_000 }).toBe(1);
    await shot(admin, 'dx-09-frameworks');
  });
});
