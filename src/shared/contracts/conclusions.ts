import { z } from 'zod';
import { isoDate, longText, shortText, timestamp } from '../fields.js';
import { correctionFindingInput } from './findings.js';
import { because } from '../error-reasons.js';
import { verificationKinds } from '../verification-code.js';

const issueFields = {
  issuedDate: isoDate,
  signerName: shortText(120),
  signerTitle: shortText(200),
  summary: longText(20_000).nullable().optional(),
  recipients: z.array(shortText(300)).min(1, because('AT_LEAST_ONE_RECIPIENT')).max(30),
};

/** `reason`: why the conclusion is dated before the inspection's start or scheduled end (inspection-schedule.ts). */
export const issueInput = z.strictObject({ ...issueFields, reason: shortText(2_000).optional() });
export type IssueInput = z.infer<typeof issueInput>;

export const correctionInput = z.strictObject({
  ...issueFields,
  reason: shortText(2_000),
  findings: z.array(correctionFindingInput).min(1, because('AT_LEAST_ONE_FINDING')).max(500),
});
export type CorrectionInput = z.infer<typeof correctionInput>;

export const conclusionVersion = z.object({
  id: z.uuid(),
  number: z.string(),
  /** the year its number counts in */
  year: z.number().int(),
  version: z.number().int(),
  issuedDate: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  summary: z.string().nullable(),
  recipients: z.array(z.string()),
  contentSha256: z.string(),
  supersedesNumber: z.string().nullable(),
  correctionReason: z.string().nullable(),
  scheduleReason: z.string().nullable(),
  /** a later version replaces this one */
  superseded: z.boolean(),
  issuedAt: timestamp,
  /** printed in the document's footer; checked by anyone at /verify/{code} */
  verificationCode: z.string(),
});
export type ConclusionVersion = z.infer<typeof conclusionVersion>;

export const conclusionDocxQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(1000).optional() });

/** The answer to issuing or correcting a conclusion: its number, version and the hash of the document's content. */
export const issuedConclusion = z.object({
  id: z.uuid(),
  number: z.string(),
  version: z.number().int(),
  contentSha256: z.string(),
});
export type IssuedConclusion = z.infer<typeof issuedConclusion>;

export const verificationParams = z.strictObject({ code: z.string().max(40) });

/** The issued PDF as /verify reports it: its hash and, when signed, who signed it and whether the signature holds. */
export const verifiedPdf = z.object({
  /** SHA-256 (hex) of the issued PDF: the downloaded PDF hashes to this */
  sha256: z.string(),
  signed: z.boolean(),
  /** checked on each request against the stored file (null: unsigned) */
  signature: z
    .object({
      /** the signing certificate's subject CN and O */
      signerName: z.string().nullable(),
      signerOrganization: z.string().nullable(),
      certificateValidFrom: z.string().nullable(),
      certificateValidTo: z.string().nullable(),
      signedAt: z.string().nullable(),
      /** adbe.pkcs7.detached */
      subFilter: z.string().nullable(),
      /** the signed bytes' digest matches, the signature verifies with the certificate, and it covers the whole file */
      valid: z.boolean(),
    })
    .nullable(),
});
export type VerifiedPdf = z.infer<typeof verifiedPdf>;

/**
 * What /verify tells anyone holding a code: enough to check a paper copy or a forwarded file is genuine (number,
 * date, issuer, signer, the file's SHA-256, whether a correction replaced it), nothing of the content.
 */
export const verifiedDocument = z.object({
  /** which document the code is printed on: an issued conclusion, a closed round's summary, a verified DX report */
  kind: z.enum(verificationKinds),
  /** XXXX-XXXX-XXXX */
  code: z.string(),
  /** the document's number (conclusions; null for the other kinds, which have none) */
  number: z.string().nullable(),
  /** the year its number counts in (numbers restart every year); the round's or the assessment's year */
  year: z.number().int(),
  issuedDate: z.string(),
  /** the issuing body as the document prints it, and the body above it (null: the document names none) */
  issuer: z.string().nullable(),
  issuerSuperior: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  /** SHA-256 (hex) of the issued DOCX: the downloaded file hashes to this */
  fileSha256: z.string(),
  /** the document that replaced this one, if any (a correction; a later summary of the same round; a later verification) */
  replacedBy: z.object({ number: z.string().nullable(), year: z.number().int(), issuedDate: z.string() }).nullable(),
  /** the issued PDF, once one was made (absent before) */
  pdf: verifiedPdf.optional(),
  /** roundSummary: the round's title and period */
  title: z.string().optional(),
  period: z.string().optional(),
  /** dxReport: the assessed enterprise's name (never its scores) */
  enterpriseName: z.string().optional(),
});
export type VerifiedDocument = z.infer<typeof verifiedDocument>;
