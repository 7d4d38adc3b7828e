import type { InspectionStatus, TeamRole, FollowUpStatus } from './domain.js';
import type { Role } from './fields.js';
import type { MeasureUnit, ReportStatus, TaskStatus, Timeliness, TrafficLight } from './monitoring-domain.js';
import type { AssessmentStatus } from './contracts/dx-assessments.js';
import type { SizeClass } from './enterprises/size-class.js';
import type { SupportKind } from './contracts/support-programs.js';

/**
 * The one source of the words shown for each domain vocabulary, in Vietnamese and English. The web's i18n
 * strings and the DOCX/XLSX exports both read these, so a status is called the same on screen and on paper.
 * The names follow docs/glossary.md.
 */
export interface LabelSet {
  inspectionStatus: Record<InspectionStatus, string>;
  /** A member's role in an inspection team ("Thư ký" here is the team's secretary). */
  teamRole: Record<TeamRole, string>;
  /** An account's role; `secretariat` is the steering committee's support body, never "Thư ký". */
  role: Record<Role, string>;
  followUpStatus: Record<FollowUpStatus, string>;
  unitReportStatus: Record<ReportStatus, string>;
  timeliness: Record<Timeliness, string>;
  taskStatus: Record<TaskStatus, string>;
  trafficLight: Record<TrafficLight, string>;
  measureUnit: Record<MeasureUnit, string>;
  dxAssessmentStatus: Record<AssessmentStatus, string>;
  /** An enterprise's size class (Decree 80/2021). */
  sizeClass: Record<SizeClass, string>;
  /** A kind of support a DX support program offers or gives (issue 13 §2). */
  supportKind: Record<SupportKind, string>;
}

const vi: LabelSet = {
  inspectionStatus: {
    planned: 'Đã lên kế hoạch',
    notified: 'Đã thông báo',
    in_progress: 'Đang kiểm tra',
    drafting: 'Đang dự thảo kết luận',
    issued: 'Đã ban hành kết luận',
    follow_up: 'Đang theo dõi khắc phục',
    closed: 'Đã kết thúc',
  },
  teamRole: { head: 'Trưởng đoàn', deputyHead: 'Phó Trưởng đoàn', member: 'Thành viên', secretary: 'Thư ký' },
  role: {
    admin: 'Quản trị hệ thống',
    secretariat: 'Tổ giúp việc Ban Chỉ đạo',
    inspector: 'Thành viên đoàn kiểm tra',
    unit: 'Đơn vị',
    viewer: 'Người xem',
    enterprise: 'Doanh nghiệp',
  },
  followUpStatus: { open: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Đã hoàn thành' },
  unitReportStatus: {
    draft: 'Đang soạn',
    submitted: 'Đã gửi, chờ duyệt',
    approved: 'Đã duyệt',
    returned: 'Trả lại để bổ sung',
  },
  timeliness: { on_time: 'Đúng hạn', late: 'Muộn', missing: 'Chưa nộp (quá hạn)', pending: 'Chưa đến hạn' },
  taskStatus: {
    not_started: 'Chưa triển khai',
    in_progress: 'Đang thực hiện',
    completed: 'Hoàn thành',
    cancelled: 'Dừng thực hiện',
  },
  trafficLight: { green: 'Đạt', amber: 'Gần đạt', red: 'Chưa đạt', none: 'Chưa có số liệu' },
  measureUnit: {
    count: 'Số lượng',
    vnd: 'VNĐ',
    percent: '%',
    people: 'Người',
    enterprises: 'Doanh nghiệp',
    other: 'Khác',
  },
  dxAssessmentStatus: { draft: 'Đang trả lời', submitted: 'Đã nộp', verified: 'Đã xác nhận', returned: 'Bị trả lại' },
  sizeClass: { micro: 'Siêu nhỏ', small: 'Nhỏ', medium: 'Vừa', large: 'Lớn' },
  supportKind: {
    dx_consulting: 'Tư vấn giải pháp chuyển đổi số',
    dx_solutions: 'Thuê, mua giải pháp chuyển đổi số',
    ip_consulting: 'Tư vấn sở hữu trí tuệ',
    tech_transfer_consulting: 'Tư vấn chuyển giao công nghệ',
    training: 'Đào tạo',
    assessment: 'Đánh giá mức độ chuyển đổi số',
    other: 'Khác',
  },
};

const en: LabelSet = {
  inspectionStatus: {
    planned: 'Planned',
    notified: 'Notified',
    in_progress: 'In progress',
    drafting: 'Drafting conclusion',
    issued: 'Conclusion issued',
    follow_up: 'Follow-up',
    closed: 'Closed',
  },
  teamRole: { head: 'Head', deputyHead: 'Deputy head', member: 'Member', secretary: 'Team secretary' },
  role: {
    admin: 'Administrator',
    secretariat: 'Secretariat',
    inspector: 'Inspector',
    unit: 'Unit',
    viewer: 'Viewer',
    enterprise: 'Enterprise',
  },
  followUpStatus: { open: 'Open', in_progress: 'In progress', done: 'Done' },
  unitReportStatus: {
    draft: 'Draft',
    submitted: 'Awaiting approval',
    approved: 'Approved',
    returned: 'Returned for changes',
  },
  timeliness: { on_time: 'On time', late: 'Late', missing: 'Missing (overdue)', pending: 'Not yet due' },
  taskStatus: { not_started: 'Not started', in_progress: 'In progress', completed: 'Completed', cancelled: 'Stopped' },
  trafficLight: { green: 'On track', amber: 'Near', red: 'Off track', none: 'No data' },
  measureUnit: {
    count: 'Count',
    vnd: 'VND',
    percent: '%',
    people: 'People',
    enterprises: 'Enterprises',
    other: 'Other',
  },
  dxAssessmentStatus: { draft: 'In progress', submitted: 'Submitted', verified: 'Verified', returned: 'Returned' },
  sizeClass: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' },
  supportKind: {
    dx_consulting: 'Digital-transformation consulting',
    dx_solutions: 'Renting or buying digital-transformation solutions',
    ip_consulting: 'Intellectual-property consulting',
    tech_transfer_consulting: 'Technology-transfer consulting',
    training: 'Training',
    assessment: 'DX maturity assessment',
    other: 'Other',
  },
};

export const labels = { vi, en } as const;

/** The Vietnamese label of a value of a vocabulary, or the value itself when unknown (old data, a new value). */
export function labelVi<K extends keyof LabelSet>(vocabulary: K, value: string): string {
  return (vi[vocabulary] as Record<string, string>)[value] ?? value;
}
