import JSZip from 'jszip';
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { shot } from './browser.js';

/**
 * The verification code printed in an issued DOCX's footer ("Mã xác thực: XXXX-XXXX-XXXX — kiểm tra tại …"), read as
 * the holder of the file reads it.
 */
export async function footerCode(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n))) {
    const m = /Mã xác thực: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(await zip.file(name)!.async('string'));
    if (m) return m[1];
  }
  throw new Error('no verification code in the footer of the DOCX');
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Anyone, logged out and on a phone, types the code at /verify: the page says the document is genuine, names its kind
 * and the facts given (label → value), and the file held matches the issued one. Returns the page's text.
 */
export async function checkAtVerify(
  browser: Browser,
  baseUrl: string,
  doc: { code: string; kind: string; facts: Record<string, string>; file: Buffer; fileName: string; shot: string },
): Promise<string> {
  const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const pub = await anonymous.newPage();
    await pub.goto(`${baseUrl}/verify`);
    await pub.getByLabel('Mã xác thực').fill(doc.code);
    await pub.getByRole('button', { name: 'Kiểm tra' }).click();
    await pub.getByText('Mã xác thực hợp lệ: văn bản do hệ thống ban hành').waitFor({ timeout: 20_000 });
    expect(pub.url()).toContain(`/verify/${doc.code.replace(/-/g, '').toUpperCase()}`);
    const card = pub.locator('.ant-card').filter({ hasText: doc.kind });
    await card.waitFor();
    // each label with its value next to it (beside it on a wide screen, under it on a phone)
    const text = await card.innerText();
    for (const [label, value] of Object.entries(doc.facts))
      expect(text).toMatch(new RegExp(`${esc(label)}\\s*${esc(value)}`));
    await pub.locator('input[type=file]').setInputFiles({
      name: doc.fileName,
      mimeType: 'application/octet-stream',
      buffer: doc.file,
    });
    await pub.getByText(`Tệp ${doc.fileName} trùng khớp với tệp đã ban hành`).waitFor({ timeout: 20_000 });
    await shot(pub, doc.shot);
    // one main landmark (antd's Layout.Content is one: a <main> inside it made two)
    expect(await pub.getByRole('main').count()).toBe(1);
    return await pub.getByRole('main').innerText();
  } finally {
    await anonymous.close();
  }
}
