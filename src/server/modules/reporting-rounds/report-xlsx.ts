import ExcelJS from 'exceljs';
import { DomainError } from '../../http/errors.js';
import { assertZipWithin, OFFICE_UPLOAD_LIMITS } from '../files/files.service.js';
import type { CellIssue, ReportDetail, ReportSaveInput } from '../../../shared/contracts/reporting-rounds.js';
import type { Reasoned } from '../../../shared/error-reasons.js';
import { taskStatuses, type TaskStatus } from '../../../shared/monitoring-domain.js';
import { labels } from '../../../shared/labels.js';
import { hasForbiddenChars } from '../../../shared/fields.js';

/** A bad cell with its reason; the service sends it as a CellIssue. */
export type CellReason = Omit<CellIssue, 'message' | 'code' | 'params'> & Reasoned;

export const SHEETS = { indicators: 'Chỉ tiêu', tasks: 'Nhiệm vụ', narrative: 'Thuyết minh', meta: 'meta' } as const;
/** Data rows start under a title, two info lines and the header row. */
export const FIRST_ROW = 6;
const HEADER_ROW = FIRST_ROW - 1;

// the same words as the screens (one source); the import reads task statuses back by these labels
const statusLabels = labels.vi.taskStatus;
const unitLabels: Record<string, string> = labels.vi.measureUnit;

function header(sheet: ExcelJS.Worksheet, title: string, info: string[], columns: { header: string; width: number }[]) {
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  info.forEach((line, i) => {
    sheet.getCell(2 + i, 1).value = line;
    sheet.getCell(2 + i, 1).font = { italic: true };
  });
  const row = sheet.getRow(HEADER_ROW);
  row.values = columns.map((c) => c.header);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
}

const editable = (cell: ExcelJS.Cell) => {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7E6' } };
  cell.protection = { locked: false };
};

/** The unit's report as a workbook to fill offline: yellow cells are the ones read back on upload. */
export async function renderReportTemplate(d: ReportDetail): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'steerboard';
  const info = [
    `Đơn vị: ${d.orgUnit.name}`,
    `Kỳ báo cáo: ${d.round.title} (${d.round.period}), hạn nộp ${d.round.dueDate.split('-').reverse().join('/')}`,
  ];

  const ind = book.addWorksheet(SHEETS.indicators);
  header(ind, 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU', info, [
    { header: 'Mã chỉ tiêu', width: 16 },
    { header: 'Tên chỉ tiêu', width: 50 },
    { header: 'Đơn vị tính', width: 14 },
    { header: 'Kỳ', width: 10 },
    { header: 'Giá trị', width: 16 },
    { header: 'Ghi chú', width: 40 },
    { header: 'Chỉ tiêu kế hoạch', width: 16 },
  ]);
  d.indicators.forEach((r, i) => {
    const row = ind.getRow(FIRST_ROW + i);
    row.values = [
      r.code,
      r.nameVi,
      unitLabels[r.measureUnit] ?? r.measureUnit,
      r.period,
      r.value ?? null,
      r.comment ?? '',
      r.target ?? null,
    ];
    editable(row.getCell(5));
    editable(row.getCell(6));
    row.getCell(5).numFmt = '#,##0.##';
  });

  const tk = book.addWorksheet(SHEETS.tasks);
  header(tk, 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ', info, [
    { header: 'Mã nhiệm vụ', width: 14 },
    { header: 'Nhiệm vụ', width: 50 },
    { header: 'Hạn hoàn thành', width: 14 },
    { header: 'Trạng thái', width: 18 },
    { header: 'Tiến độ (%)', width: 12 },
    { header: 'Kinh phí đã chi (VNĐ)', width: 20 },
    { header: 'Ghi chú tiến độ', width: 40 },
  ]);
  const statusList = `"${taskStatuses.map((s) => statusLabels[s]).join(',')}"`;
  d.tasks.forEach((r, i) => {
    const row = tk.getRow(FIRST_ROW + i);
    row.values = [
      r.code,
      r.title,
      r.deadline.split('-').reverse().join('/'),
      statusLabels[r.status],
      r.progressPercent,
      r.spentVnd,
      r.note ?? '',
    ];
    for (const c of [4, 5, 6, 7]) editable(row.getCell(c));
    row.getCell(4).dataValidation = { type: 'list', allowBlank: false, formulae: [statusList] };
    row.getCell(6).numFmt = '#,##0';
  });

  const nar = book.addWorksheet(SHEETS.narrative);
  nar.getColumn(1).width = 120;
  nar.getCell('A1').value = 'Thuyết minh, đánh giá chung (ghi vào ô A2)';
  nar.getCell('A1').font = { bold: true };
  nar.getCell('A2').value = d.narrative;
  nar.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  editable(nar.getCell('A2'));

  // which report the file belongs to: an upload to another report is refused
  const meta = book.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  meta.getCell('A1').value = d.id;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A cell's value as exceljs hands it over, flattened: formulas give their cached result, rich text its plain text. */
function plain(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return typeof v === 'string' && v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.error) return `#${o.error}`;
    if ('result' in o) return typeof o.result === 'number' || typeof o.result === 'string' ? o.result : null;
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  // a shape not known here: visible as JSON, not as "[object Object]"
  return JSON.stringify(v) ?? null;
}

/**
 * A text cell that would be stored: XLSX escapes such as `_x0000_` unescape to NUL and other control characters,
 * which PostgreSQL refuses (a 500): reported on the cell like any other bad value.
 */
function textIssue(sheet: string, cell: string, field: string, text: string | null): CellReason[] {
  return text !== null && hasForbiddenChars(text) ? [{ sheet, cell, field, reason: 'PLAIN_TEXT' }] : [];
}

/** "1234", "1234,5", "1.234.567" (vi-VN grouping) or a number cell; anything else is not a number. */
function toNumber(v: string | number | null): number | null | undefined {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = v.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+([.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

const labelToStatus = new Map<string, TaskStatus>([
  ...taskStatuses.map((s) => [s, s] as [string, TaskStatus]),
  ...Object.entries(statusLabels).map(([s, l]) => [l.toLowerCase(), s as TaskStatus] as [string, TaskStatus]),
]);

/**
 * Reads a filled template back. Every problem is reported by sheet and cell; the caller writes
 * nothing unless the list is empty.
 */
export async function parseReportWorkbook(
  bytes: Uint8Array,
  d: ReportDetail,
): Promise<{ input: ReportSaveInput; issues: CellReason[] }> {
  const issues: CellReason[] = [];
  const book = new ExcelJS.Workbook();
  try {
    // exceljs inflates every part whole into memory: a zip bomb is refused (413) before it gets the bytes
    await assertZipWithin(bytes, OFFICE_UPLOAD_LIMITS);
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    if (err instanceof DomainError && err.status === 413) throw err;
    return { input: {}, issues: [{ sheet: '', cell: '', field: 'file', reason: 'XLSX_UNREADABLE' }] };
  }
  const meta = book.getWorksheet(SHEETS.meta);
  if (!meta || plain(meta.getCell('A1')) !== d.id) {
    issues.push({
      sheet: SHEETS.meta,
      cell: 'A1',
      field: 'reportId',
      reason: 'XLSX_WRONG_TEMPLATE',
    });
    return { input: {}, issues };
  }
  const input: Required<Omit<ReportSaveInput, 'version'>> = { narrative: d.narrative, values: [], tasks: [] };

  const ind = book.getWorksheet(SHEETS.indicators);
  if (!ind) issues.push({ sheet: SHEETS.indicators, cell: 'A1', field: 'sheet', reason: 'SHEET_MISSING' });
  const seenInd = new Set<string>();
  ind?.eachRow((row, n) => {
    if (n < FIRST_ROW) return;
    const code = plain(row.getCell(1));
    if (code === null) return;
    const known = d.indicators.find((i) => i.code === String(code).trim());
    if (!known) {
      issues.push({
        sheet: SHEETS.indicators,
        cell: `A${n}`,
        field: 'code',
        reason: 'UNKNOWN_INDICATOR_CODE',
        params: { code },
      });
      return;
    }
    if (seenInd.has(known.code)) {
      issues.push({ sheet: SHEETS.indicators, cell: `A${n}`, field: 'code', reason: 'INDICATOR_TWICE' });
      return;
    }
    seenInd.add(known.code);
    const value = toNumber(plain(row.getCell(5)));
    if (value === undefined || (value !== null && Math.abs(value) > 1e15))
      issues.push({ sheet: SHEETS.indicators, cell: `E${n}`, field: 'value', reason: 'MUST_BE_NUMBER' });
    const comment = plain(row.getCell(6));
    const commentText = comment === null ? null : String(comment).trim();
    issues.push(...textIssue(SHEETS.indicators, `F${n}`, 'comment', commentText));
    if (commentText && commentText.length > 2000)
      issues.push({
        sheet: SHEETS.indicators,
        cell: `F${n}`,
        field: 'comment',
        reason: 'TOO_LONG',
        params: { max: 2000 },
      });
    if (value !== undefined) input.values.push({ indicatorId: known.indicatorId, value, comment: commentText || null });
  });

  const tk = book.getWorksheet(SHEETS.tasks);
  if (!tk && d.tasks.length) issues.push({ sheet: SHEETS.tasks, cell: 'A1', field: 'sheet', reason: 'SHEET_MISSING' });
  const seenTask = new Set<string>();
  tk?.eachRow((row, n) => {
    if (n < FIRST_ROW) return;
    const code = plain(row.getCell(1));
    if (code === null) return;
    const known = d.tasks.find((t) => t.code === String(code).trim());
    if (!known) {
      issues.push({ sheet: SHEETS.tasks, cell: `A${n}`, field: 'code', reason: 'UNKNOWN_TASK_CODE', params: { code } });
      return;
    }
    if (seenTask.has(known.code)) {
      issues.push({ sheet: SHEETS.tasks, cell: `A${n}`, field: 'code', reason: 'TASK_TWICE' });
      return;
    }
    seenTask.add(known.code);
    const statusText = plain(row.getCell(4));
    const status = statusText === null ? undefined : labelToStatus.get(String(statusText).trim().toLowerCase());
    if (!status)
      issues.push({
        sheet: SHEETS.tasks,
        cell: `D${n}`,
        field: 'status',
        reason: 'TASK_STATUS_OPTIONS',
        params: { options: Object.values(statusLabels).join(', ') },
      });
    const progress = toNumber(plain(row.getCell(5)));
    if (progress === undefined || progress === null || !Number.isInteger(progress) || progress < 0 || progress > 100) {
      issues.push({
        sheet: SHEETS.tasks,
        cell: `E${n}`,
        field: 'progressPercent',
        reason: 'WHOLE_PERCENT',
      });
    }
    const spent = toNumber(plain(row.getCell(6)));
    if (spent === undefined || spent === null || !Number.isInteger(spent) || spent < 0 || spent > 1e15) {
      issues.push({
        sheet: SHEETS.tasks,
        cell: `F${n}`,
        field: 'spentVnd',
        reason: 'WHOLE_VND',
      });
    }
    const note = plain(row.getCell(7));
    const noteText = note === null ? null : String(note).trim();
    issues.push(...textIssue(SHEETS.tasks, `G${n}`, 'note', noteText));
    if (noteText && noteText.length > 5000)
      issues.push({ sheet: SHEETS.tasks, cell: `G${n}`, field: 'note', reason: 'TOO_LONG', params: { max: 5000 } });
    if (status && typeof progress === 'number' && typeof spent === 'number') {
      input.tasks.push({
        taskId: known.taskId,
        status,
        progressPercent: progress,
        spentVnd: spent,
        note: noteText || null,
      });
    }
  });

  const nar = book.getWorksheet(SHEETS.narrative);
  const text = nar ? plain(nar.getCell('A2')) : null;
  const narrative = text === null ? '' : String(text);
  issues.push(...textIssue(SHEETS.narrative, 'A2', 'narrative', narrative));
  if (narrative.length > 20_000)
    issues.push({
      sheet: SHEETS.narrative,
      cell: 'A2',
      field: 'narrative',
      reason: 'TOO_LONG',
      params: { max: 20000 },
    });
  else input.narrative = narrative;
  return { input, issues };
}
