import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useBrowser } from './browser.js';
import { labels } from '../src/shared/labels.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** Clicks the OK button of the confirmation dialog antd opens for irreversible moves. */
async function confirmDialog(page: Page, okText: RegExp) {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: okText }).click();
  await dialog.waitFor({ state: 'detached' });
}

// One story, in order: each step builds on the previous one's data (the demo instance started by global-setup).
describe('Plan 15-KH/BCĐ from plan to follow-up, in the browser', () => {
  it('secretariat opens Plan 15-KH/BCĐ, sees the objectivity warning naming Phạm Thu Hà, and edits the plan', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, baseUrl, 'secretariat');
    await shot(page, '01-dashboard');
    await page.goto(`${baseUrl}/inspection-plans`);
    await shot(page, '02-plans');
    await page.getByText('15-KH/BCĐ').first().click();
    await page.waitForURL(/\/inspection-plans\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText('Phạm Thu Hà').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ant-alert-warning').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, '03-plan');

    // edit the plan: its requirements text, saved through PATCH and shown on the page
    await page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: 'Sửa kế hoạch' });
    const requirements = `Báo cáo gửi Đoàn trước 05 ngày làm việc (e2e ${Date.now()})`;
    await modal.locator('#requirements').fill(requirements);
    await modal.getByRole('button', { name: /Lưu/ }).click();
    await expect.poll(() => page.getByText(requirements).count(), { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it('secretariat saving an assessment the admin changed meanwhile is told who changed it, and reloads it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, baseUrl, 'secretariat');
    await page.goto(`${baseUrl}/inspections`);
    await page.getByPlaceholder(/tìm/i).fill('dong da');
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBe(1);
    await page.locator('.ant-table-row').getByRole('link').first().click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const card = page
      .locator('.ant-card')
      .filter({ has: page.locator('textarea') })
      .first();
    await card.locator('textarea').waitFor({ timeout: 20_000 });

    // meanwhile the admin saves the same area from the version the page loaded
    const admin = await browser.newPage();
    await login(admin, baseUrl, 'admin');
    const who = (await (await admin.request.get(`${baseUrl}/api/auth/me`)).json()).user.displayName as string;
    const detail = await (await admin.request.get(`${baseUrl}/api/inspections/${id}`)).json();
    const area = detail.contentAreas[0];
    const theirs = `Quản trị viên bổ sung nhận xét (e2e ${Date.now()})`;
    const put = await admin.request.put(`${baseUrl}/api/inspections/${id}/assessments/${area.id}`, {
      headers: { origin: baseUrl },
      data: { rating: 'good', notes: theirs, version: area.assessment?.version ?? 0 },
    });
    expect(put.status(), await put.text()).toBe(200);
    await admin.close();

    await card.locator('textarea').fill('Nhận xét của thư ký (sẽ bị từ chối)');
    await card.getByRole('button', { name: /Lưu/ }).click();
    const alert = card.locator('.ant-alert-warning');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain(who);
    await shot(page, '04a-assessment-stale');
    await alert.getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => page.locator('.ant-card textarea').first().inputValue(), { timeout: 20_000 }).toBe(theirs);
    expect(await page.locator('.ant-card .ant-alert-warning').count()).toBe(0);
    await page.close();
  });

  it('secretariat records a finding at Đống Đa, moves the inspection to drafting, issues it and downloads the DOCX', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await login(page, baseUrl, 'secretariat');
    await page.goto(`${baseUrl}/inspections`);
    // diacritics-insensitive search: "dong da" finds "Đống Đa"
    await page.getByPlaceholder(/tìm/i).fill('dong da');
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBe(1);
    await shot(page, '04-inspections-search');
    await page.locator('.ant-table-row').getByRole('link').first().click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}/);

    await page.getByRole('tab', { name: 'Phát hiện' }).click();
    await page.getByRole('button', { name: /Thêm phát hiện/ }).click();
    const text = `Đã ban hành quy chế quản lý nhiệm vụ khoa học cấp quận (e2e ${Date.now()})`;
    const modal = page.locator('.ant-modal').filter({ hasText: 'Thêm phát hiện' });
    await modal.locator('textarea').fill(text);
    await modal.getByRole('button', { name: /Lưu/ }).click();
    await expect.poll(() => page.getByText(text).count(), { timeout: 20_000 }).toBe(1);
    await shot(page, '05-inspection-finding');

    await page.getByRole('button', { name: 'Chuyển dự thảo kết luận' }).click();
    await confirmDialog(page, /Xác nhận/);
    await expect
      .poll(() => page.locator('.ant-steps-item-process').innerText(), { timeout: 20_000 })
      .toContain(labels.vi.inspectionStatus.drafting);

    await page.getByRole('tab', { name: 'Kết luận' }).click();
    await shot(page, '06-issue-form');
    // the demo's dates move with the day it loads: issuing before the scheduled end (or before the recorded start)
    // shows the schedule warning, and then the form asks for the reason
    await page.getByRole('button', { name: 'Ban hành', exact: true }).waitFor();
    const reason = page.getByLabel('Lý do', { exact: true });
    if (await reason.isVisible()) await reason.fill('Đoàn đã hoàn thành kiểm tra trước thời hạn (e2e)');
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await confirmDialog(page, /Ban hành/);
    const download = page.getByRole('button', { name: /Tải kết luận \(Word\)/ });
    await download.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(/\d{2}-KL\/ĐKT/).count()).toBeGreaterThan(0);
    await shot(page, '07-issued');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a DOCX is a ZIP package

    // the code printed in the footer is on the tab; anyone, logged out, checks it and the file they hold
    const printed = (await page.getByTestId('verification-code').innerText()).trim();
    expect(printed).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.close();
    const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const pub = await anonymous.newPage();
    await pub.goto(`${baseUrl}/verify`);
    await pub.getByLabel('Mã xác thực').fill(printed.toLowerCase());
    await pub.getByRole('button', { name: 'Kiểm tra' }).click();
    await pub.getByText('Mã xác thực hợp lệ: văn bản do hệ thống ban hành').waitFor({ timeout: 20_000 });
    expect(pub.url()).toContain(`/verify/${printed.replace(/-/g, '')}`);
    await pub.locator('input[type=file]').setInputFiles({
      name: 'ket-luan.docx',
      mimeType: 'application/octet-stream',
      buffer: bytes,
    });
    await pub.getByText('Tệp ket-luan.docx trùng khớp với tệp đã ban hành').waitFor({ timeout: 20_000 });
    await shot(pub, '07b-verified-phone');
    await anonymous.close();
  });

  it('unit-stttt reports progress on a follow-up, on a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, baseUrl, 'unit-stttt');
    await page.goto(`${baseUrl}/follow-ups?status=open`);
    const items = page.locator('.ant-table-row, .ant-list-item');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, '08-follow-ups-phone');
    await items.first().locator('a').first().click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.locator('textarea').waitFor({ timeout: 20_000 });
    await drawer.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đang thực hiện' }).click();
    const note = `Đã triển khai kế hoạch khắc phục, hoàn thành 60% (e2e ${Date.now()})`;
    await drawer.locator('textarea').fill(note);
    await drawer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => drawer.getByText(note).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, '09-follow-up-reported-phone');
    await page.close();
  });
  it('secretariat publishes a conclusion’s follow-up status, and anyone reads it without logging in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, baseUrl, 'secretariat');
    const list = await page.request.get(`${baseUrl}/api/follow-ups?limit=1&kind=recommendation`);
    const [item] = ((await list.json()) as { items: { text: string; inspection: { id: string } }[] }).items;
    await page.goto(`${baseUrl}/inspections/${item.inspection.id}`);
    await page.getByRole('tab', { name: 'Kết luận' }).click();
    const card = page.getByTestId('publication-card');
    await card.getByRole('button', { name: 'Công khai', exact: true }).click();
    await confirmDialog(page, /Công khai/);
    const open = card.getByRole('link', { name: 'Xem trang công khai' });
    await open.waitFor({ timeout: 20_000 });
    const href = await open.getAttribute('href');
    await shot(page, '10-published');
    await page.close();

    // a new browser context: no session cookie at all
    const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const pub = await anonymous.newPage();
    await pub.goto(`${baseUrl}${href}`);
    await expect.poll(() => pub.getByText(item.text).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(pub.url()).not.toContain('/login');
    await shot(pub, '11-public-page-phone');
    await anonymous.close();
  });
});
