import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { login, shot, useBrowser } from './browser.js';
import { axeReport, axeViolations, trackRequests } from './axe.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** The demo enterprise (README): a small firm, tax code 0109123458. */
const HO_TAY = { name: 'Công ty TNHH Giải pháp Số Hồ Tây (demo)', taxCode: '0109123458' };

/** Types a date into an antd date picker the way a person does (dd/mm/yyyy) and leaves it (Enter would submit). */
async function fillDate(input: Locator, ddmmyyyy: string) {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

/** The cohort table's row of a size class: its cells (class, firms, most per firm, total). */
const cohortRow = (page: Page, sizeClass: string) =>
  page
    .locator('.ant-card')
    .filter({ hasText: 'Kinh phí hỗ trợ tối đa theo Nghị định 80/2021/NĐ-CP (một năm)' })
    .getByRole('row', { name: new RegExp(`^${sizeClass} `) })
    .getByRole('cell');

describe('DX support programs', () => {
  it('the secretariat adds a program, opens it, enrols the demo firm by hand: enrolled firms and the Decree 80 budget follow', async () => {
    const page = trackRequests(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await login(page, baseUrl, 'secretariat');
    await page.goto(`${baseUrl}/support-programs`);
    const name = `Hỗ trợ chuyển đổi số doanh nghiệp nhỏ và vừa 2026 (e2e ${Date.now()})`;
    await page.getByRole('button', { name: 'Thêm chương trình' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm chương trình' });
    await form.getByLabel('Tên chương trình').fill(name);
    await form.getByLabel('Căn cứ pháp lý').fill('Nghị định 80/2021/NĐ-CP; Kế hoạch của UBND thành phố (e2e)');
    // dates are typed and shown dd/mm/yyyy
    await fillDate(form.getByLabel('Thời gian thực hiện'), '01/01/2026');
    await fillDate(form.getByLabel('–'), '31/12/2026');
    await form.getByLabel('Kinh phí (đồng)').fill('2000000000');
    await form.getByLabel('Nội dung hỗ trợ').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Tư vấn giải pháp chuyển đổi số' })
      .click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Đồng ý' }).click();
    await form.waitFor({ state: 'detached' });

    expect(await page.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).textContent()).toContain(
      '01/01/2026 – 31/12/2026',
    );
    await page.getByRole('link', { name }).click();
    await page.waitForURL(/\/support-programs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name }).waitFor({ timeout: 20_000 });
    // no firm yet: nothing enrolled, no budget implied
    const enrolled = page.locator('.ant-descriptions-item').filter({ hasText: 'Số doanh nghiệp tham gia' });
    await expect.poll(() => enrolled.locator('.ant-descriptions-item-content').textContent()).toBe('0');
    await expect.poll(() => page.getByText('Tổng kinh phí tối đa: 0 ₫').count()).toBe(1);
    expect(
      await page.locator('.ant-descriptions-item').filter({ hasText: 'Thời gian thực hiện' }).textContent(),
    ).toContain('01/01/2026 – 31/12/2026');
    // the program offers consulting on DX solutions alone: Art. 11 clause 1, 50 M VND a year for a small firm
    expect(await cohortRow(page, 'Nhỏ').allTextContents()).toEqual(['Nhỏ', '0', '50.000.000 ₫', '0 ₫']);
    expect(
      await page
        .getByText(
          'Tính theo nội dung hỗ trợ của chương trình: Tư vấn giải pháp chuyển đổi số (Điều 11 khoản 1 Nghị định 80/2021/NĐ-CP).',
        )
        .count(),
    ).toBe(1);
    // every figure is checked against the article's text: no warning that some are not
    expect(await page.getByText('chưa được đối chiếu', { exact: false }).count()).toBe(0);

    // enrolled by hand: the firm is listed, counted, and its class's most support is the cohort's budget
    const enrolments = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: /^Doanh nghiệp tham gia$/ }) });
    await enrolments.getByLabel('Mã số thuế').fill(HO_TAY.taxCode);
    await fillDate(enrolments.getByLabel('Ngày tham gia'), '02/03/2026');
    await enrolments.getByLabel('Ghi chú').fill('Đăng ký tại hội nghị (e2e)');
    await enrolments.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await expect
      .poll(() => enrolments.getByRole('row', { name: new RegExp(HO_TAY.taxCode) }).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await enrolments.getByRole('row', { name: new RegExp(HO_TAY.taxCode) }).textContent()).toContain(
      `${HO_TAY.name} · ${HO_TAY.taxCode}`,
    );
    expect(await enrolments.getByRole('row', { name: new RegExp(HO_TAY.taxCode) }).textContent()).toContain(
      '02/03/2026',
    );
    await expect.poll(() => enrolled.locator('.ant-descriptions-item-content').textContent()).toBe('1');
    await expect
      .poll(() => cohortRow(page, 'Nhỏ').allTextContents())
      .toEqual(['Nhỏ', '1', '50.000.000 ₫', '50.000.000 ₫']);
    expect(await page.getByText('Tổng kinh phí tối đa: 50.000.000 ₫').count()).toBe(1);
    // enrolled twice is refused, and the figures stay
    await enrolments.getByLabel('Mã số thuế').fill(HO_TAY.taxCode);
    await fillDate(enrolments.getByLabel('Ngày tham gia'), '03/03/2026');
    await enrolments.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await page
      .locator('.ant-message-error')
      .getByText(/đã tham gia/i)
      .waitFor({ timeout: 20_000 });
    expect(await enrolled.locator('.ant-descriptions-item-content').textContent()).toBe('1');

    // a file with bad rows: nothing is written, and each error is said in Vietnamese by row and column
    await enrolments.locator('input[type=file]').setInputFiles({
      name: 'tham-gia.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'taxCode,enrolledOn,note',
          `${HO_TAY.taxCode},01/03/2026,`,
          `${HO_TAY.taxCode},02/03/2026,`,
          '0100000006,31/02/2026,',
          '',
        ].join('\r\n'),
      ),
    });
    const importErrors = enrolments.locator('.ant-alert-error');
    await importErrors.getByText('Tệp có 3 lỗi, chưa ghi dòng nào').waitFor({ timeout: 20_000 });
    expect(await importErrors.getByRole('row').allTextContents()).toEqual([
      'DòngCộtLỗi',
      '3taxCodeTrùng mã số thuế với dòng 2',
      '4enrolledOnNgày không hợp lệ',
      '4taxCodeMã số thuế sai chữ số kiểm tra',
    ]);
    await shot(page, 'dx-support-01-program');

    const found: string[] = [];
    found.push(...(await axeViolations(page, 'support program detail @1280')));
    await page.setViewportSize({ width: 390, height: 844 });
    found.push(...(await axeViolations(page, 'support program detail @390')));
    await shot(page, 'dx-support-02-program-phone');
    await page.close();
    expect(found, axeReport(found)).toEqual([]);
  });
});
