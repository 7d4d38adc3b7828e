import type { ParagraphChild } from 'docx';
import type { CauseType, FindingKind } from '../../../shared/domain.js';
import { run } from './docx-parts.js';
import { formatDateVi, toRoman } from './format.js';

export interface ConclusionContentArea {
  id: string;
  position: number;
  title: string;
}

export interface ConclusionFinding {
  kind: FindingKind;
  contentAreaId: string;
  text: string;
  causeType?: CauseType | null;
  addresseeName?: string | null;
  dueDate?: string | null;
}

/**
 * A body paragraph not yet laid out: the caller decides the last ones' page-break behaviour, which only
 * it can, since it knows what follows the sections.
 */
export interface BodyLine {
  children: ParagraphChild[];
  keepNext?: boolean;
}

interface Part {
  title: string;
  body: BodyLine[];
}

/** Stored text keeps the author's line breaks; each line becomes its own paragraph so justification stays clean. */
export function textLines(text: string, prefix = ''): BodyLine[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => ({ children: [run(i === 0 ? prefix + line : line)] }));
}

const heading = (text: string, options: { bold?: boolean; italics?: boolean }): BodyLine => ({
  children: [run(text, options)],
  keepNext: true,
});

/** Who acts and by when, set on its own italic line under a remedy or recommendation (other kinds assign nothing). */
function assignmentLine(finding: ConclusionFinding): BodyLine[] {
  if (finding.kind !== 'remedy' && finding.kind !== 'recommendation') return [];
  const addresseeLabel = finding.kind === 'remedy' ? 'Đơn vị thực hiện' : 'Cơ quan, đơn vị tiếp nhận';
  const parts = [
    finding.addresseeName ? `${addresseeLabel}: ${finding.addresseeName}` : null,
    finding.dueDate ? `thời hạn: ${formatDateVi(finding.dueDate)}` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return [];
  const sentence = parts.join('; ');
  return [{ children: [run(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`, { italics: true })] }];
}

/** A remedy's text stays on the page of its assignment line. */
function findingLines(finding: ConclusionFinding): BodyLine[] {
  const assignment = assignmentLine(finding);
  const text = textLines(finding.text, '- ').map((line) => ({ ...line, keepNext: assignment.length > 0 }));
  return [...text, ...assignment];
}

/**
 * Findings under italic content-area sub-headings, in plan order. A finding whose area is not in
 * the list still goes in, last and without a sub-heading: dropping text from a conclusion is worse than an odd place.
 */
function byContentArea(areas: ConclusionContentArea[], findings: ConclusionFinding[]): BodyLine[] {
  const known = new Set(areas.map((a) => a.id));
  const grouped = [...areas]
    .sort((a, b) => a.position - b.position)
    .flatMap((area) => {
      const own = findings.filter((f) => f.contentAreaId === area.id);
      return own.length ? [heading(area.title, { italics: true }), ...own.flatMap(findingLines)] : [];
    });
  const orphans = findings.filter((f) => !known.has(f.contentAreaId)).flatMap(findingLines);
  return [...grouped, ...orphans];
}

/** Empty parts vanish and the remaining ones are numbered consecutively with the given label. */
function numbered(
  parts: Part[],
  label: (i: number) => string,
  style: { bold?: boolean; italics?: boolean },
): BodyLine[] {
  return parts
    .filter((p) => p.body.length > 0)
    .flatMap((p, i) => [heading(`${label(i + 1)} ${p.title}`, style), ...p.body]);
}

function causes(areas: ConclusionContentArea[], findings: ConclusionFinding[]): BodyLine[] {
  const ofType = (type: CauseType | null) =>
    findings.filter((f) => f.kind === 'cause' && (f.causeType ?? null) === type);
  return [
    ...byContentArea(areas, ofType(null)),
    ...numbered(
      [
        { title: 'Nguyên nhân khách quan', body: byContentArea(areas, ofType('objective')) },
        { title: 'Nguyên nhân chủ quan', body: byContentArea(areas, ofType('subjective')) },
      ],
      (i) => `${String.fromCharCode(96 + i)})`,
      { bold: true, italics: true },
    ),
  ];
}

export function conclusionSections(areas: ConclusionContentArea[], findings: ConclusionFinding[]): BodyLine[] {
  const ofKind = (kind: FindingKind) => findings.filter((f) => f.kind === kind);
  const shortcomingsAndCauses = numbered(
    [
      { title: 'Tồn tại, hạn chế', body: byContentArea(areas, ofKind('shortcoming')) },
      { title: 'Nguyên nhân', body: causes(areas, findings) },
    ],
    (i) => `${i}.`,
    { bold: true },
  );
  return numbered(
    [
      { title: 'ƯU ĐIỂM', body: byContentArea(areas, ofKind('strength')) },
      { title: 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', body: shortcomingsAndCauses },
      { title: 'BIỆN PHÁP KHẮC PHỤC', body: byContentArea(areas, ofKind('remedy')) },
      { title: 'KIẾN NGHỊ, ĐỀ XUẤT', body: byContentArea(areas, ofKind('recommendation')) },
    ],
    (i) => `${toRoman(i)}.`,
    { bold: true },
  );
}
