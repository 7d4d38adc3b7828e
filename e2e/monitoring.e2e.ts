import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useBrowser } from './browser.js';
import { labels } from '../src/shared/labels.js';

const reportStatus = labels.vi.unitReportStatus;

const browser = useBrowser();
const baseUrl = inject('baseUrl');

const CENTER = 'Trung tâm Hỗ trợ doanh nghiệp Hà Nội';
const statusTag = (page: Page, text: string) => page.locator('.ant-tag', { hasText: text });

/** The Center's 2025 report page, reached through the menu as a user would. */
async function openReport(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/reporting-rounds`);
  await page.getByRole('link', { name: 'Báo cáo năm 2025' }).first().click();
  await page.waitForURL(/\/reporting-rounds\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: CENTER }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  await page.locator('#report_values_0_value').waitFor();
  return page.url();
}

describe('program monitoring journey', () => {
  let reportUrl = '';

  it('the Center fills and submits its report on a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, baseUrl, 'unit-ttht');
    reportUrl = await openReport(page);
    // indicators come in code order: DX_BAI_GIANG, DX_DN_SX, DX_KHOA_DT
    await page.locator('#report_values_0_value').fill('10');
    await page.locator('#report_values_1_value').fill('20');
    await page.locator('#report_values_2_value').fill('24');
    await page.locator('#report_narrative').fill('Trung tâm đã tổ chức các khóa đào tạo theo Kế hoạch 3457.');
    // the list of courses backs the DX_KHOA_DT figure alone
    await page.getByRole('button', { name: 'Minh chứng cho số liệu DX_KHOA_DT: 0 tệp' }).click();
    await page.locator('.ant-popover input[type="file"]').setInputFiles({
      name: 'Danh sách khóa đào tạo 2025.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% danh sach khoa dao tao\n%%EOF\n'),
    });
    await expect
      .poll(() => page.getByRole('button', { name: 'Minh chứng cho số liệu DX_KHOA_DT: 1 tệp' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await expect
      .poll(() => page.getByText('Danh sách khóa đào tạo 2025.pdf').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shot(page, 'monitoring-01b-value-evidence-phone');
    await page.getByRole('button', { name: 'Minh chứng cho số liệu DX_KHOA_DT: 1 tệp' }).click();
    await page.locator('.ant-popover').first().waitFor({ state: 'hidden' });
    // the form fits the phone: no horizontal scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'monitoring-01-report-form-phone');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    // submitting locks the report: it asks first, and nothing is sent until confirmed
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await statusTag(page, reportStatus.submitted).count()).toBe(0);
    await confirm.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => statusTag(page, reportStatus.submitted).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, 'monitoring-02-report-submitted-phone');
    await page.close();
  });

  it('the secretariat returns it with a comment', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, baseUrl, 'secretariat');
    await page.goto(reportUrl);
    // the reviewer sees which value carries evidence and opens it, though the form is locked under review
    await page.getByRole('button', { name: 'Minh chứng cho số liệu DX_KHOA_DT: 1 tệp' }).click();
    await expect
      .poll(() => page.locator('.ant-popover').getByText('Danh sách khóa đào tạo 2025.pdf').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await expect
      .poll(() => page.locator('.ant-popover').getByRole('button', { name: 'Tải lên minh chứng' }).count())
      .toBe(0);
    await page.getByRole('button', { name: 'Minh chứng cho số liệu DX_KHOA_DT: 1 tệp' }).click();
    await page.locator('#review-comment').fill('Đề nghị rà soát lại số khóa đào tạo năm 2025.');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => statusTag(page, reportStatus.returned).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, 'monitoring-03-report-returned');
    await page.close();
  });

  it('the Center sees the comment, fixes the value and resubmits', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, baseUrl, 'unit-ttht');
    // the header's bell counts the return; the Center opens the report from it
    await page.goto(`${baseUrl}/`);
    const bell = page.getByTestId('notification-bell');
    await expect
      .poll(() => page.locator('.notification-bell .ant-badge-count').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await bell.click();
    const returned = page.locator('.notification-line[data-kind="report.returned"]').first();
    await returned.waitFor();
    await shot(page, 'monitoring-04a-notification-bell');
    await returned.click();
    await page.waitForURL(reportUrl);
    await expect
      .poll(() => page.getByText('Đề nghị rà soát lại số khóa đào tạo năm 2025.').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.locator('#report_values_2_value').fill('27');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => statusTag(page, reportStatus.submitted).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('the secretariat approves, and the dashboard shows the new value', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, baseUrl, 'secretariat');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => statusTag(page, 'Đã duyệt').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Lần 1').count()).toBeGreaterThan(0);
    await shot(page, 'monitoring-04-report-approved');

    await page.goto(`${baseUrl}/monitoring?year=2025`);
    const row = page.locator('.ant-table-row', { hasText: 'DX_KHOA_DT' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await row.locator('td').nth(3).innerText()).trim()).toBe('27');
    await page.locator('canvas').first().waitFor();
    await shot(page, 'monitoring-05-dashboard');

    for (const [path, name, wait] of [
      ['/indicators', 'monitoring-06-indicators', 'QUY_DMST'],
      ['/program-tasks', 'monitoring-07-tasks', '3457-06'],
      ['/reporting-rounds', 'monitoring-08-rounds', 'Báo cáo năm 2022'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await expect.poll(() => page.getByText(wait).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await shot(page, name);
    }
    await page.goto(`${baseUrl}/org-units?`);
    await page.locator('input[type="search"]').first().fill('TTHTDN');
    await page.getByRole('link', { name: 'Hồ sơ theo dõi' }).first().click();
    await page.waitForURL(/\/org-units\/[0-9a-f-]{36}\/overview$/);
    await expect.poll(() => page.getByText('3457-03').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, 'monitoring-09-unit-page');

    // the last recommendation of the Sở TT&TT conclusion (S&T task ordering) linked to the indicator it concerns
    await page.goto(`${baseUrl}/inspections`);
    await page.getByText('Sở Thông tin và Truyền thông').first().click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: 'Phát hiện' }).click();
    const picker = page.locator('.ant-select', { hasText: 'Liên kết chỉ tiêu / nhiệm vụ' }).last();
    await picker.click();
    await page.keyboard.type('KHCN_DE_TAI');
    await page.locator('.ant-select-item-option', { hasText: 'KHCN_DE_TAI' }).first().click();
    await expect
      .poll(() => page.locator('.ant-tag', { hasText: 'KHCN_DE_TAI' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shot(page, 'monitoring-10-finding-link');
    await page.close();
  });

  it('the admin finds the returned report in the audit log by its name and opens it from there', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/audit-events`);
    await page.getByRole('combobox', { name: 'Loại đối tượng' }).click();
    await page.keyboard.type('Báo cáo định kỳ');
    await page.locator('.ant-select-item-option', { hasText: 'Báo cáo định kỳ của đơn vị' }).click();
    // the record by the names people use (unit and round), never an id, and a link to its page
    const link = page.getByRole('link', { name: `${CENTER} · Báo cáo năm 2025` }).first();
    await link.waitFor({ timeout: 20_000 });
    await shot(page, 'monitoring-11-audit-log-names');
    await link.click();
    await page.waitForURL(reportUrl);
    await page.close();
  });
});
