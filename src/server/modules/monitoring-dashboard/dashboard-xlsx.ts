import ExcelJS from 'exceljs';
import type { MonitoringDashboard } from '../../../shared/contracts/monitoring.js';

type Table = 'indicators' | 'tasks' | 'budget' | 'timeliness' | 'reminders';
const lightVi = { green: 'Đạt', amber: 'Gần đạt', red: 'Chưa đạt', none: 'Chưa có số liệu' } as const;
const statusVi = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  completed: 'Hoàn thành',
  cancelled: 'Dừng thực hiện',
} as const;

/** Each dashboard table as a sheet: bold frozen header with a filter, numbers kept as numbers. */
export async function renderDashboardXlsx(d: MonitoringDashboard, only?: Table): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'steerboard';
  const add = (name: string, headers: { h: string; w: number; fmt?: string }[], rows: (string | number | null)[][]) => {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = headers.map((c) => ({ width: c.w, style: c.fmt ? { numFmt: c.fmt } : {} }));
    sheet.mergeCells(1, 1, 1, headers.length);
    sheet.getCell(1, 1).value = `${d.program.code} – năm ${d.year}: ${name}`;
    sheet.getCell(1, 1).font = { bold: true, size: 13 };
    sheet.getRow(2).values = headers.map((c) => c.h);
    sheet.getRow(2).font = { bold: true };
    sheet.addRows(rows);
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
  };
  const num = '#,##0.##';
  if (!only || only === 'indicators') {
    add(
      'Chỉ tiêu',
      [
        { h: 'Mã', w: 14 },
        { h: 'Chỉ tiêu', w: 50 },
        { h: 'Năm cơ sở', w: 10 },
        { h: 'Giá trị cơ sở', w: 16, fmt: num },
        { h: 'Kế hoạch', w: 16, fmt: num },
        { h: 'Thực hiện', w: 16, fmt: num },
        { h: '% đạt', w: 10, fmt: '0.0' },
        { h: 'Đánh giá', w: 16 },
      ],
      d.indicators.map((i) => [
        i.code,
        i.nameVi,
        i.baselineYear,
        i.baselineValue,
        i.current.target,
        i.current.actual,
        i.current.attainmentPct,
        lightVi[i.current.light],
      ]),
    );
  }
  if (!only || only === 'tasks') {
    add(
      'Nhiệm vụ quá hạn',
      [
        { h: 'Mã', w: 14 },
        { h: 'Nhiệm vụ', w: 50 },
        { h: 'Đơn vị chủ trì', w: 30 },
        { h: 'Đơn vị thực hiện', w: 30 },
        { h: 'Hạn', w: 12 },
        { h: 'Số ngày quá hạn', w: 12 },
        { h: 'Trạng thái', w: 16 },
      ],
      d.tasks.overdue.map((t) => [
        t.code,
        t.title,
        t.leadUnit.name,
        t.delegatedUnit?.name ?? '',
        t.deadline.split('-').reverse().join('/'),
        t.daysOverdue,
        statusVi[t.status],
      ]),
    );
  }
  if (!only || only === 'budget') {
    add(
      'Kinh phí',
      [
        { h: 'Đơn vị', w: 40 },
        { h: 'Được giao (VNĐ)', w: 20, fmt: '#,##0' },
        { h: 'Đã chi (VNĐ)', w: 20, fmt: '#,##0' },
      ],
      [
        ...d.budget.byUnit.map((b) => [b.orgUnit.name, b.allocatedVnd, b.spentVnd]),
        ['Tổng cộng', d.budget.allocatedVnd, d.budget.spentVnd],
      ],
    );
  }
  if (!only || only === 'timeliness') {
    add(
      'Tính kịp thời',
      [
        { h: 'Đơn vị', w: 40 },
        { h: 'Phải nộp', w: 10 },
        { h: 'Đúng hạn', w: 10 },
        { h: 'Muộn', w: 10 },
        { h: 'Chưa nộp (quá hạn)', w: 14 },
        { h: 'Chưa đến hạn', w: 12 },
        { h: '% đầy đủ', w: 10, fmt: '0.0' },
        { h: '% đúng hạn', w: 10, fmt: '0.0' },
      ],
      d.timeliness.map((r) => [
        r.orgUnit.name,
        r.expected,
        r.onTime,
        r.late,
        r.missing,
        r.pending,
        r.completenessPct,
        r.timelinessPct,
      ]),
    );
  }
  if (!only || only === 'reminders') {
    add(
      'Cần nhắc',
      [
        { h: 'Kỳ báo cáo', w: 24 },
        { h: 'Đơn vị', w: 40 },
        { h: 'Hạn nộp', w: 12 },
        { h: 'Còn (ngày)', w: 10 },
      ],
      d.reminders.map((r) => [r.roundTitle, r.orgUnit.name, r.dueDate.split('-').reverse().join('/'), r.daysLeft]),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
