import type { NotificationKind } from '../../../shared/notifications.js';

type Params = Record<string, string | number | null>;
interface Notice {
  kind: string;
  path: string;
  params: Params;
}

const vnDate = (iso: string | number | null) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : String(iso ?? '');

/** One line per kind, in Vietnamese: what happened and to what. */
const lines: Record<NotificationKind, (p: Params) => string> = {
  'report.returned': (p) =>
    `Báo cáo định kỳ của ${p.unitName} (${p.roundTitle}) đã bị trả lại để bổ sung` +
    (p.comment ? `. Ý kiến: ${p.comment}` : ''),
  'report.approved': (p) => `Báo cáo định kỳ của ${p.unitName} (${p.roundTitle}) đã được phê duyệt`,
  'report.dueSoon': (p) =>
    `Báo cáo định kỳ của ${p.unitName} (${p.roundTitle}) đến hạn ngày ${vnDate(p.dueDate)} (còn ${p.daysLeft} ngày)`,
  'report.dueToday': (p) =>
    `Báo cáo định kỳ của ${p.unitName} (${p.roundTitle}) đến hạn hôm nay (${vnDate(p.dueDate)})`,
  'report.overdue': (p) =>
    `Báo cáo định kỳ của ${p.unitName} (${p.roundTitle}) đã quá hạn (hạn ngày ${vnDate(p.dueDate)})`,
  'report.revisionWaiting': (p) =>
    `${p.unitName} đã điều chỉnh báo cáo định kỳ đã phê duyệt (${p.roundTitle}), chờ phê duyệt` +
    (p.reason ? `. Lý do: ${p.reason}` : ''),
  'followUp.dueSoon': (p) =>
    `Kiến nghị “${p.text}” giao ${p.unitName} đến hạn ngày ${vnDate(p.dueDate)} (còn ${p.daysLeft} ngày)`,
  'followUp.overdue': (p) => `Kiến nghị “${p.text}” giao ${p.unitName} đã quá hạn (hạn ngày ${vnDate(p.dueDate)})`,
  'followUp.escalation': (p) =>
    `CẢNH BÁO: kiến nghị “${p.text}” giao ${p.unitName} đã quá hạn ${p.daysOverdue} ngày (hạn ngày ${vnDate(p.dueDate)})`,
  'conclusion.issued': (p) => `Đã ban hành Kết luận kiểm tra số ${p.number} đối với ${p.unitName}`,
  'dxAssessment.returned': (p) =>
    `Phiếu tự đánh giá chuyển đổi số năm ${p.year} của ${p.enterpriseName} đã bị trả lại để bổ sung` +
    (p.comment ? `. Ý kiến: ${p.comment}` : ''),
  'dxAssessment.verified': (p) =>
    `Phiếu tự đánh giá chuyển đổi số năm ${p.year} của ${p.enterpriseName} đã được xác nhận` +
    (p.comment ? `. Ý kiến: ${p.comment}` : ''),
  'dxAssessment.yearOpen': (p) =>
    `Đã mở kỳ tự đánh giá mức độ chuyển đổi số năm ${p.year}: ${p.enterpriseName} có thể bắt đầu phiếu tự đánh giá`,
};

const subjects: Record<NotificationKind, string> = {
  'report.returned': 'Báo cáo định kỳ bị trả lại',
  'report.approved': 'Báo cáo định kỳ đã được phê duyệt',
  'report.dueSoon': 'Báo cáo định kỳ sắp đến hạn',
  'report.dueToday': 'Báo cáo định kỳ đến hạn hôm nay',
  'report.overdue': 'Báo cáo định kỳ quá hạn',
  'report.revisionWaiting': 'Báo cáo điều chỉnh chờ phê duyệt',
  'followUp.dueSoon': 'Kiến nghị sắp đến hạn thực hiện',
  'followUp.overdue': 'Kiến nghị quá hạn thực hiện',
  'followUp.escalation': 'CẢNH BÁO: kiến nghị quá hạn',
  'conclusion.issued': 'Kết luận kiểm tra đã ban hành',
  'dxAssessment.returned': 'Phiếu tự đánh giá chuyển đổi số bị trả lại',
  'dxAssessment.verified': 'Phiếu tự đánh giá chuyển đổi số đã được xác nhận',
  'dxAssessment.yearOpen': 'Mở kỳ tự đánh giá chuyển đổi số năm mới',
};

export const noticeLine = (n: Notice) => (lines[n.kind as NotificationKind] ?? (() => n.kind))(n.params);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The e-mail for one notification, or the digest of several: Vietnamese, plain text and HTML, each with its link. */
export function renderMail(name: string, notices: Notice[], origin: string, digestDate?: string) {
  const link = (n: Notice) => `${origin}${n.path}`;
  const subject = digestDate
    ? `[Steerboard] Tổng hợp thông báo ngày ${vnDate(digestDate)} (${notices.length})`
    : `[Steerboard] ${subjects[notices[0].kind as NotificationKind] ?? notices[0].kind}`;
  const intro = digestDate ? `Kính gửi ${name},\n\nCác thông báo trong ngày:` : `Kính gửi ${name},`;
  const text = [
    intro,
    '',
    ...notices.map((n) => `- ${noticeLine(n)}\n  Xem tại: ${link(n)}`),
    '',
    'Thư này được gửi tự động từ hệ thống Steerboard. Anh/chị có thể chọn cách nhận thông báo trong mục Thông báo.',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro).replace(/\n/g, '<br>')}</p>`,
    '<ul>',
    ...notices.map((n) => `<li>${escapeHtml(noticeLine(n))} — <a href="${escapeHtml(link(n))}">Xem</a></li>`),
    '</ul>',
    '<p><small>Thư này được gửi tự động từ hệ thống Steerboard.</small></p>',
  ].join('\n');
  return { subject, text, html };
}
