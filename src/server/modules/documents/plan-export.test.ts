import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PLAN_DOC_TITLE_LINES, renderPlanDocx, renderPlanXlsx } from './plan-export.js';
import { PLAN_SHEETS } from './plan-xlsx.js';
import { docxParagraphs, samplePlan } from './test-fixtures.js';

async function readBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number): unknown[] =>
  (sheet.getRow(row).values as unknown[]).slice(1);

describe('renderPlanXlsx', () => {
  it('writes a members sheet, a targets sheet and a warnings sheet', async () => {
    const book = await readBook(await renderPlanXlsx(samplePlan()));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      PLAN_SHEETS.members,
      PLAN_SHEETS.targets,
      PLAN_SHEETS.warnings,
    ]);
    expect(book.creator).toBe('steerboard');
  });

  it('lists members under a merged title and a bold, frozen, filtered header', async () => {
    const sheet = (await readBook(await renderPlanXlsx(samplePlan()))).getWorksheet(PLAN_SHEETS.members)!;
    expect(sheet.getCell('A1').value).toBe(
      'Kế hoạch số 05-KH/BCĐ: Kế hoạch kiểm tra việc thực hiện Chương trình số 07-CTr/TU năm 2024',
    );
    expect(sheet.getCell('F1').isMerged).toBe(true);
    expect(rowValues(sheet, 2)).toEqual(['Đoàn', 'STT', 'Họ và tên', 'Chức vụ', 'Vai trò', 'Đơn vị']);
    expect(sheet.getCell('C2').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:F2');
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
    // Five members in all, team 1 first whatever the input order.
    expect(sheet.rowCount).toBe(2 + 5);
    expect(rowValues(sheet, 3)).toEqual([
      1,
      1,
      'Nguyễn Văn An',
      'Phó Trưởng Ban Tuyên giáo Thành ủy',
      'Trưởng đoàn',
      'Ban Tuyên giáo Thành ủy',
    ]);
    expect(rowValues(sheet, 4)[4]).toBe('Phó Trưởng đoàn');
    expect(rowValues(sheet, 5)[4]).toBe('Thư ký');
    expect(rowValues(sheet, 7)).toEqual([2, 2, 'Lê Văn Cường', '', 'Thành viên', '']);
  });

  it('writes target windows as real dates formatted dd/mm/yyyy', async () => {
    const sheet = (await readBook(await renderPlanXlsx(samplePlan()))).getWorksheet(PLAN_SHEETS.targets)!;
    expect(rowValues(sheet, 2)).toEqual(['Đoàn', 'STT', 'Đơn vị', 'Từ ngày', 'Đến ngày', 'Trạng thái']);
    expect(sheet.rowCount).toBe(2 + 3);
    const start = sheet.getCell('D3');
    expect(start.value).toBeInstanceOf(Date);
    expect((start.value as Date).toISOString()).toBe('2024-03-04T00:00:00.000Z');
    expect(start.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('E3').numFmt).toBe('dd/mm/yyyy');
    expect(rowValues(sheet, 3)[2]).toBe('Sở Thông tin và Truyền thông');
    expect(rowValues(sheet, 3)[5]).toBe('Đã thông báo');
    expect(sheet.autoFilter).toBe('A2:F2');
  });

  it('lists warnings, and leaves the sheet out when there are none', async () => {
    const withWarnings = (await readBook(await renderPlanXlsx(samplePlan()))).getWorksheet(PLAN_SHEETS.warnings)!;
    expect(withWarnings.getCell('B3').value).toContain('Phạm Thị Dung');
    const book = await readBook(await renderPlanXlsx(samplePlan({ warnings: [] })));
    expect(book.worksheets.map((s) => s.name)).not.toContain(PLAN_SHEETS.warnings);
  });
});

describe('renderPlanDocx', () => {
  it('lists each team with its members, roles and targets', async () => {
    const paragraphs = await docxParagraphs(await renderPlanDocx(samplePlan()));
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Nội, ngày 05 tháng 02 năm 2024',
      'THÀNH ỦY HÀ NỘI',
      'BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU',
      'Số 05-KH/BCĐ',
      ...PLAN_DOC_TITLE_LINES,
      '(Kèm theo Kế hoạch số 05-KH/BCĐ ngày 05/02/2024 thực hiện Chương trình số 07-CTr/TU, năm 2024)',
      'I. ĐOÀN KIỂM TRA SỐ 1',
      'II. ĐOÀN KIỂM TRA SỐ 2',
      'Họ và tên',
      'Vai trò',
      'Nguyễn Văn An',
      'Trưởng đoàn',
      'Phó Trưởng đoàn',
      'Thư ký',
      'Thành viên',
      'Ủy ban nhân dân quận Cầu Giấy',
      '04/03/2024 – 08/03/2024',
      '1. Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai',
    ]) {
      expect(paragraphs, expected).toContain(expected);
    }
    expect(paragraphs.indexOf('I. ĐOÀN KIỂM TRA SỐ 1')).toBeLessThan(paragraphs.indexOf('II. ĐOÀN KIỂM TRA SỐ 2'));
  });
});
