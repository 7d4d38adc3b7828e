// The events a person is notified of, and how each may be delivered by e-mail (in the app every one is shown).

export const notificationKinds = [
  'report.returned',
  'report.approved',
  'report.dueSoon',
  'report.dueToday',
  'report.overdue',
  'report.revisionWaiting',
  'followUp.dueSoon',
  'followUp.overdue',
  'followUp.escalation',
  'conclusion.issued',
  'dxAssessment.returned',
  'dxAssessment.verified',
  'dxAssessment.yearOpen',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationModes = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof notificationModes)[number];

/** Escalations reach their people whatever they chose: e-mail at once or in the digest, never off. */
export const mandatoryKinds: readonly NotificationKind[] = ['followUp.escalation'];

/** Reports and follow-ups due within this many days get a "due soon" notice. */
export const DUE_SOON_DAYS = 7;

export const sendStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export type SendStatus = (typeof sendStatuses)[number];

/**
 * The events other modules tell the notifications module of, inside their own transaction: one contract, imported by
 * the notifications' port and by each module that calls it (`Tx`: the server's transaction type).
 */
export interface ReportReviewedEvent {
  reportId: string;
  version: number;
  roundId: string;
  roundTitle: string;
  orgUnitId: string;
  decision: 'approve' | 'return';
  comment: string | null;
}
/** A unit changed its approved report: the new revision waits for the secretariat's approval. */
export interface ReportRevisedEvent {
  reportId: string;
  revision: number;
  roundId: string;
  roundTitle: string;
  orgUnitId: string;
  reason: string;
}
export interface ConclusionIssuedEvent {
  conclusionId: string;
  inspectionId: string;
  number: string;
  targetOrgUnitId: string;
  unitName: string;
  /** the conclusion's "Nơi nhận" lines as printed: the org units among them that have accounts are told too */
  recipients: string[];
}

/**
 * An org unit's name as a line of "Nơi nhận" names it, folded (see `foldText`), or null for a line that names no
 * unit ("Như trên", "Lưu: VT"): the leading dash, a trailing "(để báo cáo)" and the closing ";" or "." dropped.
 */
export function recipientUnitName(line: string, fold: (s: string) => string): string | null {
  const name = fold(
    line
      .replace(/^[\s\-–—•+*]+/u, '')
      .replace(/[\s;:,.]+$/u, '')
      .replace(/\s*\([^()]*\)$/u, '')
      .replace(/[\s;:,.]+$/u, ''),
  );
  if (!name || name === 'nhu tren' || name.startsWith('luu')) return null;
  return name;
}
/** The secretariat returned (with a comment) or verified an enterprise's DX assessment: the enterprise is told. */
export interface AssessmentReviewedEvent {
  assessmentId: string;
  version: number;
  enterpriseId: string;
  enterpriseName: string;
  year: number;
  decision: 'return' | 'verify';
  comment: string | null;
}

export interface NotifyPort<Tx> {
  reportReviewed(tx: Tx, e: ReportReviewedEvent): Promise<void>;
  reportRevised(tx: Tx, e: ReportRevisedEvent): Promise<void>;
  conclusionIssued(tx: Tx, e: ConclusionIssuedEvent): Promise<void>;
  assessmentReviewed(tx: Tx, e: AssessmentReviewedEvent): Promise<void>;
}
