import type { TeamRole } from './domain.js';
import type { Role } from './fields.js';

/**
 * Who may do what: the one catalogue of actions. The server's `authorize()` and the web both read it.
 *
 * Default deny: a role not listed under an action may not do it. A role listed with `true` may do it on
 * every record; a role listed with scopes may do it only where every scope holds for the record (the server
 * gathers the record's facts). docs/security.md shows this table (`npm run docs:security` regenerates it).
 */

/** What the server knows about the record an action touches, relative to the caller. */
export interface Facts {
  /** The org units the record belongs to for this action (inspection target, follow-up addressee, report unit…). */
  orgUnitIds?: readonly (string | null | undefined)[];
  /** The caller's roles in the inspection team concerned (empty: not a member). */
  teamRoles?: readonly TeamRole[];
  /** The inspection's status, for rules that depend on it. */
  inspectionStatus?: string;
  /** The enterprise the record belongs to, and the one the caller's account acts for. */
  enterpriseId?: string | null;
  actorEnterpriseId?: string | null;
}

/**
 * Who a route is for, declared on every API route: `public` needs no session; `staff` is every committee account
 * (admin, secretariat, inspector, unit, viewer); `enterprise` the enterprise accounts.
 */
export const audiences = ['public', 'staff', 'enterprise'] as const;
export type Audience = (typeof audiences)[number];
export const audienceOf = (role: Role): Exclude<Audience, 'public'> => (role === 'enterprise' ? 'enterprise' : 'staff');

/** The caller as the catalogue sees it. */
export interface Subject {
  role: Role;
  orgUnitId: string | null;
}

/** The named scope rules. Each reads only the facts; a missing fact never grants. */
export const scopes = {
  ownUnit: {
    en: 'the record belongs to the caller’s own org unit (not its parent, not its sub-units)',
    test: (s: Subject, f: Facts) => !!s.orgUnitId && !!f.orgUnitIds?.includes(s.orgUnitId),
  },
  team: {
    en: 'the caller is a member of the inspection team concerned',
    test: (_s: Subject, f: Facts) => (f.teamRoles?.length ?? 0) > 0,
  },
  teamLead: {
    en: 'the caller is head or deputy head of the inspection team concerned',
    test: (_s: Subject, f: Facts) => !!f.teamRoles?.some((r) => r === 'head' || r === 'deputyHead'),
  },
  teamHead: {
    en: 'the caller is head of the inspection team concerned',
    test: (_s: Subject, f: Facts) => !!f.teamRoles?.includes('head'),
  },
  draftShared: {
    en: 'the team has shared its draft (inspection drafting or later): working evidence is no longer hidden',
    test: (_s: Subject, f: Facts) =>
      !!f.inspectionStatus && !['planned', 'notified', 'in_progress'].includes(f.inspectionStatus),
  },
  ownEnterprise: {
    en: 'the record belongs to the enterprise the caller’s account acts for',
    test: (_s: Subject, f: Facts) => !!f.enterpriseId && f.enterpriseId === f.actorEnterpriseId,
  },
} as const satisfies Record<string, { en: string; test: (s: Subject, f: Facts) => boolean }>;
export type Scope = keyof typeof scopes;

/** One role's grant: everywhere (`true`) or where all the scopes hold. */
export type Grant = true | readonly Scope[];
export interface ActionRule {
  en: string;
  roles: Partial<Record<Role, Grant>>;
}

const all = true as const;
/** Admins and the secretariat: the committee's office. */
const office = { admin: all, secretariat: all } as const;
/** Everyone who reads the committee's own work read-only or more (not enterprises). */
const officials = { ...office, inspector: all, viewer: all, unit: all } as const;

export const catalogue = {
  // foundation
  'session.self': {
    en: 'see and end one’s own session',
    roles: { ...officials, enterprise: all },
  },
  'myWork.read': {
    en: 'read one’s own home page of work (each role: what the catalogue lets it read)',
    roles: { ...officials, enterprise: all },
  },
  'audit.read': { en: 'read the audit log', roles: { admin: all } },
  'notification.self': {
    en: 'read one’s own notifications, mark them read, choose how they come',
    roles: { ...officials, enterprise: all },
  },
  'notificationSend.read': { en: 'see the e-mail sends and their failures', roles: { admin: all } },
  'user.manage': { en: 'list, create and change user accounts', roles: { admin: all } },
  'orgUnit.read': { en: 'read org units (reference data)', roles: officials },
  'orgUnit.manage': { en: 'create and change org units', roles: office },
  'person.read': { en: 'read people (to pick team members)', roles: officials },
  'person.manage': { en: 'create and change people', roles: office },
  // inspections
  'program.read': { en: 'read programs and their committees', roles: officials },
  'program.manage': { en: 'create programs, name the committee', roles: office },
  'plan.read': {
    en: 'read inspection plans, their teams and targets (the plan is the committee’s public schedule)',
    roles: officials,
  },
  'plan.manage': { en: 'create and change plans, teams and targets', roles: office },
  'dashboard.read': {
    en: 'read the inspections dashboard (a unit: its own; an inspector: its teams’)',
    roles: officials,
  },
  'inspection.read': {
    en: 'read (and list) inspections: header, team, conclusion',
    roles: { ...office, viewer: all, inspector: ['team'], unit: ['ownUnit'] },
  },
  'inspection.readWork': {
    en: 'read the team’s working content: assessments, findings, evidence files',
    roles: { ...office, viewer: all, inspector: ['team'], unit: ['ownUnit', 'draftShared'] },
  },
  'inspection.edit': {
    en: 'edit assessments, findings and evidence; start and carry out the inspection',
    roles: { ...office, inspector: ['team'] },
  },
  'inspection.lead': {
    en: 'send the draft to the unit or back for rework',
    roles: { ...office, inspector: ['teamLead'] },
  },
  'inspection.steer': { en: 'open follow-up tracking, close the inspection', roles: office },
  'conclusion.issue': {
    en: 'issue the numbered conclusion, correct it',
    roles: { ...office, inspector: ['teamHead'] },
  },
  'conclusion.respond': {
    en: 'answer the draft conclusion (while it is shared: the lifecycle says when, 409 otherwise)',
    roles: { unit: ['ownUnit'] },
  },
  'findingLink.manage': {
    en: 'link findings to indicators and tasks',
    roles: { ...office, inspector: ['team'] },
  },
  'followUp.read': {
    en: 'read a follow-up (a unit: addressed to it, or from an inspection of it)',
    roles: { ...office, viewer: all, inspector: all, unit: ['ownUnit'] },
  },
  'followUp.report': {
    en: 'report progress on a follow-up (a unit: addressed to it)',
    roles: { ...office, unit: ['ownUnit'] },
  },
  'followUp.accept': { en: 'accept or return a follow-up report', roles: office },
  'publication.manage': {
    en: 'publish an issued conclusion’s recommendations and their follow-up status, or withdraw them',
    roles: office,
  },
  // program monitoring
  'monitoring.read': {
    en: 'read indicators, plans, tasks, rounds and the monitoring dashboard (a unit: its own figures)',
    roles: officials,
  },
  'indicator.manage': { en: 'maintain indicators, targets and indicator plans', roles: office },
  'programTask.read': {
    en: 'read a program task (a unit: one it leads, carries out or coordinates)',
    roles: { ...office, viewer: all, inspector: all, unit: ['ownUnit'] },
  },
  'programTask.manage': { en: 'create and change program tasks', roles: office },
  'programTask.report': {
    en: 'report progress on a task (a unit: the one carrying it out)',
    roles: { ...office, unit: ['ownUnit'] },
  },
  'round.manage': { en: 'open and change reporting rounds', roles: office },
  'round.summary': {
    en: 'read a round’s summary across all units (timeliness, approval counts)',
    roles: { ...office, viewer: all, inspector: all },
  },
  'unitReport.read': {
    en: 'read a unit report',
    roles: { ...office, viewer: all, inspector: all, unit: ['ownUnit'] },
  },
  'unitReport.submit': {
    en: 'enter values and submit a unit report',
    roles: { ...office, unit: ['ownUnit'] },
  },
  'unitReport.attachEvidence': {
    en: 'attach evidence to a reported value (the reporting unit’s own proof)',
    roles: { unit: ['ownUnit'] },
  },
  'unitReport.review': { en: 'approve or return a unit report', roles: office },
  'unitOverview.read': {
    en: 'read a unit’s overview page',
    roles: { ...office, viewer: all, inspector: all, unit: ['ownUnit'] },
  },
  // enterprise digital transformation
  'enterprise.list': { en: 'list and search the enterprise registry', roles: { ...office, viewer: all } },
  'enterprise.read': {
    en: 'read an enterprise',
    roles: { ...office, viewer: all, enterprise: ['ownEnterprise'] },
  },
  'enterprise.create': { en: 'register an enterprise', roles: office },
  'enterprise.edit': {
    en: 'change an enterprise’s details',
    roles: { ...office, enterprise: ['ownEnterprise'] },
  },
  'enterprise.resolveCommune': { en: 'resolve a split commune for an enterprise', roles: office },
  // sector, employees, revenue and capital set an enterprise's peer cell: an enterprise moving itself could sweep cells
  'enterprise.editClassification': {
    en: 'change an enterprise’s sector, employees, revenue and capital',
    roles: office,
  },
  'enterprise.manageAccounts': { en: 'link and unlink enterprise accounts', roles: office },
  'reference.read': { en: 'read VSIC codes', roles: { ...officials, enterprise: all } },
  'dxFramework.read': { en: 'read published DX frameworks', roles: { ...officials, enterprise: all } },
  'dxFramework.readDrafts': { en: 'read draft DX framework versions', roles: office },
  'dxFramework.manage': { en: 'import and publish DX frameworks', roles: { admin: all } },
  'dxAssessment.read': {
    en: 'read (and list) DX assessments and their reports',
    roles: { ...office, viewer: all, enterprise: ['ownEnterprise'] },
  },
  'dxAssessment.answer': {
    en: 'start, answer, submit and re-score a DX assessment',
    roles: { ...office, enterprise: ['ownEnterprise'] },
  },
  'dxAssessment.verify': { en: 'verify or return a submitted DX assessment', roles: office },
  'dxAssessment.overrideApplicability': {
    en: 'start a DX assessment on a framework not meant for the firm’s size or sector, with a recorded reason',
    roles: office,
  },
  'dxAnalytics.read': { en: 'read city DX analytics', roles: { ...office, viewer: all } },
  'dxImport.run': { en: 'bulk-import enterprises and assessments', roles: { admin: all } },
  // DX support programs (issue 13 §2)
  'supportProgram.read': {
    en: 'read support programs and their aggregates (enrolled firms, support given, the Decree 80 budget implied)',
    roles: { ...office, viewer: all },
  },
  'supportProgram.manage': {
    en: 'create and change support programs, enrol firms (by hand or import), record support given',
    roles: office,
  },
  'supportEnrolment.read': {
    en: 'read firms’ enrolments in support programs and the support given to them (an enterprise: its own)',
    roles: { ...office, enterprise: ['ownEnterprise'] },
  },
  'supportImpact.read': {
    en: 'read the impact-of-support comparison (enrolled firms against similar firms not enrolled)',
    roles: { ...office, viewer: all },
  },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof catalogue;
export const actions = Object.keys(catalogue) as Action[];

/** The grant of `role` for `action`, or undefined (denied). */
export function grantOf(role: Role, action: Action): Grant | undefined {
  return (catalogue[action].roles as Partial<Record<Role, Grant>>)[role];
}

/** May this caller do this action on a record with these facts? Unknown roles and missing grants deny. */
export function can(subject: Subject, action: Action, facts: Facts = {}): boolean {
  const grant = grantOf(subject.role, action);
  if (grant === undefined) return false;
  if (grant === true) return true;
  return grant.every((scope) => scopes[scope].test(subject, facts));
}

/**
 * Does the catalogue limit some grant of this role by `scope`? A role limited to its own org unit needs one on its
 * accounts; one limited to its own enterprise is an enterprise account (linked to one). Data rules read this, so
 * no code names the roles again.
 */
export const roleScopedTo = (role: Role | null | undefined, scope: Scope): boolean =>
  !!role &&
  actions.some((action) => {
    const grant = grantOf(role, action);
    return grant !== undefined && grant !== true && grant.includes(scope);
  });

/** May this role do this action on every record (not only its own unit's, team's or enterprise's)? */
export const roleMayAll = (role: Role | null | undefined, action: Action): boolean =>
  !!role && grantOf(role, action) === true;

/** May this role do this action on some record at all (for showing menu items before any record is loaded)? */
export const roleMay = (role: Role | null | undefined, action: Action): boolean =>
  !!role && grantOf(role, action) !== undefined;
