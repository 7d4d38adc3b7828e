import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';

/**
 * The sub-filter of our signatures. ETSI.CAdES.detached (PAdES baseline) requires the ESS signing-certificate-v2
 * signed attribute, which @signpdf's P12 signer (node-forge) cannot add; adbe.pkcs7.detached is the ISO 32000-1
 * CMS signature that PAdES part 2 ("PAdES Basic") profiles, and what every PDF reader validates.
 */
export const SIGNATURE_SUB_FILTER = 'adbe.pkcs7.detached';
/** room for the CMS (the certificate chain plus the signature), in bytes; the placeholder is twice this in hex */
const SIGNATURE_LENGTH = 16_384;

/** Who a certificate names and when it is valid. */
export interface CertificateFacts {
  commonName: string | null;
  organization: string | null;
  validFrom: string;
  validTo: string;
}

/** A PKCS#12 file (SIGNING_P12) opened with its password: the key and its certificate, checked at start. */
export interface SigningIdentity {
  p12: Buffer;
  password: string;
  certificate: CertificateFacts;
}

/**
 * Opens the PKCS#12 file and checks it holds a private key with its certificate. Throws an Error whose message
 * says what is wrong (no such file, wrong password, no key, no matching certificate): config refuses to start.
 */
export function loadSigningIdentity(path: string, password: string): SigningIdentity {
  let p12: Buffer;
  try {
    p12 = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      cause: e,
    });
  }
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), password);
  } catch (e) {
    const why = /MAC could not be verified|Invalid password/i.test((e as Error).message)
      ? 'wrong password (SIGNING_P12_PASSWORD)'
      : `not a PKCS#12 file (${(e as Error).message})`;
    throw new Error(`cannot open ${path}: ${why}`, { cause: e });
  }
  // the signer reads the password-encrypted (shrouded) key bag, as every PKCS#12 export makes it
  const key = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]
    ?.key;
  if (!key) throw new Error(`${path} holds no password-encrypted private key`);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((b) =>
    b.cert ? [b.cert] : [],
  );
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) && pub.e?.equals(key.e);
  });
  if (!own) throw new Error(`${path} holds no certificate for its private key (an RSA key and its certificate)`);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(own)).getBytes(), 'binary');
  return { p12, password, certificate: certificateFacts(der) };
}

/**
 * Signs a PDF (PAdES part 2: an adbe.pkcs7.detached CMS signature over the whole file but its /Contents), as an
 * invisible signature field. The result is a new file: its bytes are what is stored and hashed.
 */
export async function signPdf(
  pdf: Buffer,
  identity: SigningIdentity,
  meta: { reason: string; name: string; location: string; signingTime: Date },
): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: meta.reason,
    contactInfo: '',
    name: meta.name,
    location: meta.location,
    signingTime: meta.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SIGNATURE_SUB_FILTER,
    appName: 'Steerboard',
  });
  // without object streams: the placeholder's /ByteRange and /Contents must be plain text in the file to be filled
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signer = new P12Signer(identity.p12, { passphrase: identity.password });
  return new SignPdf().sign(withPlaceholder, signer, meta.signingTime);
}

/** What a PDF's (last) signature says and whether it holds. */
export interface PdfSignatureFacts {
  subFilter: string | null;
  signer: CertificateFacts;
  /** the signing time in the signed attributes, when there is one */
  signedAt: string | null;
  /** the byte ranges cover the whole file but the signature itself (nothing appended after signing) */
  coversWholeFile: boolean;
  /** the digest of the signed bytes matches, the signature verifies with the certificate's key, and it covers the file */
  valid: boolean;
}

/** The facts of a PDF's last signature, or null when the file has none (or an unreadable one). */
export function inspectPdfSignature(pdf: Buffer): PdfSignatureFacts | null {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return null;
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return null;
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return null;
  const cms = Buffer.from(hex, 'hex');
  let parsed: ReturnType<typeof parseSignedData>;
  try {
    parsed = parseSignedData(cms);
  } catch {
    return null;
  }
  const subFilterMatch = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(text.slice(Math.max(0, b - 4096), b));
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digestOk =
    parsed.messageDigest !== null &&
    createHash(parsed.digestAlgorithm).update(signed).digest().equals(parsed.messageDigest);
  const signatureOk = (() => {
    try {
      return verifySignature(
        parsed.digestAlgorithm,
        parsed.signedAttributes,
        new X509Certificate(parsed.certificate).publicKey,
        parsed.signature,
      );
    } catch {
      return false;
    }
  })();
  const coversWholeFile = c + d === pdf.length;
  return {
    subFilter: subFilterMatch?.[1] ?? null,
    signer: certificateFacts(parsed.certificate),
    signedAt: parsed.signingTime,
    coversWholeFile,
    valid: digestOk && signatureOk && coversWholeFile,
  };
}

// ——— a minimal DER reader: enough of CMS SignedData (RFC 5652) and X.509 to check one signature ———

interface Tlv {
  tag: number;
  /** offset of the tag byte */
  start: number;
  /** offset of the value */
  value: number;
  end: number;
}

function readTlv(buf: Buffer, at: number): Tlv {
  const tag = buf[at];
  let len = buf[at + 1];
  let value = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + 2 + i];
    value += n;
  }
  const end = value + len;
  if (tag === undefined || end > buf.length) throw new Error('truncated DER');
  return { tag, start: at, value, end };
}

function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.value; at < parent.end;) {
    const t = readTlv(buf, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

function oidOf(buf: Buffer, t: Tlv): string {
  const bytes = buf.subarray(t.value, t.end);
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let n = 0;
  for (const byte of bytes.subarray(1)) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

function derTime(buf: Buffer, t: Tlv): string | null {
  const s = buf.subarray(t.value, t.end).toString('latin1');
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return null;
  const year = m[1].length === 4 ? Number(m[1]) : Number(m[1]) + (Number(m[1]) < 50 ? 2000 : 1900);
  return new Date(Date.UTC(year, +m[2] - 1, +m[3], +m[4], +m[5], +m[6])).toISOString();
}

/** The signer's certificate, digest, signed attributes (re-tagged as the SET that was signed) and signature. */
function parseSignedData(cms: Buffer) {
  const contentInfo = readTlv(cms, 0);
  const [type, explicit] = children(cms, contentInfo);
  if (oidOf(cms, type) !== OID_SIGNED_DATA) throw new Error('not SignedData');
  const signedData = children(cms, explicit)[0];
  const parts = children(cms, signedData);
  const certSet = parts.find((p) => p.tag === 0xa0);
  const signerInfos = parts.at(-1)!;
  const signerInfo = children(cms, signerInfos)[0];
  const si = children(cms, signerInfo);
  // version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature
  const [, sid, digestAlg] = si;
  const attrs = si.find((p) => p.tag === 0xa0);
  const signatureTlv = si.filter((p) => p.tag === 0x04).at(-1);
  if (!attrs || !signatureTlv) throw new Error('no signed attributes');
  const digestAlgorithm = DIGESTS[oidOf(cms, children(cms, digestAlg)[0])];
  if (!digestAlgorithm) throw new Error('unsupported digest');
  let messageDigest: Buffer | null = null;
  let signingTime: string | null = null;
  for (const attr of children(cms, attrs)) {
    const [oid, values] = children(cms, attr);
    const value = children(cms, values)[0];
    const name = oidOf(cms, oid);
    if (name === OID_MESSAGE_DIGEST) messageDigest = cms.subarray(value.value, value.end);
    if (name === OID_SIGNING_TIME) signingTime = derTime(cms, value);
  }
  // the signer: the certificate whose issuer and serial number the sid names
  const sidBytes = sid.tag === 0x30 ? children(cms, sid).map((p) => cms.subarray(p.start, p.end)) : [];
  const certs = certSet ? children(cms, certSet).map((t) => cms.subarray(t.start, t.end)) : [];
  const certificate = certs.find((der) => {
    const tbs = children(der, readTlv(der, 0))[0];
    const fields = children(der, tbs);
    const offset = fields[0].tag === 0xa0 ? 1 : 0;
    const serial = der.subarray(fields[offset].start, fields[offset].end);
    const issuer = der.subarray(fields[offset + 2].start, fields[offset + 2].end);
    return sidBytes.length === 2 && issuer.equals(sidBytes[0]) && serial.equals(sidBytes[1]);
  });
  if (!certificate) throw new Error('no signer certificate');
  // what was signed is the DER of the attributes as a SET (tag 0x31), not the [0] IMPLICIT the message carries
  const signedAttributes = Buffer.from(cms.subarray(attrs.start, attrs.end));
  signedAttributes[0] = 0x31;
  return {
    certificate,
    digestAlgorithm,
    messageDigest,
    signingTime,
    signedAttributes,
    signature: cms.subarray(signatureTlv.value, signatureTlv.end),
  };
}

/** The subject's CN and O (read from the DER, UTF-8 as issued) and the validity period of a certificate. */
export function certificateFacts(der: Buffer): CertificateFacts {
  const x509 = new X509Certificate(der);
  const tbs = children(der, readTlv(der, 0))[0];
  const fields = children(der, tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  const subject = fields[offset + 4];
  const names: Record<string, string> = {};
  for (const rdn of children(der, subject))
    for (const atv of children(der, rdn)) {
      const [oid, value] = children(der, atv);
      const raw = der.subarray(value.value, value.end);
      // BMPString (0x1e) is UTF-16BE; UTF8String, PrintableString, IA5String read as UTF-8
      names[oidOf(der, oid)] ??=
        value.tag === 0x1e ? Buffer.from(raw).swap16().toString('utf16le') : raw.toString('utf8');
    }
  return {
    commonName: names['2.5.4.3'] ?? null,
    organization: names['2.5.4.10'] ?? null,
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
  };
}
