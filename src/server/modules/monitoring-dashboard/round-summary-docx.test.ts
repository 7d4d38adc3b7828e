import { describe, expect, it } from 'vitest';
import { docxTables } from '../documents/test-fixtures.js';
import { renderRoundSummaryDocx, type RoundSummaryInput } from './round-summary-docx.js';

const input: RoundSummaryInput = {
  programCode: '07-CTr/TU',
  issuerLines: ['Thành ủy Hà Nội', 'Ban Chỉ đạo Chương trình 07-CTr/TU'],
  issuedDate: '2024-07-20',
  round: { title: '6 tháng đầu năm 2024', period: '2024-H1', dueDate: '2024-07-15' },
  counts: { expected: 2, submitted: 1, approved: 1, onTime: 1, late: 0, missing: 1 },
  units: [{ name: 'Sở Y tế', status: 'approved', timeliness: 'onTime' }],
  indicators: [],
  tasks: { total: 0, byStatus: {}, overdue: [] },
  budget: { allocatedVnd: 0, spentVnd: 0 },
};

// The round summary is the steering committee's Party document: same header and closing rules as a conclusion.
describe('renderRoundSummaryDocx (Guidance 36-HD/VPTW)', () => {
  it('names the steering committee under the city Party committee, two levels', async () => {
    const [header] = await docxTables(await renderRoundSummaryDocx(input));
    expect(header[0].map((p) => p.text)).toEqual(['THÀNH ỦY HÀ NỘI', 'BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU', '*']);
    expect(header[1].map((p) => p.text)).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
  });

  it('sets "Nơi nhận:" in 14 pt, upright and underlined, and the recipients in 12 pt', async () => {
    const tables = await docxTables(await renderRoundSummaryDocx(input));
    const [recipients] = tables.at(-1)!;
    expect(recipients[0].text).toBe('Nơi nhận:');
    for (const run of recipients[0].runs)
      expect(run).toEqual({ size: 28, bold: false, italic: false, underline: true });
    expect(recipients.length).toBeGreaterThan(1);
    for (const run of recipients.slice(1).flatMap((p) => p.runs)) {
      expect(run).toEqual({ size: 24, bold: false, italic: false, underline: false });
    }
  });
});
