import { Paragraph } from 'docx';
import QRCode from 'qrcode';
import {
  bodyParagraph,
  centered,
  closingBlock,
  documentHeader,
  packDocument,
  run,
  titleBlock,
  unbrokenRun,
  verificationFooter,
  type Motto,
  type Signer,
} from './docx-parts.js';
import {
  conclusionSections,
  textLines,
  type BodyLine,
  type ConclusionContentArea,
  type ConclusionFinding,
} from './conclusion-sections.js';
import { formatDateVi } from './format.js';
import { formatVerificationCode } from '../../../shared/verification-code.js';

export type { ConclusionContentArea, ConclusionFinding } from './conclusion-sections.js';

export interface ConclusionDocInput {
  motto: Motto;
  /** The issuing body's direct superior, then the issuing body (set bold): at most two levels. */
  issuerLines: string[];
  /** Number and symbol, e.g. '01-KL/ĐKT'. */
  number: string;
  place: string;
  /** 'YYYY-MM-DD'. */
  issuedDate: string;
  subtitle: string;
  intro?: string | null;
  supersedes?: { number: string; issuedDate: string; reason: string } | null;
  contentAreas: ConclusionContentArea[];
  findings: ConclusionFinding[];
  signer: Signer;
  recipients: string[];
  /** Adds a boxed "DỰ THẢO" above the title. */
  draft?: boolean;
  /** An issued version's verification code and the address that checks it (footer with a QR code); drafts have none. */
  verification?: { code: string; url: string } | null;
}

const TITLE = 'KẾT LUẬN KIỂM TRA';

function supersedesLine(supersedes: NonNullable<ConclusionDocInput['supersedes']>): BodyLine {
  const text = `Thay thế Kết luận số ${supersedes.number} ngày ${formatDateVi(supersedes.issuedDate)}; lý do: ${supersedes.reason.trim()}`;
  return { children: [run(text, { italics: true })] };
}

/**
 * The last paragraph is kept with the signature: a page holding nothing but a signature could be
 * stapled to any text, which is why signature blocks never stand alone on a page.
 */
function bodyParagraphs(lines: BodyLine[]): Paragraph[] {
  return lines.map((line, i) => bodyParagraph(line.children, { keepNext: line.keepNext || i === lines.length - 1 }));
}

export async function renderConclusionDocx(input: ConclusionDocInput): Promise<Buffer> {
  const subtitle = centered([unbrokenRun(input.subtitle, { bold: true })], { before: 60 });
  const body = [
    ...(input.supersedes ? [supersedesLine(input.supersedes)] : []),
    ...(input.intro ? textLines(input.intro) : []),
    ...conclusionSections(input.contentAreas, input.findings),
  ];
  const children = [
    documentHeader(input),
    ...titleBlock(input.motto, [TITLE], [subtitle], input.draft ?? false),
    ...bodyParagraphs(body),
    new Paragraph({ children: [], spacing: { after: 240 }, keepNext: true }),
    closingBlock(input.motto, input.recipients, input.signer),
  ];
  const v = input.verification;
  // margin 1 and a fixed width: the same address always gives the same PNG, so the same bytes
  const qrPng = v && (await QRCode.toBuffer(v.url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' }));
  const footer =
    v && qrPng
      ? (drawingId: number) => verificationFooter({ ...v, printed: formatVerificationCode(v.code), qrPng }, drawingId)
      : undefined;
  return packDocument(`Kết luận kiểm tra số ${input.number}`, children, footer);
}
