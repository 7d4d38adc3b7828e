import ExcelJS from 'exceljs';
import { csvDocument } from '../../lib/csv-export.js';
import type { AnalyticsDimension, BreakdownQuery, BreakdownResult } from '../../../shared/contracts/dx-analytics.js';
import { labels } from '../../../shared/labels.js';

const dimHeader: Record<AnalyticsDimension, string> = {
  commune: 'Xã/phường (2025)',
  district: 'Quận/huyện (trước 2025)',
  sector: 'Ngành (VSIC)',
  sizeClass: 'Quy mô',
  year: 'Năm',
};

/** The breakdown as a plain table: one header row, then one line per group and a final total line. */
export function breakdownTable(r: BreakdownResult): (string | number)[][] {
  const small = `<${r.suppressBelow}`;
  const levelCount = Math.max(6, ...r.rows.map((x) => (x.stats.suppressed ? 0 : x.stats.levels.length)));
  const header = [
    ...r.groupBy.flatMap((d) => [`${dimHeader[d]} – mã`, dimHeader[d]]),
    'Số doanh nghiệp',
    ...Array.from({ length: levelCount }, (_, i) => `Mức ${i}`),
    'Điểm trung bình',
    'Mức trung bình',
    ...r.pillars.map((p) => `TB ${p.code} ${p.nameVi}`),
  ];
  const statsCells = (s: NonNullable<BreakdownResult['total']>) =>
    s.suppressed
      ? [small, ...Array.from({ length: levelCount + 2 + r.pillars.length }, () => small)]
      : [
          s.n,
          ...Array.from({ length: levelCount }, (_, i) => (s.levels[i] === null ? small : (s.levels[i] ?? 0))),
          s.meanTotal,
          s.meanLevel ?? small,
          ...s.meanPillars,
        ];
  const lines = r.rows.map((row) => [
    ...r.groupBy.flatMap((d) => [row.key[d]?.code ?? '', row.key[d]?.name ?? '']),
    ...statsCells(row.stats),
  ]);
  if (!r.total) return [header, ...lines]; // grouped by year: no total across years
  if (!r.groupBy.length) return [header, statsCells(r.total)];
  const total = [...r.groupBy.flatMap((_, i) => (i === 0 ? ['', 'Tổng'] : ['', ''])), ...statsCells(r.total)];
  return [header, ...lines, total];
}

/** A filter's value as the export names it: its code and display name. */
export interface Named {
  code: string;
  name: string;
}
export interface FilterNames {
  commune?: Named;
  district?: Named;
  sector?: Named;
}

const ALL = 'Tất cả';
const named = (n: Named | undefined) => (n ? `${n.code} – ${n.name}` : ALL);

/** dd/mm/yyyy hh:mm on Hanoi's clock. */
function hanoiTime(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * What an export was made from, as label–value lines: the framework version, the year the figures are for, each
 * filter (or "Tất cả"), the grouping and when it was exported. The XLSX has them on a sheet "Tham số", the CSV above
 * its table (see `withParameters`).
 */
export function exportParameters(
  q: Pick<BreakdownQuery, 'sizeClass'>,
  r: BreakdownResult,
  names: FilterNames,
  at: Date,
): [string, string][] {
  const fw = r.frameworkVersion;
  return [
    ['Tham số', 'Giá trị'],
    ['Bộ chỉ số', fw ? `${fw.frameworkCode} v${fw.version}` : '–'],
    [dimHeader.year, r.year === null ? 'Mọi năm (mỗi năm một dòng)' : String(r.year)],
    [dimHeader.commune, named(names.commune)],
    [dimHeader.district, named(names.district)],
    [dimHeader.sector, named(names.sector)],
    [dimHeader.sizeClass, q.sizeClass ? labels.vi.sizeClass[q.sizeClass] : ALL],
    ['Nhóm theo', r.groupBy.length ? r.groupBy.map((d) => dimHeader[d]).join(', ') : 'Toàn thành phố'],
    ['Xuất lúc', hanoiTime(at)],
  ];
}

/**
 * A short file name saying what the export holds: the year, each filter's code and the grouping, e.g.
 * `dx-analytics_2024_HN.00004_C_by-sizeClass` (codes are ASCII by their schemas, so the name needs no encoding).
 */
export function exportFileStem(
  q: Pick<BreakdownQuery, 'commune' | 'district' | 'sector' | 'sizeClass'>,
  r: BreakdownResult,
) {
  return [
    'dx-analytics',
    r.year === null ? 'all-years' : String(r.year),
    q.commune,
    q.district,
    q.sector,
    q.sizeClass,
    `by-${r.groupBy.join('-') || 'total'}`,
  ]
    .filter((x) => x !== undefined)
    .join('_');
}

/**
 * The CSV convention: the parameter lines first (two cells each, headed "Tham số,Giá trị"), one empty line, then the
 * table with its own header row. A spreadsheet opens it as plain rows; a program reading the table skips to the line
 * after the first empty one.
 */
export const withParameters = (params: [string, string][], table: (string | number)[][]) => [...params, [], ...table];

/** CSV with a UTF-8 byte-order mark (Excel reads the Vietnamese text), formula-like text neutralised. */
export const toCsv = (rows: (string | number)[][]): Buffer => csvDocument(rows);

/** The table on its sheet; the parameters, when given, on a second sheet "Tham số". */
export async function toXlsx(
  rows: (string | number)[][],
  sheetName: string,
  params?: [string, string][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c) => {
    c.width = 16;
  });
  if (params) {
    const ps = wb.addWorksheet('Tham số');
    for (const r of params) ps.addRow(r);
    ps.getRow(1).font = { bold: true };
    ps.getColumn(1).width = 26;
    ps.getColumn(2).width = 60;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
