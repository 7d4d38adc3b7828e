import type { Role } from '../../../shared/fields';

/**
 * What each role may do, for hiding buttons and menu items. The server enforces the real rules;
 * keep these in step with the server's `*.policy.ts`. Add a line per action.
 */
export const permissions = {
  'auditEvents.read': ['admin'],
  'users.manage': ['admin'],
  'orgUnits.write': ['admin', 'secretariat'],
  'people.write': ['admin', 'secretariat'],
  'programs.write': ['admin', 'secretariat'],
  'inspectionPlans.write': ['admin', 'secretariat'],
  // accept or return follow-up reports; also report on behalf of any addressee unit
  'followUps.accept': ['admin', 'secretariat'],
  // indicators, tasks, rounds; approve or return unit reports
  'monitoring.manage': ['admin', 'secretariat'],
  // which account acts for which enterprise
  'enterprises.accounts': ['admin', 'secretariat'],
  // answer, submit and re-score an assessment (an enterprise account: only its own, the only ones it can open)
  'dxAssessments.answer': ['admin', 'secretariat', 'enterprise'],
} satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleCan(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (permissions[permission] as readonly Role[]).includes(role);
}
