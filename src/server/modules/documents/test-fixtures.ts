import JSZip from 'jszip';
import type { ConclusionDocInput } from './conclusion-docx.js';
import type { PlanExportInput } from './plan-export.js';

/** A realistic conclusion: every finding kind, both cause types, areas given out of plan order. */
export function sampleConclusion(overrides: Partial<ConclusionDocInput> = {}): ConclusionDocInput {
  return {
    motto: 'party',
    // the inspection team issues its conclusion; the steering committee that set it up is its direct superior
    issuerLines: ['BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU', 'ĐOÀN KIỂM TRA SỐ 1'],
    number: '01-KL/ĐKT',
    place: 'Hà Nội',
    issuedDate: '2023-11-15',
    subtitle: 'Việc thực hiện Chương trình số 07-CTr/TU của Thành ủy tại Sở Thông tin và Truyền thông',
    intro:
      'Thực hiện Kế hoạch số 05-KH/BCĐ ngày 02/10/2023 của Ban Chỉ đạo, từ ngày 01/11/2023 đến ngày 10/11/2023, ' +
      'Đoàn kiểm tra số 1 đã kiểm tra việc thực hiện Chương trình tại Sở Thông tin và Truyền thông. ' +
      'Trên cơ sở báo cáo của đơn vị và kết quả kiểm tra, Đoàn kiểm tra kết luận như sau:',
    contentAreas: [
      { id: 'ca-2', position: 2, title: 'Ứng dụng khoa học, công nghệ và đổi mới sáng tạo' },
      { id: 'ca-1', position: 1, title: 'Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai' },
    ],
    findings: [
      { kind: 'strength', contentAreaId: 'ca-1', text: 'Ban hành kịp thời kế hoạch triển khai Chương trình.' },
      { kind: 'strength', contentAreaId: 'ca-2', text: 'Đưa vào vận hành nền tảng dữ liệu dùng chung của thành phố.' },
      { kind: 'shortcoming', contentAreaId: 'ca-2', text: 'Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp.' },
      {
        kind: 'cause',
        contentAreaId: 'ca-2',
        causeType: 'objective',
        text: 'Hạ tầng kết nối của một số quận, huyện chưa đồng bộ.',
      },
      {
        kind: 'cause',
        contentAreaId: 'ca-1',
        causeType: 'subjective',
        text: 'Việc đôn đốc, kiểm tra chưa thường xuyên.',
      },
      {
        kind: 'remedy',
        contentAreaId: 'ca-2',
        text: 'Rà soát, nâng cấp các dịch vụ công trực tuyến toàn trình.',
        addresseeName: 'Sở Thông tin và Truyền thông',
        dueDate: '2024-03-31',
      },
      {
        kind: 'recommendation',
        contentAreaId: 'ca-1',
        text: 'Bổ sung kinh phí đầu tư hạ tầng số cho cấp xã.',
        addresseeName: 'Ủy ban nhân dân Thành phố',
        dueDate: '2024-06-30',
      },
    ],
    signer: { roleLines: ['T/M ĐOÀN KIỂM TRA', 'TRƯỞNG ĐOÀN'], name: 'Nguyễn Văn An' },
    recipients: [
      'Thường trực Thành ủy (để báo cáo)',
      'Ban Chỉ đạo Chương trình 07-CTr/TU',
      'Sở Thông tin và Truyền thông',
      'Lưu hồ sơ Đoàn kiểm tra',
    ],
    ...overrides,
  };
}

export function samplePlan(overrides: Partial<PlanExportInput> = {}): PlanExportInput {
  return {
    planCode: '05-KH/BCĐ',
    planTitle: 'Kế hoạch kiểm tra việc thực hiện Chương trình số 07-CTr/TU năm 2024',
    year: 2024,
    issueDate: '2024-02-05',
    programCode: '07-CTr/TU',
    issuerLines: ['Thành ủy Hà Nội', 'Ban Chỉ đạo Chương trình 07-CTr/TU'], // lower case on purpose: the header upper-cases it
    contentAreas: [
      { position: 2, title: 'Ứng dụng khoa học, công nghệ và đổi mới sáng tạo' },
      { position: 1, title: 'Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai' },
    ],
    teams: [
      {
        number: 2,
        name: 'Đoàn kiểm tra số 2',
        members: [
          {
            fullName: 'Trần Thị Bình',
            positionTitle: 'Phó Giám đốc Sở Khoa học và Công nghệ',
            role: 'head',
            representedOrgUnitName: 'Sở Khoa học và Công nghệ',
          },
          { fullName: 'Lê Văn Cường', positionTitle: null, role: 'member', representedOrgUnitName: null },
        ],
        targets: [
          {
            orgUnitName: 'Ủy ban nhân dân quận Cầu Giấy',
            windowStart: '2024-04-01',
            windowEnd: '2024-04-05',
            status: 'planned',
          },
        ],
      },
      {
        number: 1,
        name: 'Đoàn kiểm tra số 1',
        members: [
          {
            fullName: 'Nguyễn Văn An',
            positionTitle: 'Phó Trưởng Ban Tuyên giáo Thành ủy',
            role: 'head',
            representedOrgUnitName: 'Ban Tuyên giáo Thành ủy',
          },
          {
            fullName: 'Phạm Thị Dung',
            positionTitle: 'Phó Giám đốc Sở Thông tin và Truyền thông',
            role: 'deputyHead',
            representedOrgUnitName: 'Sở Thông tin và Truyền thông',
          },
          {
            fullName: 'Hoàng Văn Em',
            positionTitle: 'Chuyên viên',
            role: 'secretary',
            representedOrgUnitName: 'Văn phòng Thành ủy',
          },
        ],
        targets: [
          {
            orgUnitName: 'Sở Thông tin và Truyền thông',
            windowStart: '2024-03-04',
            windowEnd: '2024-03-08',
            status: 'notified',
          },
          { orgUnitName: 'Sở Y tế', windowStart: '2024-03-11', windowEnd: '2024-03-15', status: 'planned' },
        ],
      },
    ],
    warnings: [
      {
        message:
          'Bà Phạm Thị Dung (Phó Trưởng đoàn số 1) công tác tại Sở Thông tin và Truyền thông, đơn vị do chính đoàn kiểm tra.',
      },
    ],
    ...overrides,
  };
}

const xmlEntities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The text of each paragraph of a DOCX part: runs split a paragraph's text, so raw XML is no place to search. */
export async function docxParagraphs(buffer: Buffer, part = 'word/document.xml'): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`${part} missing from the DOCX`);
  // A non-breaking hyphen is an element of its own, not text: read it back as the hyphen it stands for.
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
      .map((t) => (t[1] ?? '-').replace(/&\w+;/g, (e) => xmlEntities[e] ?? e))
      .join(''),
  );
}

/** How a run is set, read from its properties; `size` is in half-points, null when the run inherits the default. */
export interface RunStyle {
  size: number | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export interface StyledParagraph {
  text: string;
  runs: RunStyle[];
}

/** A toggle property is on when present without a value or with a true one (docx writes `<w:b w:val="false"/>` too). */
const toggled = (props: string, name: string) => new RegExp(`<w:${name}(?: w:val="(?:true|1|on)")?/>`).test(props);

function runStyle(runXml: string): RunStyle {
  const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(runXml)?.[1] ?? '';
  const size = /<w:sz w:val="(\d+)"\/>/.exec(props)?.[1];
  return {
    size: size === undefined ? null : Number(size),
    bold: toggled(props, 'b'),
    italic: toggled(props, 'i'),
    underline: /<w:u w:val="single"\/>/.test(props),
  };
}

/** The paragraphs of a piece of document.xml with the style of every run that carries text. */
export function styledParagraphs(xml: string): StyledParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => {
    const runs = [...p[0].matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((r) => r[0]);
    const text = runs
      .flatMap((r) => [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)])
      .map((t) => (t[1] ?? '-').replace(/&\w+;/g, (e) => xmlEntities[e] ?? e))
      .join('');
    return { text, runs: runs.filter((r) => /<w:t[ >]|<w:noBreakHyphen\/>/.test(r)).map(runStyle) };
  });
}

/** The cells of every layout table in document order (header first, closing block last), each as its paragraphs. */
export async function docxTables(buffer: Buffer): Promise<StyledParagraph[][][]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => styledParagraphs(cell[0])),
  );
}
