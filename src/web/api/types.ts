import type { SessionInfo as SessionInfoData } from '../../shared/contracts/auth';
import type { ConclusionVersion as ConclusionVersionData } from '../../shared/contracts/conclusions';
import type { Dashboard as DashboardData } from '../../shared/contracts/dashboard';
import type { ImportJob as ImportJobData } from '../../shared/contracts/dx-analytics';
import type {
  AssessmentDetail as AssessmentDetailData,
  AssessmentItem as AssessmentItemData,
  AssessmentReport as AssessmentReportData,
} from '../../shared/contracts/dx-assessments';
import type {
  FrameworkSummary as FrameworkSummaryData,
  FrameworkVersionInfo as FrameworkVersionInfoData,
} from '../../shared/contracts/dx-frameworks';
import type {
  EnterpriseDetail as EnterpriseDetailData,
  EnterpriseItem as EnterpriseItemData,
} from '../../shared/contracts/enterprises';
import type {
  FollowUpDetail as FollowUpDetailData,
  FollowUpItem as FollowUpItemData,
} from '../../shared/contracts/follow-ups';
import type {
  Attachment as AttachmentData,
  InspectionDetail as InspectionDetailData,
} from '../../shared/contracts/inspections';
import type {
  MonitoringFile as MonitoringFileData,
  TaskDetail as TaskDetailData,
} from '../../shared/contracts/program-tasks';
import type {
  ReportDetail as ReportDetailData,
  Round as RoundData,
  RoundDetail as RoundDetailData,
  RoundUnit as RoundUnitData,
} from '../../shared/contracts/reporting-rounds';
import type { Wire } from '../../shared/fields';

/*
 * The response types that hold timestamps, as the web receives them: the contracts' types are the server's values
 * (`Date`), these are what JSON carries (ISO strings). Each is `Wire<…>` of the contract's type, so a field renamed
 * in a contract is renamed here too. The typed client (`./client.ts`) answers the same types.
 */
export type SessionInfo = Wire<SessionInfoData>;
export type ConclusionVersion = Wire<ConclusionVersionData>;
export type Dashboard = Wire<DashboardData>;
export type ImportJob = Wire<ImportJobData>;
export type AssessmentDetail = Wire<AssessmentDetailData>;
export type AssessmentItem = Wire<AssessmentItemData>;
export type AssessmentReport = Wire<AssessmentReportData>;
export type FrameworkSummary = Wire<FrameworkSummaryData>;
export type FrameworkVersionInfo = Wire<FrameworkVersionInfoData>;
export type EnterpriseDetail = Wire<EnterpriseDetailData>;
export type EnterpriseItem = Wire<EnterpriseItemData>;
export type FollowUpDetail = Wire<FollowUpDetailData>;
export type FollowUpItem = Wire<FollowUpItemData>;
export type Attachment = Wire<AttachmentData>;
export type InspectionDetail = Wire<InspectionDetailData>;
export type MonitoringFile = Wire<MonitoringFileData>;
export type TaskDetail = Wire<TaskDetailData>;
export type ReportDetail = Wire<ReportDetailData>;
export type Round = Wire<RoundData>;
export type RoundDetail = Wire<RoundDetailData>;
export type RoundUnit = Wire<RoundUnitData>;
