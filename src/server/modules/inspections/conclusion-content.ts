import type { CauseType, FindingKind, Rating } from '../../../shared/domain.js';
import type { ConclusionDocInput } from '../documents/conclusion-docx.js';
import { formatDateVi } from '../documents/format.js';

/**
 * What a conclusion says, frozen at issue in `conclusions.content`: its document is always rendered from this,
 * so it never changes after issue, and `content_sha256` proves it.
 */
export interface ConclusionContent {
  number: string;
  version: number;
  issuedDate: string;
  signerName: string;
  signerTitle: string;
  summary: string | null;
  recipients: string[];
  supersedes: { number: string; issuedDate: string; reason: string } | null;
  programCode: string;
  plan: { code: string; title: string; year: number; issueDate: string };
  team: { number: number; name: string };
  target: { id: string; name: string };
  windowStart: string;
  windowEnd: string;
  contentAreas: { id: string; position: number; title: string; rating: Rating | null; notes: string | null }[];
  findings: {
    id: string;
    contentAreaId: string;
    kind: FindingKind;
    text: string;
    causeType: CauseType | null;
    addresseeOrgUnitId: string | null;
    addresseeName: string | null;
    dueDate: string | null;
  }[];
}

function intro(c: ConclusionContent): string {
  const lead =
    `Thực hiện Kế hoạch số ${c.plan.code} ngày ${formatDateVi(c.plan.issueDate)} của Ban Chỉ đạo Chương trình ${c.programCode}, ` +
    `từ ngày ${formatDateVi(c.windowStart)} đến ngày ${formatDateVi(c.windowEnd)}, ${c.team.name} đã kiểm tra việc thực hiện ` +
    `Chương trình số ${c.programCode} tại ${c.target.name}. Trên cơ sở báo cáo của đơn vị và kết quả kiểm tra, Đoàn kiểm tra kết luận như sau:`;
  return c.summary ? `${c.summary}\n${lead}` : lead;
}

/** The Word document of a conclusion (issued, or the draft marked DỰ THẢO). */
export function conclusionDocInput(c: ConclusionContent, draft: boolean): ConclusionDocInput {
  return {
    motto: 'party',
    issuerLines: ['THÀNH ỦY HÀ NỘI', `BAN CHỈ ĐẠO CHƯƠNG TRÌNH ${c.programCode}`, `ĐOÀN KIỂM TRA SỐ ${c.team.number}`],
    number: c.number,
    place: 'Hà Nội',
    issuedDate: c.issuedDate,
    subtitle: `Việc thực hiện Chương trình số ${c.programCode} tại ${c.target.name}`,
    intro: intro(c),
    supersedes: c.supersedes,
    contentAreas: c.contentAreas.map(({ id, position, title }) => ({ id, position, title })),
    findings: c.findings.map((f) => ({
      kind: f.kind,
      contentAreaId: f.contentAreaId,
      text: f.text,
      causeType: f.causeType,
      addresseeName: f.addresseeName,
      dueDate: f.dueDate,
    })),
    signer: { roleLines: ['T/M ĐOÀN KIỂM TRA', c.signerTitle], name: c.signerName },
    recipients: c.recipients,
    draft,
  };
}

/** The ASCII download name: `ket-luan-01-KL-DKT.docx`. */
export const conclusionFileName = (number: string) => `ket-luan-${number.replace(/\//g, '-')}.docx`;
