import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TeamRole } from '../../../shared/domain.js';
import {
  TEXT_WIDTH,
  bodyParagraph,
  centered,
  documentHeader,
  packDocument,
  pt,
  run,
  titleBlock,
  unbrokenRun,
} from './docx-parts.js';
import { formatDateRangeVi, formatDateVi, teamRoleLabelVi, toRoman, upperCaseKeepingSymbols } from './format.js';

export { renderPlanXlsx } from './plan-xlsx.js';

export interface PlanExportMember {
  fullName: string;
  positionTitle: string | null;
  role: TeamRole;
  representedOrgUnitName: string | null;
}

export interface PlanExportTarget {
  orgUnitName: string;
  windowStart: string;
  windowEnd: string;
  status: string;
}

export interface PlanExportTeam {
  number: number;
  name: string;
  members: PlanExportMember[];
  targets: PlanExportTarget[];
}

export interface PlanExportInput {
  planCode: string;
  planTitle: string;
  year: number;
  issueDate: string;
  programCode: string;
  issuerLines: string[];
  contentAreas: { position: number; title: string }[];
  teams: PlanExportTeam[];
  warnings: { message: string }[];
}

export const PLAN_DOC_TITLE_LINES = ['DANH SÁCH ĐOÀN KIỂM TRA', 'VÀ ĐƠN VỊ ĐƯỢC KIỂM TRA'];

const TABLE_SIZE = pt(12);

// The plan carries no place of issue: the committee issues every plan in Hanoi.
const PLACE = 'Hà Nội';

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center';
}

function tableCell(text: string, column: Column, header: boolean): TableCell {
  return new TableCell({
    width: { size: column.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: header || column.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, { size: TABLE_SIZE, bold: header })],
      }),
    ],
  });
}

/** Ruled table whose header row repeats on every page a long team list spills onto. */
function listTable(columns: Column[], rows: string[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => tableCell(c.header, c, true)) }),
      ...rows.map(
        (cells) =>
          new TableRow({ cantSplit: true, children: cells.map((text, i) => tableCell(text, columns[i], false)) }),
      ),
    ],
  });
}

const memberColumns: Column[] = [
  { header: 'STT', width: 650, align: 'center' },
  { header: 'Họ và tên', width: 2150 },
  { header: 'Chức vụ', width: 2300 },
  { header: 'Vai trò', width: 1950, align: 'center' },
  { header: 'Đơn vị', width: TEXT_WIDTH - 7050 },
];

const targetColumns: Column[] = [
  { header: 'STT', width: 650, align: 'center' },
  { header: 'Đơn vị được kiểm tra', width: TEXT_WIDTH - 3850 },
  { header: 'Thời gian', width: 3200, align: 'center' },
];

function listOrNone(columns: Column[], rows: string[][]): (Paragraph | Table)[] {
  return rows.length ? [listTable(columns, rows)] : [bodyParagraph([run('(Chưa có)', { italics: true })])];
}

function teamBlock(team: PlanExportTeam): (Paragraph | Table)[] {
  const members = team.members.map((m, i) => [
    String(i + 1),
    m.fullName,
    m.positionTitle ?? '',
    teamRoleLabelVi(m.role),
    m.representedOrgUnitName ?? '',
  ]);
  const targets = team.targets.map((t, i) => [
    String(i + 1),
    t.orgUnitName,
    formatDateRangeVi(t.windowStart, t.windowEnd),
  ]);
  const subheading = (text: string) => bodyParagraph([run(text, { bold: true, italics: true })], { keepNext: true });
  return [
    bodyParagraph([run(`${toRoman(team.number)}. ${upperCaseKeepingSymbols(team.name)}`, { bold: true })], {
      keepNext: true,
    }),
    subheading('1. Thành viên đoàn kiểm tra'),
    ...listOrNone(memberColumns, members),
    new Paragraph({ children: [], spacing: { after: 120 } }),
    subheading('2. Đơn vị được kiểm tra'),
    ...listOrNone(targetColumns, targets),
    new Paragraph({ children: [], spacing: { after: 240 } }),
  ];
}

function contentAreaList(areas: PlanExportInput['contentAreas']): Paragraph[] {
  if (areas.length === 0) return [];
  const sorted = [...areas].sort((a, b) => a.position - b.position);
  return [
    bodyParagraph([run('Nội dung kiểm tra:', { bold: true })], { keepNext: true }),
    ...sorted.map((area, i) => bodyParagraph([run(`${i + 1}. ${area.title}`)])),
  ];
}

/** The plan's annex: who inspects whom and when, under the committee's Party-style header. */
export function renderPlanDocx(input: PlanExportInput): Promise<Buffer> {
  const subtitles = [
    centered([unbrokenRun(input.planTitle, { bold: true })], { before: 60 }),
    centered(
      [
        unbrokenRun(
          `(Kèm theo Kế hoạch số ${input.planCode} ngày ${formatDateVi(input.issueDate)} thực hiện Chương trình số ${input.programCode}, năm ${input.year})`,
          { italics: true },
        ),
      ],
      { before: 60 },
    ),
  ];
  const children = [
    documentHeader({
      motto: 'party',
      issuerLines: input.issuerLines,
      number: input.planCode,
      place: PLACE,
      issuedDate: input.issueDate,
    }),
    ...titleBlock('party', PLAN_DOC_TITLE_LINES, subtitles, false),
    ...contentAreaList(input.contentAreas),
    ...[...input.teams].sort((a, b) => a.number - b.number).flatMap(teamBlock),
  ];
  return packDocument(`${PLAN_DOC_TITLE_LINES.join(' ')} – Kế hoạch ${input.planCode}`, children);
}
