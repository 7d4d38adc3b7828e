import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { resolvePdfConverter } from '../documents/pdf-convert.js';
import { inspectPdfSignature } from '../documents/pdf-signature.js';
import { makeTestP12 } from '../documents/signing-test-fixtures.js';
import { useTestContext, type UsedTestContext } from '../../test/test-app.js';

const office = resolvePdfConverter(undefined);
if (!office) console.warn('LibreOffice not installed: skipping the issued-PDF tests that convert');
const withOffice = office ? it : it.skip;

const CN = 'Trần Thị Ký Số';
const ORG = 'Văn phòng Thành ủy';
const PASSWORD = 'thử-nghiệm-123';
const dir = mkdtempSync(join(tmpdir(), 'steerboard-p12-'));
const P12 = join(dir, 'signer.p12');
const { notAfter } = await makeTestP12(P12, { commonName: CN, organization: ORG, password: PASSWORD });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const issueBody = {
  issuedDate: '2023-07-20',
  signerName: 'Nguyễn Văn Phong',
  signerTitle: 'Trưởng đoàn',
  recipients: ['Thường trực Thành ủy'],
  reason: 'Nhập hồ sơ sau khi kiểm tra',
};

/** An inspection issued by its team head: the head's cookie, its id and its verification code. */
async function issued({ ctx, f }: UsedTestContext<never>) {
  const s = await f.scene();
  const head = await ctx.login(s.inspector.username, s.inspector.password);
  const id = s.inspection.id;
  const post = (url: string, payload?: object) => ctx.as(head, { method: 'POST', url, payload });
  for (const to of ['notified', 'in_progress', 'drafting'])
    expect((await post(`/api/inspections/${id}/transitions`, { to })).statusCode).toBe(200);
  const res = await post(`/api/inspections/${id}/conclusion`, issueBody);
  expect(res.statusCode, res.body).toBe(201);
  const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
  return { s, head, id, number: res.json().number as string, code: detail.conclusions[0].verificationCode as string };
}

describe('issued conclusion as a signed PDF', () => {
  const used = useTestContext({ env: { SIGNING_P12: P12, SIGNING_P12_PASSWORD: PASSWORD } });
  const { ctx } = used;
  const pdfOf = (cookie: string, id: string, version?: number) =>
    ctx.as(cookie, {
      method: 'GET',
      url: `/api/inspections/${id}/conclusion.pdf${version ? `?version=${version}` : ''}`,
    });
  const verify = (code: string) => ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` });

  withOffice(
    'makes the PDF once, signed by the configured certificate; /verify reports the signer and validity',
    async () => {
      const { head, id, code, number } = await issued(used);
      const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
      expect(detail.pdf).toEqual({ available: true, signed: true });
      // before anyone downloaded it there is no PDF to speak of
      expect((await verify(code)).json().pdf).toBeUndefined();

      const res = await pdfOf(head, id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/\.pdf/);
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/ByteRange\s*\[\s*0 \d+ \d+ \d+\s*\]/);
      expect(pdf.toString('latin1')).toContain('/SubFilter /adbe.pkcs7.detached');
      expect(inspectPdfSignature(pdf)).toMatchObject({ valid: true, signer: { commonName: CN, organization: ORG } });

      // stored: the next download (by anyone who may read it) is the same bytes, and the version number names it
      expect(sha256((await pdfOf(head, id)).rawPayload)).toBe(sha256(pdf));
      expect(sha256((await pdfOf(head, id, 1)).rawPayload)).toBe(sha256(pdf));
      const audit = await ctx.handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_events where entity_type = 'conclusionPdf'
          and entity_id::text = (select id::text from conclusions where verification_code = ${code})`,
      );
      // made once, recorded once, however many downloads
      expect((audit as { rows: { n: number }[] }).rows[0].n).toBe(1);

      const v = await verify(code);
      expect(v.statusCode, v.body).toBe(200);
      expect(v.json().number).toBe(number);
      expect(v.json().pdf).toEqual({
        sha256: sha256(pdf),
        signed: true,
        signature: {
          signerName: CN,
          signerOrganization: ORG,
          certificateValidFrom: expect.any(String),
          certificateValidTo: new Date(Math.floor(notAfter.getTime() / 1000) * 1000).toISOString(),
          signedAt: expect.any(String),
          subFilter: 'adbe.pkcs7.detached',
          valid: true,
        },
      });
      // still nothing of the content
      expect(v.body).not.toContain('Thường trực Thành ủy');

      // one byte of the stored PDF changed (inside the signed range): the signature no longer holds
      await ctx.handle.db.execute(
        sql`update conclusion_pdfs set data = set_byte(data, 10, get_byte(data, 10) # 1) where conclusion_id = (select id from conclusions where verification_code = ${code})`,
      );
      const tampered = (await verify(code)).json().pdf;
      expect(tampered.signature).toMatchObject({ signerName: CN, valid: false });
    },
    180_000,
  );

  withOffice(
    'two simultaneous first requests get the same stored PDF (one row)',
    async () => {
      const { head, id, code } = await issued(used);
      const [a, b] = await Promise.all([pdfOf(head, id), pdfOf(head, id)]);
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      expect(sha256(a.rawPayload)).toBe(sha256(b.rawPayload));
      const rows = await ctx.handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from conclusion_pdfs p join conclusions c on c.id = p.conclusion_id where c.verification_code = ${code}`,
      );
      expect((rows as { rows: { n: number }[] }).rows[0].n).toBe(1);
      // across instances (no shared memory) the row's key decides: a second PDF for the version is never stored
      await expect(
        ctx.handle.db.execute(
          sql`insert into conclusion_pdfs (conclusion_id, data, sha256, signed) select id, '\\x00'::bytea, 'x', false from conclusions where verification_code = ${code}`,
        ),
      ).rejects.toThrow();
    },
    180_000,
  );

  // an independent check of the CMS: OpenSSL verifies the signature over the byte ranges with the embedded certificate
  const openssl = spawnSync('which', ['openssl'], { encoding: 'utf8' }).stdout.trim();
  (office && openssl ? it : it.skip)(
    'OpenSSL verifies the signature over the signed byte ranges',
    async () => {
      const { head, id } = await issued(used);
      const pdf = (await pdfOf(head, id)).rawPayload;
      const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'))!;
      const [a, b, c, d] = m.slice(1).map(Number);
      writeFileSync(join(dir, 'content.bin'), Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
      writeFileSync(join(dir, 'sig.der'), Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex'));
      const out = execFileSync(
        openssl,
        [
          'cms',
          '-verify',
          '-inform',
          'DER',
          '-in',
          join(dir, 'sig.der'),
          '-binary',
          '-content',
          join(dir, 'content.bin'),
          '-noverify',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(out).toBe('');
    },
    180_000,
  );

  it('answers 409 PDF_ONLY_ISSUED for an inspection with no issued conclusion', async () => {
    const s = await used.f.scene();
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const res = await pdfOf(head, s.inspection.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('PDF_ONLY_ISSUED');
  });
});

describe('issued conclusion PDF without a converter', () => {
  const used = useTestContext({ env: { PDF_CONVERTER: '/nonexistent/bin/soffice' } });
  const { ctx } = used;

  it('says so: the flag is false and the route answers 503 PDF_CONVERTER_MISSING; the DOCX still downloads', async () => {
    const { head, id, code } = await issued(used);
    const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    expect(detail.pdf).toEqual({ available: false, signed: false });
    const res = await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}/conclusion.pdf` });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The server has no PDF converter installed',
      details: { reason: 'PDF_CONVERTER_MISSING' },
    });
    const docx = await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx` });
    expect(docx.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` })).json().pdf).toBeUndefined();
  });
});

describe('signing configuration', () => {
  it('refuses to start with a wrong password or a missing file, saying which', () => {
    expect(() => loadConfig({ SIGNING_P12: P12, SIGNING_P12_PASSWORD: 'sai' })).toThrow(
      /SIGNING_P12: cannot open .* wrong password .*refusing to start/,
    );
    expect(() => loadConfig({ SIGNING_P12: join(dir, 'none.p12'), SIGNING_P12_PASSWORD: PASSWORD })).toThrow(
      /SIGNING_P12: cannot read .*none\.p12: ENOENT/,
    );
    expect(() => loadConfig({ SIGNING_P12_PASSWORD: PASSWORD })).toThrow(/without SIGNING_P12/);
    expect(loadConfig({ SIGNING_P12: P12, SIGNING_P12_PASSWORD: PASSWORD }).pdf.signing?.certificate.commonName).toBe(
      CN,
    );
    expect(loadConfig({ PDF_CONVERTER: '/nonexistent/soffice' }).pdf.converter).toBeNull();
  });
});
