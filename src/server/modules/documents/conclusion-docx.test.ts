import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pinDocxTimestamps } from '../inspections/stable-docx.js';
import { renderConclusionDocx } from './conclusion-docx.js';
import { documentHeader } from './docx-parts.js';
import { docxParagraphs, docxTables, sampleConclusion, type StyledParagraph } from './test-fixtures.js';

const headings = [
  'I. ƯU ĐIỂM',
  'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
  'III. BIỆN PHÁP KHẮC PHỤC',
  'IV. KIẾN NGHỊ, ĐỀ XUẤT',
];

describe('renderConclusionDocx', () => {
  it('writes header, title, every section and finding, recipients and signature', async () => {
    const input = sampleConclusion();
    const paragraphs = await docxParagraphs(await renderConclusionDocx(input));
    const text = paragraphs.join('\n');

    for (const expected of [
      'BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU',
      'ĐOÀN KIỂM TRA SỐ 1',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 01-KL/ĐKT',
      'Hà Nội, ngày 15 tháng 11 năm 2023',
      'KẾT LUẬN KIỂM TRA',
      input.subtitle,
      input.intro!,
      ...headings,
      '1. Tồn tại, hạn chế',
      '2. Nguyên nhân',
      'a) Nguyên nhân khách quan',
      'b) Nguyên nhân chủ quan',
      'Đơn vị thực hiện: Sở Thông tin và Truyền thông; thời hạn: 31/03/2024.',
      'Cơ quan, đơn vị tiếp nhận: Ủy ban nhân dân Thành phố; thời hạn: 30/06/2024.',
      'Nơi nhận:',
      '- Thường trực Thành ủy (để báo cáo),',
      '- Lưu hồ sơ Đoàn kiểm tra.',
      'T/M ĐOÀN KIỂM TRA',
      'TRƯỞNG ĐOÀN',
      'Nguyễn Văn An',
    ]) {
      expect(paragraphs, expected).toContain(expected);
    }
    for (const finding of input.findings) expect(paragraphs).toContain(`- ${finding.text}`);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).not.toContain('Thay thế');
  });

  it('orders sections by number and content areas by plan position', async () => {
    const paragraphs = await docxParagraphs(await renderConclusionDocx(sampleConclusion()));
    const at = (p: string) => paragraphs.indexOf(p);
    expect(headings.map(at)).toEqual([...headings.map(at)].sort((a, b) => a - b));
    const firstArea = at('Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai');
    const secondArea = at('Ứng dụng khoa học, công nghệ và đổi mới sáng tạo');
    expect(firstArea).toBeGreaterThan(at('I. ƯU ĐIỂM'));
    expect(firstArea).toBeLessThan(secondArea);
  });

  it('skips an empty section and keeps the numbering consecutive', async () => {
    const input = sampleConclusion();
    const noStrengths = input.findings.filter((f) => f.kind !== 'strength');
    const text = (await docxParagraphs(await renderConclusionDocx({ ...input, findings: noStrengths }))).join('\n');
    expect(text).not.toContain('ƯU ĐIỂM');
    expect(text).toContain('I. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN');
    expect(text).toContain('II. BIỆN PHÁP KHẮC PHỤC');
    expect(text).toContain('III. KIẾN NGHỊ, ĐỀ XUẤT');
    expect(text).not.toContain('IV.');
  });

  it('drops cause sub-headings that have no cause', async () => {
    const input = sampleConclusion();
    const findings = input.findings.filter((f) => f.kind !== 'shortcoming' && f.causeType !== 'objective');
    const paragraphs = await docxParagraphs(await renderConclusionDocx({ ...input, findings }));
    expect(paragraphs).toContain('1. Nguyên nhân');
    expect(paragraphs).toContain('a) Nguyên nhân chủ quan');
    expect(paragraphs.join('\n')).not.toContain('khách quan');
  });

  it('marks a draft and cites the conclusion a correction replaces', async () => {
    const input = sampleConclusion({
      draft: true,
      number: '02-KL/ĐKT',
      supersedes: { number: '01-KL/ĐKT', issuedDate: '2023-11-15', reason: 'sai tên đơn vị được kiểm tra' },
    });
    const paragraphs = await docxParagraphs(await renderConclusionDocx(input));
    expect(paragraphs.indexOf('DỰ THẢO')).toBeGreaterThan(-1);
    expect(paragraphs.indexOf('DỰ THẢO')).toBeLessThan(paragraphs.indexOf('KẾT LUẬN KIỂM TRA'));
    expect(paragraphs).toContain('Thay thế Kết luận số 01-KL/ĐKT ngày 15/11/2023; lý do: sai tên đơn vị được kiểm tra');
  });

  it('uses the national motto for state documents and adds the default archive line', async () => {
    const input = sampleConclusion({ motto: 'state', issuedDate: '2024-02-05', recipients: ['Sở Y tế'] });
    const paragraphs = await docxParagraphs(await renderConclusionDocx(input));
    expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(paragraphs).toContain('Số: 01-KL/ĐKT');
    expect(paragraphs).toContain('Hà Nội, ngày 05 tháng 02 năm 2024');
    expect(paragraphs).toContain('- Sở Y tế,');
    expect(paragraphs).toContain('- Lưu VT.');
    expect(paragraphs).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('keeps the last paragraph on the page of the signature', async () => {
    const zip = await JSZip.loadAsync(await renderConclusionDocx(sampleConclusion()));
    const document = await zip.file('word/document.xml')!.async('string');
    const beforeClosing = document.slice(0, document.lastIndexOf('<w:tbl>'));
    const lastParagraphs = [...beforeClosing.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].slice(-2).map((m) => m[0]);
    expect(lastParagraphs[0]).toContain('Ủy ban nhân dân Thành phố');
    for (const paragraph of lastParagraphs) expect(paragraph).toContain('<w:keepNext/>');
  });

  it('sets A4 page, decree margins, Times New Roman 14 pt and the metadata', async () => {
    const zip = await JSZip.loadAsync(await renderConclusionDocx(sampleConclusion()));
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain('<w:jc w:val="both"/>');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(core).toContain('<dc:creator>steerboard</dc:creator>');
    expect(core).toContain('<dc:title>Kết luận kiểm tra số 01-KL/ĐKT</dc:title>');
  });

  it('puts the verification code, its address and a QR code in every footer, packing to the same bytes every time', async () => {
    const input = sampleConclusion({
      verification: { code: '7K3M9QF2XA4B', url: 'https://sb.example.vn/verify/7K3M9QF2XA4B' },
    });
    const at = new Date('2023-11-15T03:00:00.000Z');
    const first = await pinDocxTimestamps(await renderConclusionDocx(input), at);
    // a second render in the same process: docx's drawing ids come from a process-wide counter unless fixed
    const second = await pinDocxTimestamps(await renderConclusionDocx(input), at);
    expect(second.equals(first)).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2); // the first page has its own footer part
    const ids: string[] = [];
    for (const part of footers) {
      expect((await docxParagraphs(first, part)).join('\n')).toContain(
        'Mã xác thực: 7K3M-9QF2-XA4B — kiểm tra tại https://sb.example.vn/verify/7K3M9QF2XA4B',
      );
      ids.push(...[...(await zip.file(part)!.async('string')).matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]));
    }
    expect(new Set(ids).size).toBe(2);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await zip.file(media[0])!.async('nodebuffer')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a draft has no verification footer', async () => {
    const zip = await JSZip.loadAsync(await renderConclusionDocx(sampleConclusion({ draft: true })));
    expect(Object.keys(zip.files).some((n) => n.startsWith('word/footer') || n.startsWith('word/media/'))).toBe(false);
  });

  it('renders the same conclusion to the same document XML every time', async () => {
    const xml = async () =>
      (await JSZip.loadAsync(await renderConclusionDocx(sampleConclusion())))
        .file('word/document.xml')!
        .async('string');
    expect(await xml()).toBe(await xml());
  });
});

/** Half-points: docx writes font sizes in half-points, so 14 pt is 28. */
const HALF_POINTS = { 12: 24, 14: 28, 15: 30 } as const;
const DEFAULT_SIZE = HALF_POINTS[14];
const texts = (cell: StyledParagraph[]) => cell.map((p) => p.text);
const runsOf = (paragraphs: StyledParagraph[]) => paragraphs.flatMap((p) => p.runs);

describe('Party layout of the conclusion (Guidance 36-HD/VPTW, Appendix 3)', () => {
  it('names the inspection team under its direct superior, the steering committee: two levels and a star', async () => {
    const [header] = await docxTables(await renderConclusionDocx(sampleConclusion()));
    const [issuer, motto, number, date] = header;
    expect(texts(issuer)).toEqual(['BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU', 'ĐOÀN KIỂM TRA SỐ 1', '*']);
    // the superior body upright, the issuing body upright and bold, both 14 pt
    for (const run of issuer[0].runs) expect(run).toEqual({ size: 28, bold: false, italic: false, underline: false });
    for (const run of issuer[1].runs) expect(run).toEqual({ size: 28, bold: true, italic: false, underline: false });
    expect(texts(motto)).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    for (const run of runsOf(motto)) expect(run).toEqual({ size: 30, bold: true, italic: false, underline: true });
    expect(texts(number)).toEqual(['Số 01-KL/ĐKT']);
    for (const run of runsOf(number)) expect(run).toEqual({ size: 28, bold: false, italic: false, underline: false });
    expect(texts(date)).toEqual(['Hà Nội, ngày 15 tháng 11 năm 2023']);
    for (const run of runsOf(date)) expect(run).toEqual({ size: 28, bold: false, italic: true, underline: false });
  });

  it('refuses a third issuer level rather than print a header the guidance does not have', () => {
    const header = { number: '01-KL/ĐKT', place: 'Hà Nội', issuedDate: '2023-11-15' };
    const three = ['THÀNH ỦY HÀ NỘI', 'BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU', 'ĐOÀN KIỂM TRA SỐ 1'];
    for (const motto of ['party', 'state'] as const) {
      expect(() => documentHeader({ ...header, motto, issuerLines: three })).toThrow(RangeError);
      expect(() => documentHeader({ ...header, motto, issuerLines: [] })).toThrow(RangeError);
    }
  });

  it('sets "Nơi nhận:" in 14 pt, upright and underlined, and the recipients in 12 pt', async () => {
    const tables = await docxTables(await renderConclusionDocx(sampleConclusion()));
    const [recipients] = tables.at(-1)!;
    expect(texts(recipients)).toEqual([
      'Nơi nhận:',
      '- Thường trực Thành ủy (để báo cáo),',
      '- Ban Chỉ đạo Chương trình 07-CTr/TU,',
      '- Sở Thông tin và Truyền thông,',
      '- Lưu hồ sơ Đoàn kiểm tra.',
    ]);
    expect(recipients[0].runs).not.toEqual([]);
    for (const run of recipients[0].runs) {
      expect(run).toEqual({ size: HALF_POINTS[14], bold: false, italic: false, underline: true });
    }
    for (const run of runsOf(recipients.slice(1))) {
      expect(run).toEqual({ size: HALF_POINTS[12], bold: false, italic: false, underline: false });
    }
  });

  it('signs with the authority, the title and the name in 14 pt bold', async () => {
    const tables = await docxTables(await renderConclusionDocx(sampleConclusion()));
    const [, signature] = tables.at(-1)!;
    expect(texts(signature).filter(Boolean)).toEqual(['T/M ĐOÀN KIỂM TRA', 'TRƯỞNG ĐOÀN', 'Nguyễn Văn An']);
    for (const run of runsOf(signature)) {
      expect({ ...run, size: run.size ?? DEFAULT_SIZE }).toEqual({
        size: HALF_POINTS[14],
        bold: true,
        italic: false,
        underline: false,
      });
    }
  });

  it('keeps the Decree 30 style of "Nơi nhận" (12 pt bold italic, list 11 pt) in a state document', async () => {
    const tables = await docxTables(await renderConclusionDocx(sampleConclusion({ motto: 'state' })));
    const [recipients] = tables.at(-1)!;
    expect(recipients[0].text).toBe('Nơi nhận:');
    for (const run of recipients[0].runs) expect(run).toEqual({ size: 24, bold: true, italic: true, underline: false });
    for (const run of runsOf(recipients.slice(1))) {
      expect(run).toEqual({ size: 22, bold: false, italic: false, underline: false });
    }
  });
});
