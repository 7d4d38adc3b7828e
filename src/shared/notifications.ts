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
