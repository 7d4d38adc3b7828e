import ExcelJS from 'exceljs';
import { csvDocument } from '../../lib/csv-export.js';
import type { AnalyticsDimension, BreakdownResult } from '../../../shared/contracts/dx-analytics.js';

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

/** CSV with a UTF-8 byte-order mark (Excel reads the Vietnamese text), formula-like text neutralised. */
export const toCsv = (rows: (string | number)[][]): Buffer => csvDocument(rows);

export async function toXlsx(rows: (string | number)[][], sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
