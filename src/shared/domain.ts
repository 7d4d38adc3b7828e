/** The domain's closed vocabularies (see docs/glossary.md): one word, one meaning, everywhere. */
export const teamRoles = ['head', 'deputyHead', 'member', 'secretary'] as const;
export type TeamRole = (typeof teamRoles)[number];

export const committeeRoles = ['head', 'standingDeputyHead', 'deputyHead', 'member', 'secretary'] as const;
export type CommitteeRole = (typeof committeeRoles)[number];

export const inspectionStatuses = [
  'planned',
  'notified',
  'in_progress',
  'drafting',
  'issued',
  'follow_up',
  'closed',
] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const ratings = ['good', 'fair', 'average', 'weak'] as const;
export type Rating = (typeof ratings)[number];

export const findingKinds = ['strength', 'shortcoming', 'cause', 'remedy', 'recommendation'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const causeTypes = ['objective', 'subjective'] as const;
export type CauseType = (typeof causeTypes)[number];

export const followUpStatuses = ['open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const successionShares = ['whole', 'part'] as const;
export type SuccessionShare = (typeof successionShares)[number];
