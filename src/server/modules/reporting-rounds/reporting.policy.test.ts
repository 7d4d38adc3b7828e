import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/context.js';
import type { Role } from '../../../shared/fields.js';
import { programTasksPolicy } from '../program-tasks/program-tasks.policy.js';
import { reportingPolicy } from './reporting.policy.js';

const actor = (role: Role, orgUnitId: string | null = null): Actor => ({
  id: 'u',
  username: role,
  displayName: role,
  role,
  orgUnitId,
  orgUnitName: null,
  personId: null,
});

describe('reporting policy', () => {
  it('lets a unit read and edit only its own report; the secretariat edits and reviews any; viewers and inspectors only read', () => {
    expect(reportingPolicy.canEdit(actor('unit', 'A'), 'A')).toBe(true);
    expect(reportingPolicy.canEdit(actor('unit', 'A'), 'B')).toBe(false);
    expect(reportingPolicy.canRead(actor('unit', 'A'), 'B')).toBe(false);
    expect(reportingPolicy.canEdit(actor('unit', null), 'A')).toBe(false);
    for (const role of ['viewer', 'inspector'] as const) {
      expect(reportingPolicy.canRead(actor(role), 'A')).toBe(true);
      expect(reportingPolicy.canEdit(actor(role), 'A')).toBe(false);
      expect(reportingPolicy.canReview(actor(role))).toBe(false);
    }
    expect(reportingPolicy.canReview(actor('secretariat'))).toBe(true);
    expect(reportingPolicy.canReview(actor('unit', 'A'))).toBe(false);
    expect(() => reportingPolicy.assertCanEdit(actor('unit', 'A'), 'B')).toThrow(/submit a unit report/);
  });
});

describe('task policy', () => {
  const delegated = { leadOrgUnitId: 'DEPT', delegatedOrgUnitId: 'CENTER', coordinatingOrgUnitIds: ['ICT'] };
  it('has the delegate report, while the lead and coordinators only see the task', () => {
    expect(programTasksPolicy.canReport(actor('unit', 'CENTER'), delegated)).toBe(true);
    expect(programTasksPolicy.canReport(actor('unit', 'DEPT'), delegated)).toBe(false);
    expect(programTasksPolicy.canRead(actor('unit', 'DEPT'), delegated)).toBe(true);
    expect(programTasksPolicy.canRead(actor('unit', 'ICT'), delegated)).toBe(true);
    expect(programTasksPolicy.canRead(actor('unit', 'OTHER'), delegated)).toBe(false);
    expect(programTasksPolicy.canReport(actor('unit', 'DEPT'), { ...delegated, delegatedOrgUnitId: null })).toBe(true);
    expect(programTasksPolicy.canReport(actor('viewer'), delegated)).toBe(false);
    expect(programTasksPolicy.canReport(actor('secretariat'), delegated)).toBe(true);
  });
});
