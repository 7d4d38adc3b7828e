import { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { AssessmentReport } from '../../../shared/contracts/dx-assessments.js';
import { bodyParagraph, centered, issuedFooter, packDocument, pt, run, TEXT_WIDTH } from '../documents/docx-parts.js';

const BAND_VI = {
  wellBelow: 'thấp hơn nhiều so với',
  below: 'thấp hơn',
  around: 'xấp xỉ',
  above: 'cao hơn',
  wellAbove: 'cao hơn nhiều so với',
} as const;
const SIZE_VI: Record<string, string> = { micro: 'siêu nhỏ', small: 'nhỏ', medium: 'vừa', large: 'lớn' };
const num = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function table(header: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: Math.round((widths[i] / total) * TEXT_WIDTH), type: WidthType.DXA },
      children: [new Paragraph({ children: [run(text, { size: pt(12), bold })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}
const heading = (text: string) => bodyParagraph([run(text, { bold: true })], { keepNext: true });

/** Sections 4–5: the Decree 80 support the firm's size class may get, and the platform categories to look at. */
function supportParagraphs(s: AssessmentReport['support']) {
  const d = s.decree80;
  const per = { contract_year: 'hợp đồng/năm', year: 'năm' } as const;
  return [
    heading(`4. Hỗ trợ theo Nghị định 80/2021/NĐ-CP (doanh nghiệp ${SIZE_VI[s.sizeClass] ?? s.sizeClass})`),
    ...d.items.map((i) =>
      bodyParagraph([
        run(`${i.title.vi}: `),
        run(`tối đa ${i.capText}/${per[i.per]}`, { bold: true }),
        run(` (${i.citation}${i.confirmed ? '' : '; mức chưa đối chiếu với văn bản gốc'}).`),
      ]),
    ),
    ...(d.items.length
      ? [bodyParagraph([run('Tổng mức tối đa một năm: ', { bold: true }), run(d.maxPerYearText)])]
      : []),
    bodyParagraph([run(d.note.vi, { italics: true })]),
    heading('5. Nhóm nền tảng số nên xem xét'),
    ...(s.platformCategories.items.length
      ? s.platformCategories.items.map((c) =>
          bodyParagraph([
            run(`${c.name.vi}: `, { bold: true }),
            run(
              `các nội dung ${c.because.map((b) => b.node).join(', ')} đạt dưới ${s.platformCategories.weakBelow * 100}% số điểm.`,
            ),
          ]),
        )
      : [bodyParagraph([run('Không có nội dung nào đạt dưới một nửa số điểm.')])]),
    bodyParagraph([run('Khuyến nghị theo nhóm nền tảng, không giới thiệu nhà cung cấp cụ thể.', { italics: true })]),
  ];
}

const signed = (n: number) => (n > 0 ? `+${num(n)}` : num(n));
type Change = NonNullable<AssessmentReport['change']['previous']>;
/** A column of the change table: the difference, or "framework changed" when the two are not comparable. */
const changeText = (c: Change | null, pick: (c: Change) => number | null) => {
  if (!c) return '—';
  if (!c.comparable) return 'Bộ tiêu chí đã thay đổi';
  const v = pick(c);
  return v === null ? '—' : signed(v);
};

/** "Thay đổi so với lần đánh giá trước": overall and per pillar, since the previous and since the first assessment. */
function changeSection(r: AssessmentReport) {
  const { previous, first } = r.change;
  if (!previous)
    return [
      bodyParagraph([
        run('Đây là lần đánh giá đầu tiên của doanh nghiệp: chưa có thay đổi để so sánh.', { italics: true }),
      ]),
    ];
  const since = (c: Change | null) => (c ? ` (năm ${c.year}, ${c.framework.code} v${c.framework.version})` : '');
  const pillar = (i: number) => (c: Change) => c.pillars[i]?.score ?? null;
  const pillarLevel = (i: number) => (c: Change) => c.pillars[i]?.level ?? null;
  return [
    heading('Thay đổi so với lần đánh giá trước'),
    table(
      ['Chỉ tiêu', `So với lần trước${since(previous)}`, `So với lần đầu${since(first)}`],
      [
        ['Tổng điểm', changeText(previous, (c) => c.total), changeText(first, (c) => c.total)],
        ['Mức chuyển đổi số', changeText(previous, (c) => c.level), changeText(first, (c) => c.level)],
        ...r.pillars.flatMap((p, i) => [
          [`${p.name.vi} — điểm`, changeText(previous, pillar(i)), changeText(first, pillar(i))],
          [`${p.name.vi} — mức`, changeText(previous, pillarLevel(i)), changeText(first, pillarLevel(i))],
        ]),
      ],
      [5, 3, 3],
    ),
  ];
}

/** The enterprise's report in Vietnamese: overall level, pillars, peers, what to improve, recommendations. */
export async function assessmentReportDocx(
  r: AssessmentReport,
  /** the report issued when the assessment was verified: its code and /verify address in the footer */
  verification?: { code: string; url: string } | null,
): Promise<Buffer> {
  const s = r.snapshot;
  const a = r.assessment;
  const children = [
    centered([run('BÁO CÁO ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ DOANH NGHIỆP', { size: pt(15), bold: true })], {
      before: 240,
    }),
    centered([run(`${r.frameworkName.vi} — phiên bản ${a.framework.version}, năm ${a.year}`, { italics: true })], {
      after: 240,
    }),
    ...(r.provisional
      ? [centered([run('(Kết quả tạm tính: phiếu chưa được nộp)', { italics: true })], { after: 120 })]
      : []),
    bodyParagraph([run('Doanh nghiệp: ', { bold: true }), run(`${a.enterprise.name} (MST ${a.enterprise.taxCode})`)]),
    bodyParagraph([
      run('Mức chuyển đổi số: ', { bold: true }),
      run(`Mức ${s.overallLevel} — ${s.overallLevelName.vi}`),
    ]),
    bodyParagraph([run('Tổng điểm: ', { bold: true }), run(`${num(s.total)} / ${num(s.max)}`)]),
    bodyParagraph([
      run('So với doanh nghiệp cùng ngành, cùng quy mô: ', { bold: true }),
      run(
        r.peers.status === 'draft'
          ? 'chỉ so sánh sau khi nộp bản đánh giá.'
          : r.peers.status === 'fewer' || !r.peers.band
            ? `ít hơn ${r.peers.suppressBelow} doanh nghiệp khác cùng nhóm: chưa so sánh.`
            : `điểm ${BAND_VI[r.peers.band]} điểm trung bình của ${r.peers.count} doanh nghiệp khác ngành ${r.peers.sectorCode}, quy mô ${SIZE_VI[r.peers.sizeClass] ?? r.peers.sizeClass}, năm ${a.year}.`,
      ),
    ]),
    heading('1. Kết quả theo trụ cột'),
    table(
      ['Trụ cột', 'Điểm', 'Tỷ lệ', 'Mức'],
      r.pillars.map((p) => [
        p.name.vi,
        `${num(p.score)} / ${num(p.max)}`,
        `${num(p.share)}%`,
        `${p.level} — ${p.levelName.vi}`,
      ]),
      [5, 2, 1.5, 2.5],
    ),
    ...changeSection(r),
    heading('2. Những câu trả lời giúp nâng mức nhanh nhất'),
    ...(r.improvements.length
      ? r.improvements.map((i, k) =>
          bodyParagraph([
            run(`${k + 1}. ${i.text.vi} `),
            run(
              `(+${num(i.gain)} điểm${i.suggestedLabel ? `; gợi ý: ${i.suggestedLabel.vi}` : ''}; ${i.levelUp ? `lên mức ${i.newLevel}` : `hướng tới mức ${i.newLevel + 1}`})`,
              { italics: true },
            ),
          ]),
        )
      : [bodyParagraph([run('Không còn câu trả lời nào có thể nâng mức.')])]),
    heading('3. Khuyến nghị theo trụ cột'),
    ...r.pillars
      .filter((p) => p.recommendation)
      .map((p) => bodyParagraph([run(`${p.name.vi} (mức ${p.level}): `, { bold: true }), run(p.recommendation!.vi)])),
    ...supportParagraphs(r.support),
  ];
  return packDocument(
    `Báo cáo chuyển đổi số ${a.enterprise.taxCode} ${a.year}`,
    children,
    await issuedFooter(verification),
  );
}
