import ExcelJS from 'exceljs';
import type { PlanExportInput } from './plan-export.js';
import { inspectionStatusLabelVi, parseIsoDate, teamRoleLabelVi } from './format.js';

type CellValue = string | number | Date;

interface SheetColumn {
  header: string;
  width: number;
  date?: boolean;
}

const DATE_FORMAT = 'dd/mm/yyyy';
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/** Midnight UTC, because exceljs turns a Date into an Excel serial from its UTC time: the cell then holds a whole day. */
function excelDate(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * One list per sheet: a merged title row naming the plan, then a bold header row that stays
 * frozen and carries the filter, so a long list can be scrolled and narrowed in Excel.
 */
function addListSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: SheetColumn[],
  rows: CellValue[][],
): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.date ? { numFmt: DATE_FORMAT } : {} }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 13 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(TITLE_ROW).height = 36;

  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  sheet.addRows(rows);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
}

const memberColumns: SheetColumn[] = [
  { header: 'Đoàn', width: 8 },
  { header: 'STT', width: 6 },
  { header: 'Họ và tên', width: 28 },
  { header: 'Chức vụ', width: 30 },
  { header: 'Vai trò', width: 18 },
  { header: 'Đơn vị', width: 40 },
];

const targetColumns: SheetColumn[] = [
  { header: 'Đoàn', width: 8 },
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 45 },
  { header: 'Từ ngày', width: 13, date: true },
  { header: 'Đến ngày', width: 13, date: true },
  { header: 'Trạng thái', width: 24 },
];

const warningColumns: SheetColumn[] = [
  { header: 'STT', width: 6 },
  { header: 'Nội dung', width: 100 },
];

export const PLAN_SHEETS = { members: 'Thành viên', targets: 'Đơn vị được kiểm tra', warnings: 'Cảnh báo' } as const;

export async function renderPlanXlsx(input: PlanExportInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'steerboard';
  book.title = `Kế hoạch ${input.planCode}`;
  const title = `Kế hoạch số ${input.planCode}: ${input.planTitle}`;
  const teams = [...input.teams].sort((a, b) => a.number - b.number);

  const members = teams.flatMap((t) =>
    t.members.map((m, i): CellValue[] => [
      t.number,
      i + 1,
      m.fullName,
      m.positionTitle ?? '',
      teamRoleLabelVi(m.role),
      m.representedOrgUnitName ?? '',
    ]),
  );
  const targets = teams.flatMap((t) =>
    t.targets.map((g, i): CellValue[] => [
      t.number,
      i + 1,
      g.orgUnitName,
      excelDate(g.windowStart),
      excelDate(g.windowEnd),
      inspectionStatusLabelVi(g.status),
    ]),
  );
  addListSheet(book, PLAN_SHEETS.members, title, memberColumns, members);
  addListSheet(book, PLAN_SHEETS.targets, title, targetColumns, targets);
  if (input.warnings.length > 0) {
    addListSheet(
      book,
      PLAN_SHEETS.warnings,
      title,
      warningColumns,
      input.warnings.map((w, i) => [i + 1, w.message]),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
