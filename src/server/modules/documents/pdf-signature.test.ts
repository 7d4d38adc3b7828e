import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdfSignature, loadSigningIdentity, signPdf, SIGNATURE_SUB_FILTER } from './pdf-signature.js';
import { makeTestP12 } from './signing-test-fixtures.js';

const CN = 'Nguyễn Văn Ký';
const ORG = 'Văn phòng Thành ủy Hà Nội';
const PASSWORD = 'mật-khẩu-thử';

async function plainPdf() {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Ket luan kiem tra', { x: 50, y: 780 });
  return Buffer.from(await doc.save());
}

describe('PDF signatures (PAdES part 2, adbe.pkcs7.detached)', () => {
  let dir: string;
  let p12: string;
  let notAfter: Date;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steerboard-sign-'));
    p12 = join(dir, 'signer.p12');
    ({ notAfter } = await makeTestP12(p12, { commonName: CN, organization: ORG, password: PASSWORD }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('signs a PDF whose signature names the signer, verifies, and fails once a byte changes', async () => {
    const identity = loadSigningIdentity(p12, PASSWORD);
    expect(identity.certificate).toMatchObject({ commonName: CN, organization: ORG });
    const signingTime = new Date('2026-12-03T01:02:03Z');
    const signed = await signPdf(await plainPdf(), identity, {
      reason: 'Kết luận đã ban hành',
      name: CN,
      location: 'Hà Nội',
      signingTime,
    });
    expect(signed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(signed.toString('latin1')).toMatch(/\/ByteRange\s*\[\s*0 \d+ \d+ \d+\s*\]/);
    const facts = inspectPdfSignature(signed)!;
    expect(facts).toEqual({
      subFilter: SIGNATURE_SUB_FILTER,
      signer: {
        commonName: CN,
        organization: ORG,
        validFrom: expect.any(String),
        validTo: new Date(Math.floor(notAfter.getTime() / 1000) * 1000).toISOString(),
      },
      signedAt: signingTime.toISOString(),
      coversWholeFile: true,
      valid: true,
    });

    // one byte of the signed content changed (outside the signature): the digest no longer matches
    const tampered = Buffer.from(signed);
    const at = signed.indexOf('Ket luan') >= 0 ? signed.indexOf('Ket luan') : 200;
    tampered[at] ^= 0x01;
    expect(inspectPdfSignature(tampered)).toMatchObject({ valid: false, signer: { commonName: CN } });
    // bytes appended after signing: not covered
    const appended = Buffer.concat([signed, Buffer.from('\n% appended\n')]);
    expect(inspectPdfSignature(appended)).toMatchObject({ coversWholeFile: false, valid: false });
    // an unsigned PDF has no signature
    expect(inspectPdfSignature(await plainPdf())).toBeNull();
  });

  it('refuses a wrong password, a missing file and a file that is not PKCS#12, saying which', async () => {
    expect(() => loadSigningIdentity(p12, 'sai')).toThrow(/wrong password/);
    expect(() => loadSigningIdentity(join(dir, 'none.p12'), PASSWORD)).toThrow(/cannot read .*ENOENT/);
    const junk = join(dir, 'junk.p12');
    await writeFile(junk, 'not a certificate');
    expect(() => loadSigningIdentity(junk, PASSWORD)).toThrow(/not a PKCS#12 file/);
  });
});
