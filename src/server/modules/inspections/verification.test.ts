import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Factories } from '../../test/factories.js';
import { useTestContext } from '../../test/test-app.js';
import { fieldsOf } from './test-helpers.js';

const ORIGIN = 'https://sb.hanoi.example.vn';
const { ctx, f } = useTestContext({ env: { PUBLIC_ORIGIN: ORIGIN, PUBLIC_RATE_LIMIT_PER_MINUTE: '20' } });

type Scene = Awaited<ReturnType<Factories['scene']>>;
const post = (cookie: string, url: string, payload?: unknown) =>
  ctx.as(cookie, { method: 'POST', url, payload: payload as object });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const verify = (code: string) => ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` });
const issueBody = {
  issuedDate: '2023-07-20',
  signerName: 'Nguyễn Văn Phong',
  signerTitle: 'Trưởng đoàn',
  recipients: ['Thường trực Thành ủy'],
  reason: 'Nhập hồ sơ sau khi kiểm tra',
};
const SECRET = 'Tỷ lệ hồ sơ trực tuyến còn thấp (nội dung không công khai).';

/** A scene taken to drafting by its head, with one finding whose text must never reach /verify. */
async function drafting() {
  const s: Scene = await f.scene();
  const head = await ctx.login(s.inspector.username, s.inspector.password);
  const id = s.inspection.id;
  for (const to of ['notified', 'in_progress'])
    expect((await post(head, `/api/inspections/${id}/transitions`, { to })).statusCode).toBe(200);
  const finding = await post(head, `/api/inspections/${id}/findings`, {
    contentAreaId: s.areas[0].id,
    kind: 'shortcoming',
    text: SECRET,
  });
  expect(finding.statusCode, finding.body).toBe(201);
  expect((await post(head, `/api/inspections/${id}/transitions`, { to: 'drafting' })).statusCode).toBe(200);
  return { s, head, id, findingId: finding.json().id as string };
}

const docx = async (head: string, id: string, version?: number) =>
  (
    await ctx.as(head, {
      method: 'GET',
      url: `/api/inspections/${id}/conclusion.docx${version ? `?version=${version}` : ''}`,
    })
  ).rawPayload;

async function footerXml(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
  const xml = (await Promise.all(footers.map((n) => zip.file(n)!.async('string')))).join('\n');
  const png = media.length ? await zip.file(media[0])!.async('nodebuffer') : null;
  return { xml, footers, png };
}

describe('verifiable issued conclusions', () => {
  it('prints the code, the /verify address and a QR code in the footer; /verify answers the facts and the file’s hash', async () => {
    const { head, id, s } = await drafting();
    const issued = await post(head, `/api/inspections/${id}/conclusion`, issueBody);
    expect(issued.statusCode, issued.body).toBe(201);
    const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    const code: string = detail.conclusions[0].verificationCode;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const printed = code.match(/.{4}/g)!.join('-');

    const file = await docx(head, id);
    const { xml, footers, png } = await footerXml(file);
    expect(footers.length).toBeGreaterThan(0);
    expect(xml).toContain(`Mã xác thực: ${printed} — kiểm tra tại ${ORIGIN}/verify/${code}`);
    expect(png?.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);

    const res = await verify(code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      kind: 'conclusion',
      code: printed,
      number: issued.json().number,
      year: 2023,
      issuedDate: '2023-07-20',
      issuer: `ĐOÀN KIỂM TRA SỐ ${detail.team.number}`,
      issuerSuperior: expect.any(String),
      signerName: 'Nguyễn Văn Phong',
      signerTitle: 'Trưởng đoàn',
      fileSha256: sha256(file),
      replacedBy: null,
    });
    // the downloaded file is the issued file: same bytes on every download, by anyone
    expect(sha256(await docx(head, id))).toBe(res.json().fileSha256);
    // nothing of the content: no finding, no recipient, no target, no ids
    for (const secret of [SECRET, 'Thường trực Thành ủy', s.target.name, id, issued.json().id])
      expect(res.body).not.toContain(secret);
    // typed as printed, in lower case, with spaces: the same document
    expect((await verify(printed.toLowerCase())).json().number).toBe(issued.json().number);
  });

  it('marks a version replaced by its correction, which has its own code', async () => {
    const { s, head, id, findingId } = await drafting();
    const v1 = (await post(head, `/api/inspections/${id}/conclusion`, issueBody)).json();
    const v1Code = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json().conclusions[0]
      .verificationCode as string;
    const v1File = await docx(head, id);
    const correction = await post(head, `/api/inspections/${id}/conclusion/corrections`, {
      ...issueBody,
      issuedDate: '2023-08-01',
      reason: 'Sửa nội dung',
      findings: [
        { supersedesFindingId: findingId, contentAreaId: s.areas[0].id, kind: 'shortcoming', text: 'Đã sửa.' },
      ],
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const versions = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json().conclusions;
    const v2Code = versions[0].verificationCode as string;
    expect(v2Code).not.toBe(v1Code);

    const old = (await verify(v1Code)).json();
    expect(old.number).toBe(v1.number);
    expect(old.replacedBy).toEqual({ number: correction.json().number, year: 2023, issuedDate: '2023-08-01' });
    // the old version's file is unchanged, and still what /verify reports for it
    expect(sha256(await docx(head, id, 1))).toBe(old.fileSha256);
    expect(sha256(v1File)).toBe(old.fileSha256);
    const current = (await verify(v2Code)).json();
    expect(current.replacedBy).toBeNull();
    expect(sha256(await docx(head, id))).toBe(current.fileSha256);
    expect((await footerXml(await docx(head, id))).xml).toContain(`${ORIGIN}/verify/${v2Code}`);
  });

  it('answers 404 to an unknown code and 400 naming params.code to a malformed one, without a session', async () => {
    const unknown = await verify('0000-0000-0000');
    expect(unknown.statusCode).toBe(404);
    for (const bad of ['ABC', 'UUUU-UUUU-UUUU', '0000-0000-0000-0']) {
      const res = await verify(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(fieldsOf(res.json())).toEqual(['params.code']);
    }
  });

  it('limits checks per address (429 with the error shape), so codes cannot be tried in bulk', async () => {
    const hit = () =>
      ctx.app.inject({ method: 'GET', url: '/api/public/verify/ZZZZ-ZZZZ-ZZZZ', remoteAddress: '203.0.113.79' });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await hit()).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    const limited = await hit();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await verify('ZZZZ-ZZZZ-ZZZZ')).statusCode).toBe(404); // another address is not affected
  });

  it('computes the hash of a version issued before hashes were stored from its (stable) document', async () => {
    const { head, id } = await drafting();
    expect((await post(head, `/api/inspections/${id}/conclusion`, issueBody)).statusCode).toBe(201);
    const code = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json().conclusions[0]
      .verificationCode as string;
    const stored = (await verify(code)).json().fileSha256;
    // as the migration leaves older versions: no stored hash
    await ctx.handle.db.execute(sql`update conclusions set file_sha256 = null where verification_code = ${code}`);
    expect((await verify(code)).json().fileSha256).toBe(stored);
  });
});
