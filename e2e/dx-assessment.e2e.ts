import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, login, shot, useBrowser } from './browser.js';
import { axeReport, axeViolations, trackRequests } from './axe.js';
import { checkAtVerify, footerCode } from './verify.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

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

  it('enterprise-demo starts 2026 from its 2025 assessment: carried-over answers marked, one confirmed, one changed, the rest listed on submitting', async () => {
    const page = trackRequests(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await login(page, baseUrl, 'enterprise-demo');
    await page.goto(`${baseUrl}/my-enterprise`);
    await page.getByLabel('Năm', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.waitForURL(/\/dx-assessments\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const found: string[] = [];
    // the wave starts from the 2025 assessment: its answers are there, each marked until confirmed or changed
    const from = page.getByTestId('carried-from');
    await expect.poll(() => from.textContent(), { timeout: 20_000 }).toContain('lần đánh giá năm 2025 (DBI-SME v1)');
    const unconfirmed = async () => Number(/Còn (\d+) câu chưa xác nhận/.exec((await from.textContent()) ?? '')?.[1]);
    const carried = await unconfirmed();
    expect(carried).toBeGreaterThan(10);
    const mark = 'Chuyển từ lần trước — xác nhận hoặc sửa';
    const question = (code: string) => page.locator(`[data-question="${code}"]`).locator('xpath=..');
    expect(await question('CX-1a').getByText(mark).count()).toBe(1);
    expect(await question('CX-3a').getByText(mark).count()).toBe(1);
    // 2025's answer is shown as this year's: every required question of the pillar is answered already
    expect(await question('CX-1a').locator('.ant-radio-wrapper-checked').count()).toBe(1);
    const questionText = async (code: string) =>
      ((await page.locator(`[data-question="${code}"] > .ant-typography`).first().textContent()) ?? '')
        .replace(/\s*\*$/, '')
        .trim();
    const texts = Object.fromEntries(
      await Promise.all(['CX-1a', 'CX-3a', 'CX-6a'].map(async (c) => [c, await questionText(c)] as const)),
    );
    await shot(page, 'dx-10-wave-carried');
    found.push(...(await axeViolations(page, 'questionnaire with carried-over answers @1280')));
    await page.setViewportSize({ width: 390, height: 844 });
    found.push(...(await axeViolations(page, 'questionnaire with carried-over answers @390')));
    await page.setViewportSize({ width: 1280, height: 900 });

    // CX-1a still holds: confirmed as it is; CX-3a has changed: another option (one that keeps CX-5a asked)
    await question('CX-1a').getByRole('button', { name: 'Xác nhận câu này' }).click();
    await question('CX-3a').locator('.ant-radio-wrapper').nth(1).click();
    expect(await question('CX-1a').getByText(mark).count()).toBe(0);
    expect(await question('CX-3a').getByText(mark).count()).toBe(0);
    expect(await question('CX-6a').getByText(mark).count()).toBe(1);
    await expect.poll(unconfirmed).toBe(carried - 2);
    // saved: the server no longer marks them (a reload shows the same)
    const carriedOnServer = async () =>
      ((await (await page.request.get(`${baseUrl}/api/dx/assessments/${id}`)).json()) as { carriedOver: string[] })
        .carriedOver;
    await expect.poll(async () => (await carriedOnServer()).length, { timeout: 20_000 }).toBe(carried - 2);
    expect(await carriedOnServer()).not.toContain('CX-1a');
    await page.reload();
    await expect.poll(unconfirmed, { timeout: 20_000 }).toBe(carried - 2);
    expect(await question('CX-3a').getByRole('radio').nth(1).isChecked()).toBe(true);

    // a whole pillar confirmed at once, its written plan (an evidence file carried over) among them
    await page.locator('[data-pillar="ST"]').click();
    expect(await question('ST-1c').getByText(mark).count()).toBe(1);
    const confirmAll = page.getByRole('button', { name: /Xác nhận tất cả câu chuyển sang trong trụ cột này/ });
    const inPillar = Number(/\((\d+)\)/.exec((await confirmAll.textContent()) ?? '')?.[1]);
    expect(inPillar).toBeGreaterThan(0);
    await confirmAll.click();
    await expect.poll(() => page.locator('[data-pillar-pane]').getByText(mark).count()).toBe(0);
    await expect.poll(unconfirmed).toBe(carried - 2 - inPillar);
    await expect
      .poll(async () => (await carriedOnServer()).filter((c) => c.startsWith('ST-')), { timeout: 20_000 })
      .toEqual([]);
    expect(await page.getByText(/Chưa lưu được/).count()).toBe(0);

    // submitting is allowed (a carried-over answer is this year's answer); the confirmation lists those not confirmed
    await page.getByRole('button', { name: /nộp phiếu/i }).click();
    const listed = page.getByTestId('submit-carried');
    await expect
      .poll(() => listed.textContent())
      .toContain(`Còn ${carried - 2 - inPillar} câu trả lời chuyển từ lần trước chưa được xác nhận`);
    expect(await listed.locator('li').count()).toBe(carried - 2 - inPillar);
    const listedText = (await listed.textContent()) ?? '';
    expect(listedText).not.toContain(texts['CX-1a']);
    expect(listedText).not.toContain(texts['CX-3a']);
    expect(listedText).toContain(texts['CX-6a']);
    await shot(page, 'dx-11-wave-submit');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(() => page.locator('.ant-tag').filter({ hasText: 'Đã nộp' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await page.getByText(mark).count()).toBe(0);
    expect(found, axeReport(found)).toEqual([]);
    await page.close();
  });

  it('enterprise-demo adds a 2024 assessment on another framework: its page shows the results by year with the framework change, the 2026 report the change since 2025 and 2024', async () => {
    const page = trackRequests(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await login(page, baseUrl, 'enterprise-demo');
    await page.goto(`${baseUrl}/my-enterprise`);
    await page.getByLabel('Bộ tiêu chí').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'EU-DMA-SME' }).click();
    await page.getByLabel('Năm', { exact: true }).fill('2024');
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.waitForURL(/\/dx-assessments\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('[data-question]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // another framework: nothing carried over from the DBI-SME assessments
    expect(await page.getByTestId('carried-from').count()).toBe(0);
    for (const pillar of await page.locator('[data-pillar]').evaluateAll((bs) => bs.map((b) => b.dataset.pillar!))) {
      await page.locator(`[data-pillar="${pillar}"]`).click();
      await answerOpenPillar(page);
    }
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 20_000 }).toMatch(/đã lưu/i);
    await page.getByRole('button', { name: /nộp phiếu/i }).click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(() => page.locator('.ant-tag').filter({ hasText: 'Đã nộp' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);

    // the firm's page: its results by year, the change of framework marked where it happened (2024 → 2025)
    await page.getByRole('link', { name: 'Doanh nghiệp của tôi' }).first().click();
    await page.waitForURL(/\/my-enterprise$/);
    const timeline = page.getByRole('region', { name: 'Kết quả qua các năm' });
    await timeline.waitFor({ timeout: 20_000 });
    await expect.poll(() => timeline.locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const points = timeline.getByRole('listitem');
    await expect.poll(() => points.count()).toBe(3);
    expect(await points.nth(0).textContent()).toMatch(/^2024: EU-DMA-SME v1/);
    expect(await points.nth(1).textContent()).toMatch(/^2025: DBI-SME v1.*Đổi bộ tiêu chí/);
    expect(await points.nth(2).textContent()).toMatch(/^2026: DBI-SME v1/);
    expect(await points.nth(2).textContent()).not.toContain('Đổi bộ tiêu chí');
    await shot(page, 'dx-12-timeline');
    const found: string[] = [];
    found.push(...(await axeViolations(page, '/my-enterprise with the timeline @1280')));
    await page.setViewportSize({ width: 390, height: 844 });
    found.push(...(await axeViolations(page, '/my-enterprise with the timeline @390')));
    await page.setViewportSize({ width: 1280, height: 900 });

    // the 2026 report: the change since the previous assessment (2025, same framework) in numbers; since the first
    // (2024, EU-DMA-SME) none, as the framework changed
    await page
      .getByRole('row', { name: /^2026 / })
      .getByRole('link', { name: 'Báo cáo' })
      .click();
    await page.waitForURL(/\/report$/);
    const change = page.getByTestId('report-change');
    await expect
      .poll(() => change.getByRole('columnheader', { name: 'So với lần trước (2025)' }).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await change.getByRole('columnheader', { name: 'So với lần đầu (2024)' }).count()).toBe(1);
    const total = change.getByRole('row', { name: /^Tổng điểm/ }).getByRole('cell');
    expect(await total.nth(1).textContent()).toMatch(/^[+\-−]?\d/);
    expect(await total.nth(2).textContent()).toBe('Bộ tiêu chí đã thay đổi');
    await shot(page, 'dx-13-report-change');
    expect(found, axeReport(found)).toEqual([]);
    await page.close();
  });

  it('the 2025 report issued at verification carries a code in its footer that anyone checks at /verify (enterprise and year, no score)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await login(page, baseUrl, 'enterprise-demo');
    await page.goto(`${baseUrl}/my-enterprise`);
    await page
      .getByRole('row', { name: /^2025 / })
      .getByRole('link', { name: 'Báo cáo' })
      .click();
    await page.waitForURL(/\/report$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /tải báo cáo/i }).click(),
    ]);
    const file = await readFile(await download.path());
    const code = await footerCode(file);
    await page.close();
    const text = await checkAtVerify(browser, baseUrl, {
      code: code.toLowerCase(),
      kind: 'Báo cáo đánh giá chuyển đổi số',
      facts: { 'Mã xác thực': code, 'Doanh nghiệp': 'Công ty TNHH Giải pháp Số Hồ Tây (demo)', Năm: '2025' },
      file,
      fileName: download.suggestedFilename(),
      shot: 'dx-14-verify-report-phone',
    });
    // the public page never shows a score or a level
    expect(text).not.toMatch(/Tổng điểm|Mức \d/);
  });
});
