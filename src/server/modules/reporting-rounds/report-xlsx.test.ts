import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext } from '../../test/test-app.js';
import { multipart } from '../../test/multipart.js';
import { FIRST_ROW, SHEETS } from './report-xlsx.js';
import { monitoringScene, type MonitoringScene } from './test-helpers.js';

const { ctx, f, cookies } = useTestContext({ clock: fixedClock('2025-03-10T03:00:00Z'), login: ['secretariat'] });

async function template(s: MonitoringScene) {
  const res = await ctx.as(s.center_, { method: 'GET', url: `${s.reportUrl()}/template.xlsx` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}
const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const upload = (s: MonitoringScene, cookie: string, data: Buffer, name = 'bao-cao.xlsx') =>
  ctx.as(cookie, { method: 'POST', url: `${s.reportUrl()}/import.xlsx`, ...multipart(name, data) });

describe('report workbook round trip', () => {
  it('downloads the template, fills it offline and uploads it back into the draft', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const book = await template(s);
    const ind = book.getWorksheet(SHEETS.indicators)!;
    expect([ind.getCell(`A${FIRST_ROW}`).value, ind.getCell(`A${FIRST_ROW + 1}`).value]).toEqual([
      'COURSES',
      'TRAINED',
    ]);
    ind.getCell(`E${FIRST_ROW}`).value = 12;
    ind.getCell(`E${FIRST_ROW + 1}`).value = '1.250';
    ind.getCell(`F${FIRST_ROW + 1}`).value = 'theo danh sách';
    const tk = book.getWorksheet(SHEETS.tasks)!;
    tk.getCell(`D${FIRST_ROW}`).value = 'Đang thực hiện';
    tk.getCell(`E${FIRST_ROW}`).value = 45;
    tk.getCell(`F${FIRST_ROW}`).value = 900_000_000;
    book.getWorksheet(SHEETS.narrative)!.getCell('A2').value = 'Thuyết minh từ Excel';
    const res = await upload(s, s.center_, await bytes(book));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.indicators.map((i: { value: number }) => i.value)).toEqual([12, 1250]);
    expect(d.indicators[1].comment).toBe('theo danh sách');
    expect(d.tasks[0]).toMatchObject({ status: 'in_progress', progressPercent: 45, spentVnd: 900_000_000 });
    expect(d.narrative).toBe('Thuyết minh từ Excel');
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['import']);
  });

  it('reports every bad cell by sheet and cell, and writes nothing', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const book = await template(s);
    const ind = book.getWorksheet(SHEETS.indicators)!;
    ind.getCell(`E${FIRST_ROW}`).value = 'mười hai';
    ind.getCell(`E${FIRST_ROW + 1}`).value = 30;
    ind.getCell(`A${FIRST_ROW + 2}`).value = 'KHONG_CO';
    const tk = book.getWorksheet(SHEETS.tasks)!;
    tk.getCell(`D${FIRST_ROW}`).value = 'Xong rồi';
    tk.getCell(`E${FIRST_ROW}`).value = 150;
    tk.getCell(`F${FIRST_ROW}`).value = -5;
    const res = await upload(s, s.center_, await bytes(book));
    expect(res.statusCode).toBe(400);
    const cells = res
      .json()
      .error.details.cells.map(
        (c: { sheet: string; cell: string; field: string }) => `${c.sheet}!${c.cell}:${c.field}`,
      );
    expect(cells).toEqual([
      `${SHEETS.indicators}!E${FIRST_ROW}:value`,
      `${SHEETS.indicators}!A${FIRST_ROW + 2}:code`,
      `${SHEETS.tasks}!D${FIRST_ROW}:status`,
      `${SHEETS.tasks}!E${FIRST_ROW}:progressPercent`,
      `${SHEETS.tasks}!F${FIRST_ROW}:spentVnd`,
    ]);
    const d = (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json();
    expect(d.indicators.map((i: { value: unknown }) => i.value)).toEqual([null, null]);
    expect(d.events).toEqual([]);
  });

  it("refuses another report's template, a file that is not XLSX, another unit, and an approved report", async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const t = await monitoringScene(ctx, f, cookies.secretariat);
    const foreign = await bytes(await template(t));
    const wrong = await upload(s, s.center_, foreign);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.cells[0]).toMatchObject({ sheet: SHEETS.meta, cell: 'A1', field: 'reportId' });
    expect((await upload(s, s.center_, Buffer.from('%PDF-1.4 not a workbook'), 'bao-cao.xlsx')).statusCode).toBe(415);
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    expect((await upload(s, s.center_, await zip.generateAsync({ type: 'nodebuffer' }))).statusCode).toBe(415);
    const mine = await bytes(await template(s));
    expect((await upload(s, s.other_, mine)).statusCode).toBe(403);
    await ctx.as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });
    expect((await upload(s, s.center_, mine)).statusCode).toBe(409);
  });
});

describe('exports', () => {
  it('exports dashboard tables to XLSX and the round summary to DOCX', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const viewer = await ctx.login('viewer');
    const x = await ctx.as(viewer, {
      method: 'GET',
      url: `/api/monitoring/dashboard.xlsx?programId=${s.program.id}&year=2024`,
    });
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Chỉ tiêu',
      'Nhiệm vụ quá hạn',
      'Kinh phí',
      'Tính kịp thời',
      'Cần nhắc',
    ]);
    expect(book.getWorksheet('Chỉ tiêu')!.getCell('A3').value).toBe('COURSES');
    expect((book.getWorksheet('Chỉ tiêu')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
      'Mã',
      'Chỉ tiêu',
      'Năm cơ sở',
      'Giá trị cơ sở',
    ]);
    const one = await ctx.as(viewer, {
      method: 'GET',
      url: `/api/monitoring/dashboard.xlsx?programId=${s.program.id}&year=2024&table=budget`,
    });
    const single = new ExcelJS.Workbook();
    await single.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    expect(single.worksheets.map((w) => w.name)).toEqual(['Kinh phí']);
    expect(
      (await ctx.as(viewer, { method: 'GET', url: `/api/monitoring/dashboard.xlsx?table=everything` })).statusCode,
    ).toBe(400);

    const docx = await ctx.as(viewer, { method: 'GET', url: `/api/reporting-rounds/${s.round.id}/summary.docx` });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('TỔNG HỢP KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH');
    expect(text).toContain(s.center.name);
    expect(text).toContain('COURSES');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });
});

describe('evidence files', () => {
  it('attaches evidence to a draft report; only readers of the report download it; refuses other types', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
    const up = await ctx.as(s.center_, {
      method: 'POST',
      url: `${s.reportUrl()}/evidence`,
      ...multipart('bien-ban.pdf', pdf),
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().evidence[0];
    expect(file).toMatchObject({ fileName: 'bien-ban.pdf', mimeType: 'application/pdf' });
    expect(
      (await ctx.as(s.other_, { method: 'POST', url: `${s.reportUrl()}/evidence`, ...multipart('x.pdf', pdf) }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await ctx.as(s.center_, {
          method: 'POST',
          url: `${s.reportUrl()}/evidence`,
          ...multipart('x.pdf', Buffer.from('plain text')),
        })
      ).statusCode,
    ).toBe(415);
    const down = await ctx.as(s.center_, { method: 'GET', url: `/api/monitoring-files/${file.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await ctx.as(s.other_, { method: 'GET', url: `/api/monitoring-files/${file.id}` })).statusCode).toBe(403);
    const taskFile = await ctx.as(s.center_, {
      method: 'POST',
      url: `/api/program-tasks/${s.task.id}/evidence`,
      ...multipart('anh.pdf', pdf),
    });
    expect(taskFile.statusCode, taskFile.body).toBe(201);
    expect(
      (await ctx.as(s.lead_, { method: 'GET', url: `/api/monitoring-files/${taskFile.json().evidence[0].id}` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await ctx.as(s.other_, { method: 'GET', url: `/api/monitoring-files/${taskFile.json().evidence[0].id}` }))
        .statusCode,
    ).toBe(403);
  });
});
