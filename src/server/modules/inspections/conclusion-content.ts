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
  /** the code and address printed in the footer (absent from versions issued before codes existed; null in a draft) */
  verification?: { code: string; url: string } | null;
  programCode: string;
  plan: { code: string; title: string; year: number; issueDate: string };
  team: { number: number; name: string };
  target: { id: string; name: string };
  windowStart: string;
  windowEnd: string;
  /**
   * What happened (absent from conclusions issued before these were recorded): the day the inspection was started in
   * the system, the day its draft was last shared (the end of the team's work), and the reasons given for starting
   * before the schedule and for dating the conclusion before the start or the scheduled end.
   */
  startedOn?: string | null;
  workEndedOn?: string | null;
  startReason?: string | null;
  scheduleReason?: string | null;
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

/**
 * The days the team inspected, as the document may state them: never a day after the document's own date. The
 * recorded days come first (started in the system; draft shared, capped at the document's date). When the record
 * starts after the document's date (a paper inspection entered later), it says nothing of the real days: the
 * scheduled window stands in if it had ended by then, else no days are stated.
 */
export function inspectedPeriod(c: ConclusionContent): { from: string; to: string } | null {
  const start = c.startedOn ?? c.windowStart;
  if (start <= c.issuedDate) {
    const end = c.workEndedOn ?? c.windowEnd;
    const to = end > c.issuedDate ? c.issuedDate : end;
    return { from: start, to: to < start ? start : to };
  }
  return c.windowEnd <= c.issuedDate ? { from: c.windowStart, to: c.windowEnd } : null;
}

function intro(c: ConclusionContent): string {
  const period = inspectedPeriod(c);
  const when = period ? `từ ngày ${formatDateVi(period.from)} đến ngày ${formatDateVi(period.to)}, ` : '';
  const lead =
    `Thực hiện Kế hoạch số ${c.plan.code} ngày ${formatDateVi(c.plan.issueDate)} của Ban Chỉ đạo Chương trình ${c.programCode}, ` +
    `${when}${c.team.name} đã kiểm tra việc thực hiện Chương trình số ${c.programCode} tại ${c.target.name}.`;
  // the schedule's contradictions, stated with their reasons (the planned days may lie after this document's date)
  const notes = [
    c.startReason ? ` Đoàn kiểm tra bắt đầu sớm hơn thời gian dự kiến trong Kế hoạch (lý do: ${c.startReason}).` : '',
    c.scheduleReason && c.issuedDate < c.windowEnd
      ? ` Kết luận được ban hành trước thời gian dự kiến kết thúc kiểm tra theo Kế hoạch (lý do: ${c.scheduleReason}).`
      : '',
    c.scheduleReason && c.issuedDate >= c.windowEnd
      ? ` Hồ sơ cuộc kiểm tra được cập nhật vào hệ thống sau ngày ban hành Kết luận (lý do: ${c.scheduleReason}).`
      : '',
  ].join('');
  const tail = ' Trên cơ sở báo cáo của đơn vị và kết quả kiểm tra, Đoàn kiểm tra kết luận như sau:';
  const text = lead + notes + tail;
  return c.summary ? `${c.summary}\n${text}` : text;
}

/** The Word document of a conclusion (issued, or the draft marked DỰ THẢO). */
export function conclusionDocInput(c: ConclusionContent, draft: boolean): ConclusionDocInput {
  return {
    motto: 'party',
    // The team issues the conclusion (its symbol KL/ĐKT, signed "T/M Đoàn kiểm tra"); the steering committee that set
    // the team up by its plan is the direct superior. Guidance 36-HD/VPTW (II.1, point 1.2) prints those two only.
    issuerLines: [`BAN CHỈ ĐẠO CHƯƠNG TRÌNH ${c.programCode}`, `ĐOÀN KIỂM TRA SỐ ${c.team.number}`],
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
    verification: c.verification ?? null,
  };
}

/** The download name: `ket-luan-01-KL-DKT-2023.docx` (numbers restart every year, so the year tells files apart). */
export const conclusionFileName = (number: string, year?: number) =>
  `ket-luan-${number.replace(/\//g, '-')}${year ? `-${year}` : ''}.docx`;
