import QRCode from 'qrcode';
import { formatVerificationCode } from '../../../shared/verification-code.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { placeDateLine, upperCaseKeepingSymbols } from './format.js';

/** Lengths in twips, rounded rather than floored (docx's own converter gives 1133 for 20 mm). */
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** Font sizes are in half-points, as docx expects them. */
export const pt = (points: number): number => points * 2;

const BODY_SIZE = pt(14);

// A4 with the margins of Decree 30/2020/NĐ-CP: the wide left margin leaves room for binding.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** 1 cm first-line indent and 1.2 line spacing (in 240ths of a line), within the decree's 1–1.5 range. */
const BODY_INDENT = mm(10);
const BODY_LINE = 288;
const BODY_AFTER = 120;

export type Motto = 'party' | 'state';

export function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, ...options });
}

/**
 * A run whose in-word hyphens cannot break a line, so "07-CTr/TU" or "01-KL/ĐKT" never splits at the end of a
 * centred header line; spaced dashes ("Độc lập - Tự do") still break as usual.
 */
export function unbrokenRun(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  const children = text.split(/(?<=\S)-(?=\S)/).flatMap((part, i) => (i === 0 ? [part] : [new NoBreakHyphen(), part]));
  return new TextRun({ ...options, children });
}

/** Justified body paragraph; headings pass keepNext so they never end a page alone. */
export function bodyParagraph(children: ParagraphChild[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_INDENT },
    spacing: { before: 0, after: BODY_AFTER, line: BODY_LINE },
    keepNext: options.keepNext,
  });
}

export function centered(children: ParagraphChild[], spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...spacing } });
}

/**
 * A short centred rule under a heading, drawn as the bottom border of a paragraph indented from
 * both sides, so it stays centred whatever the column width (Decree 30 wants it 1/3 to 1/2 of the text above).
 */
function shortRule(columnWidth: number, fraction = 0.35): Paragraph {
  const side = Math.round((columnWidth * (1 - fraction)) / 2);
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function borderlessCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: 0, right: 0 },
  });
}

/** Two-column layout grid with no visible lines: how the header and signature blocks sit side by side. */
function twoColumnGrid(rows: [Paragraph[], Paragraph[]][], widths: [number, number]): Table {
  return new Table({
    rows: rows.map(
      ([left, right]) =>
        new TableRow({
          cantSplit: true,
          children: [borderlessCell(left, widths[0]), borderlessCell(right, widths[1])],
        }),
    ),
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

export interface DocumentHeaderInput {
  motto: Motto;
  /** The issuing body's direct superior, then the issuing body (or the issuing body alone): at most two levels. */
  issuerLines: string[];
  number: string;
  place: string;
  issuedDate: string;
}

/**
 * Party documents follow Guidance 36-HD/VPTW: section II, clause 1, point 1.2 (issuing body) names the body that
 * issues and, above it, its direct superior, and Appendix 3 (rows 1–4) sets the sizes: the superior 14 pt
 * upright, the issuing body 14 pt bold with a "*" under it, "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold over a rule as
 * long as itself, the number "Số …" (no colon) 14 pt upright, the place and date 14 pt italic.
 * State documents (Decree 30) use 12 pt, a short rule and the national motto with its underlined slogan. 12 pt is
 * the decree's lower bound, the size at which "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" still fits on one line beside
 * the issuer column. Number and date share the second row so they line up.
 */
export function documentHeader(input: DocumentHeaderInput): Table {
  // Neither format has room for a third level: a body above the direct superior is named by that superior's own
  // documents, never stacked here (a conclusion once printed Thành ủy / Ban Chỉ đạo / Đoàn kiểm tra).
  if (input.issuerLines.length < 1 || input.issuerLines.length > 2) {
    throw new RangeError(
      `A document header names the issuing body and its direct superior, got ${input.issuerLines.length} levels`,
    );
  }
  const party = input.motto === 'party';
  const widths: [number, number] = party ? [4535, TEXT_WIDTH - 4535] : [4100, TEXT_WIDTH - 4100];
  const issuerSize = party ? pt(14) : pt(12);
  const issuer = input.issuerLines.map((line, i) =>
    centered([
      unbrokenRun(upperCaseKeepingSymbols(line), { size: issuerSize, bold: i === input.issuerLines.length - 1 }),
    ]),
  );
  const mark = party ? centered([run('*', { size: issuerSize })], { after: 60 }) : shortRule(widths[0]);
  const motto = party
    ? [centered([run('ĐẢNG CỘNG SẢN VIỆT NAM', { size: pt(15), bold: true, underline: {} })])]
    : [
        centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12), bold: true })]),
        centered([run('Độc lập - Tự do - Hạnh phúc', { size: pt(13), bold: true, underline: {} })]),
      ];
  const numberLine = centered([unbrokenRun(`${party ? 'Số' : 'Số:'} ${input.number}`, { size: issuerSize })]);
  const dateLine = centered([run(placeDateLine(input.place, input.issuedDate), { size: pt(14), italics: true })]);
  return twoColumnGrid(
    [
      [[...issuer, mark], motto],
      [[numberLine], [dateLine]],
    ],
    widths,
  );
}

/** A boxed "DỰ THẢO" so a draft printed by mistake can never pass for the issued text. */
function draftMark(): Paragraph {
  const side = Math.round((TEXT_WIDTH - 2200) / 2);
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 };
  return new Paragraph({
    children: [run('DỰ THẢO', { bold: true })],
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 240, after: 0 },
    border: { top: line, bottom: line, left: line, right: line },
  });
}

/**
 * Title, summary and the separator under them: "-----" for Party documents, a short rule for state ones.
 * A long title comes as several lines, broken where the sense breaks rather than wherever the width runs out.
 */
export function titleBlock(motto: Motto, titleLines: string[], subtitles: Paragraph[], draft: boolean): Paragraph[] {
  return [
    ...(draft ? [draftMark()] : []),
    ...titleLines.map((line, i) =>
      centered([run(line, { size: pt(16), bold: true })], { before: i > 0 ? 0 : draft ? 240 : 480 }),
    ),
    ...subtitles,
    motto === 'party' ? centered([run('-----')], { after: 240 }) : shortRule(TEXT_WIDTH, 0.2),
  ];
}

export interface Signer {
  roleLines: string[];
  name: string;
}

/**
 * Recipients end with the archive copy ("Lưu …"); when the caller listed none, the decree's
 * default "Lưu VT" is added. Each line but the last ends with a comma, the last with a full stop.
 */
function recipientLines(recipients: string[]): string[] {
  const names = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^-\s*/, '')
        .replace(/[,.;]+$/, ''),
    )
    .filter(Boolean);
  if (!/^Lưu(\s|:|$)/i.test(names.at(-1) ?? '')) names.push('Lưu VT');
  return names.map((name, i) => `- ${name}${i === names.length - 1 ? '.' : ','}`);
}

/**
 * How "Nơi nhận:" and the list under it are set. Party documents: Guidance 36-HD/VPTW, section II, clause 1,
 * point 1.9 (recipients) and Appendix 3, row 9 — the label 14 pt upright and underlined, the list 12 pt upright.
 * State documents: Decree 30 — the label 12 pt bold italic, the list 11 pt. A Party document once used the
 * state style, which is why the style follows the motto rather than being one constant.
 */
const RECIPIENTS_STYLE: Record<Motto, { label: Omit<IRunOptions, 'text'>; list: Omit<IRunOptions, 'text'> }> = {
  party: { label: { size: pt(14), underline: {} }, list: { size: pt(12) } },
  state: { label: { size: pt(12), bold: true, italics: true }, list: { size: pt(11) } },
};

/** "Nơi nhận" on the left, the signature on the right, with room above the name for the signature and seal. */
export function closingBlock(motto: Motto, recipients: string[], signer: Signer): Table {
  const widths: [number, number] = [4535, TEXT_WIDTH - 4535];
  const style = RECIPIENTS_STYLE[motto];
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', style.label)] }),
    ...recipientLines(recipients).map((line) => new Paragraph({ children: [run(line, style.list)] })),
  ];
  const right = [
    ...signer.roleLines.map((line) => centered([run(upperCaseKeepingSymbols(line), { bold: true })])),
    centered([], { before: 1700 }),
    centered([run(signer.name, { bold: true })]),
  ];
  return twoColumnGrid([[left, right]], widths);
}

/** Page numbers at the top centre from page 2 on, as the decree asks; page 1 carries none. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
    ],
  });
}

export interface Verification {
  /** the stored code, e.g. '7K3M9QF2XA4B' */
  code: string;
  /** printed as XXXX-XXXX-XXXX */
  printed: string;
  url: string;
  /** a PNG of the QR code of `url` */
  qrPng: Buffer;
}

/**
 * The verification footer of an issued document, on every page: the QR code beside "Mã xác thực: … — kiểm tra tại
 * <url>", so a paper copy or a forwarded file can be checked at /verify. The drawing's id is fixed (docx would
 * otherwise take the next of a process-wide counter; each footer part its own), so the same document always packs
 * to the same bytes.
 */
export function verificationFooter(v: Verification, drawingId: number): Footer {
  const qrWidth = 1250;
  const qr = new ImageRun({
    type: 'png',
    data: v.qrPng,
    transformation: { width: 76, height: 76 },
    altText: { id: String(drawingId), name: 'verification-qr', title: 'Mã xác thực', description: v.url },
  });
  const text = new Paragraph({
    spacing: { before: 240 },
    children: [run(`Mã xác thực: ${v.printed} — kiểm tra tại ${v.url}`, { size: pt(10), italics: true })],
  });
  return new Footer({
    children: [twoColumnGrid([[[new Paragraph({ children: [qr] })], [text]]], [qrWidth, TEXT_WIDTH - qrWidth])],
  });
}

/** `footer`: made once per footer part (the first page has its own), given the part's drawing id. */
export function packDocument(
  title: string,
  children: (Paragraph | Table)[],
  footer?: (drawingId: number) => Footer,
): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'steerboard',
    lastModifiedBy: 'steerboard',
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: BODY_SIZE, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        ...(footer ? { footers: { default: footer(1), first: footer(2) } } : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The footer of an issued document with its code and /verify address (QR code included); none for null. */
export async function issuedFooter(
  v: { code: string; url: string } | null | undefined,
): Promise<((drawingId: number) => Footer) | undefined> {
  if (!v) return undefined;
  // margin 1 and a fixed width: the same address always gives the same PNG, so the same bytes
  const qrPng = await QRCode.toBuffer(v.url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  return (drawingId) => verificationFooter({ ...v, printed: formatVerificationCode(v.code), qrPng }, drawingId);
}
