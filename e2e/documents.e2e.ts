import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { login, shot, useBrowser } from './browser.js';
import { checkAtVerify, footerCode } from './verify.js';
import { resolvePdfConverter } from '../src/server/modules/documents/pdf-convert.js';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/**
 * Issued documents other than a conclusion's Word file (inspections.e2e.ts checks that one at /verify): a reporting
 * round's summary at /verify, and a conclusion's PDF. The DX report's code: dx-assessment.e2e.ts.
 */
describe('issued documents', () => {
  it('the summary issued when the 2022 round closed carries a code that anyone checks at /verify', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await login(page, baseUrl, 'secretariat');
    await page.goto(`${baseUrl}/reporting-rounds`);
    await page.getByRole('link', { name: 'Báo cáo năm 2022' }).first().click();
    await page.waitForURL(/\/reporting-rounds\/[0-9a-f-]{36}$/);
    await page.getByText('Đã đóng').first().waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Báo cáo tổng hợp (Word)' }).click(),
    ]);
    const file = await readFile(await download.path());
    const code = await footerCode(file);
    await page.close();
    await checkAtVerify(browser, baseUrl, {
      code,
      kind: 'Báo cáo tổng hợp kỳ báo cáo',
      facts: { 'Mã xác thực': code, 'Kỳ báo cáo': 'Báo cáo năm 2022' },
      file,
      fileName: download.suggestedFilename(),
      shot: 'documents-01-verify-round-summary-phone',
    });
  });

  // The e2e server inherits this process's environment: it has a converter exactly when this lookup finds one
  // (PDF_CONVERTER, else libreoffice or soffice on PATH; CI installs libreoffice-writer).
  const converter = resolvePdfConverter(process.env.PDF_CONVERTER);
  it(
    converter
      ? `an issued conclusion's PDF button downloads a PDF (converter: ${converter})`
      : 'an issued conclusion’s tab says plainly that the server has no PDF converter (PDF_CONVERTER_MISSING)',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await login(page, baseUrl, 'secretariat');
      // an inspection of the demo whose conclusion was issued: one with recommendations to follow up
      const list = await page.request.get(`${baseUrl}/api/follow-ups?limit=1&kind=recommendation`);
      const [item] = ((await list.json()) as { items: { inspection: { id: string } }[] }).items;
      await page.goto(`${baseUrl}/inspections/${item.inspection.id}`);
      await page.getByRole('tab', { name: 'Kết luận' }).click();
      const word = page.getByRole('button', { name: 'Tải kết luận (Word)' });
      await word.waitFor({ timeout: 20_000 });
      const pdfButton = page.getByRole('button', { name: /^Tải kết luận \(PDF/ });
      const missing = page.getByText('Máy chủ chưa cài bộ chuyển đổi PDF: hiện chỉ tải được bản Word.');
      if (converter) {
        expect(await missing.count()).toBe(0);
        // LibreOffice's first start on a busy machine takes a while
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), pdfButton.click()]);
        expect(download.suggestedFilename()).toMatch(/\.pdf$/);
        const bytes = await readFile(await download.path());
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.length).toBeGreaterThan(1_000);
      } else {
        await missing.waitFor();
        expect(await pdfButton.count()).toBe(0);
        const res = await page.request.get(`${baseUrl}/api/inspections/${item.inspection.id}/conclusion.pdf`);
        expect(res.status()).toBe(503);
        expect(await res.text()).toContain('PDF_CONVERTER_MISSING');
      }
      await shot(page, 'documents-02-conclusion-pdf');
      await page.close();
    },
  );
});
