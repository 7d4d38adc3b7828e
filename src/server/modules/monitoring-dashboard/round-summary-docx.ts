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
import {
  TEXT_WIDTH,
  bodyParagraph,
  centered,
  closingBlock,
  issuedFooter,
  documentHeader,
  packDocument,
  pt,
  run,
  titleBlock,
  unbrokenRun,
} from '../documents/docx-parts.js';
import { formatDateVi, toRoman } from '../documents/format.js';
import { labelVi } from '../../../shared/labels.js';

export interface RoundSummaryInput {
  programCode: string;
  issuerLines: string[];
  issuedDate: string;
  round: { title: string; period: string; dueDate: string };
  counts: { expected: number; submitted: number; approved: number; onTime: number; late: number; missing: number };
  units: { name: string; status: string; timeliness: string }[];
  indicators: {
    code: string;
    name: string;
    unit: string;
    target: number | null;
    actual: number | null;
    attainmentPct: number | null;
    light: string;
  }[];
  tasks: {
    total: number;
    byStatus: Record<string, number>;
    overdue: { code: string; title: string; unit: string; deadline: string; days: number }[];
  };
  budget: { allocatedVnd: number; spentVnd: number };
  /** the summary issued when the round closed: its code and /verify address in the footer (none for a preview) */
  verification?: { code: string; url: string } | null;
}

const num = (v: number | null, digits = 0) =>
  v === null ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(v);

function grid(columns: { header: string; width: number; center?: boolean }[], rows: string[][]): Table {
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: columns[i].width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: header || columns[i].center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { size: pt(12), bold: header })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

const heading = (n: number, text: string) =>
  bodyParagraph([run(`${toRoman(n)}. ${text.toUpperCase()}`, { bold: true })], { keepNext: true });
const spacer = () => new Paragraph({ children: [], spacing: { after: 120 } });

/** The round's summary for the steering committee, in the committee's Party-style administrative layout. */
export async function renderRoundSummaryDocx(input: RoundSummaryInput): Promise<Buffer> {
  const c = input.counts;
  const children = [
    documentHeader({
      motto: 'party',
      issuerLines: input.issuerLines,
      number: `     -BC/BCĐ`,
      place: 'Hà Nội',
      issuedDate: input.issuedDate,
    }),
    ...titleBlock(
      'party',
      ['BÁO CÁO', 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH'],
      [
        centered(
          [
            unbrokenRun(
              `Chương trình số ${input.programCode} – kỳ báo cáo ${input.round.title} (${input.round.period})`,
              { bold: true },
            ),
          ],
          { before: 60 },
        ),
      ],
      false,
    ),
    heading(1, 'Tình hình gửi báo cáo'),
    bodyParagraph([
      run(
        `Kỳ báo cáo có hạn nộp ngày ${formatDateVi(input.round.dueDate)}, yêu cầu ${c.expected} đơn vị báo cáo. Đã nhận ${c.submitted} báo cáo (${c.onTime} đúng hạn, ${c.late} muộn), đã duyệt ${c.approved} báo cáo; ${c.missing} đơn vị chưa gửi báo cáo khi đã quá hạn.`,
      ),
    ]),
    grid(
      [
        { header: 'STT', width: 650, center: true },
        { header: 'Đơn vị', width: TEXT_WIDTH - 4650 },
        { header: 'Trạng thái', width: 2200, center: true },
        { header: 'Tính kịp thời', width: 1800, center: true },
      ],
      input.units.map((u, i) => [
        String(i + 1),
        u.name,
        labelVi('unitReportStatus', u.status),
        labelVi('timeliness', u.timeliness),
      ]),
    ),
    spacer(),
    heading(2, 'Kết quả thực hiện các chỉ tiêu'),
    input.indicators.length
      ? grid(
          [
            { header: 'Mã', width: 1100 },
            { header: 'Chỉ tiêu', width: TEXT_WIDTH - 6100 },
            { header: 'Kế hoạch', width: 1300, center: true },
            { header: 'Thực hiện', width: 1300, center: true },
            { header: '% đạt', width: 1000, center: true },
            { header: 'Đánh giá', width: 1400, center: true },
          ],
          input.indicators.map((i) => [
            i.code,
            `${i.name} (${i.unit})`,
            num(i.target, 2),
            num(i.actual, 2),
            i.attainmentPct === null ? '—' : `${num(i.attainmentPct, 1)}%`,
            labelVi('trafficLight', i.light),
          ]),
        )
      : bodyParagraph([run('(Chưa có chỉ tiêu)', { italics: true })]),
    spacer(),
    heading(3, 'Tiến độ thực hiện nhiệm vụ'),
    bodyParagraph([
      run(
        `Tổng số ${input.tasks.total} nhiệm vụ: ${Object.entries(input.tasks.byStatus)
          .map(([s, n]) => `${n} ${labelVi('taskStatus', s).toLocaleLowerCase('vi')}`)
          .join(', ')}; ${input.tasks.overdue.length} nhiệm vụ quá hạn.`,
      ),
    ]),
    ...(input.tasks.overdue.length
      ? [
          grid(
            [
              { header: 'Mã', width: 1100 },
              { header: 'Nhiệm vụ quá hạn', width: TEXT_WIDTH - 6300 },
              { header: 'Đơn vị thực hiện', width: 2400 },
              { header: 'Hạn', width: 1500, center: true },
              { header: 'Quá (ngày)', width: 1300, center: true },
            ],
            input.tasks.overdue.map((t) => [t.code, t.title, t.unit, formatDateVi(t.deadline), String(t.days)]),
          ),
          spacer(),
        ]
      : []),
    heading(4, 'Kinh phí'),
    bodyParagraph([
      run(
        `Kinh phí được giao: ${num(input.budget.allocatedVnd)} đồng; đã giải ngân: ${num(input.budget.spentVnd)} đồng${input.budget.allocatedVnd ? ` (${num((input.budget.spentVnd / input.budget.allocatedVnd) * 100, 1)}%)` : ''}.`,
      ),
    ]),
    heading(5, 'Đề xuất'),
    bodyParagraph([
      run(
        'Thường trực Ban Chỉ đạo đề nghị các đơn vị chưa gửi báo cáo hoàn thành trong thời gian sớm nhất; các đơn vị có nhiệm vụ quá hạn báo cáo rõ nguyên nhân và giải pháp khắc phục.',
      ),
    ]),
    spacer(),
    closingBlock('party', ['Thường trực Thành ủy (để b/c)', 'Các thành viên Ban Chỉ đạo', 'Các đơn vị báo cáo'], {
      roleLines: ['T/M BAN CHỈ ĐẠO', 'THƯỜNG TRỰC'],
      name: '',
    }),
  ];
  return packDocument(`Báo cáo tổng hợp ${input.round.title}`, children, await issuedFooter(input.verification));
}
