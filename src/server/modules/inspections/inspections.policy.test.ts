import { describe, expect, it } from 'vitest';
import type { InspectionStatus, TeamRole } from '../../../shared/domain.js';
import type { Role } from '../../../shared/fields.js';
import type { Actor } from '../../http/context.js';
import { filesPolicy } from '../files/files.policy.js';
import { inspectionsPolicy as p, type InspectionFacts } from './inspections.policy.js';

const TARGET = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const actor = (role: Role, orgUnitId: string | null = null): Actor => ({
  id: 'u',
  username: 'u',
  displayName: 'U',
  role,
  orgUnitId,
  orgUnitName: null,
  personId: role === 'inspector' ? 'p' : null,
});
const facts = (status: InspectionStatus, teamRoles: TeamRole[] = []): InspectionFacts => ({
  targetOrgUnitId: TARGET,
  status,
  teamRoles,
});

const att = { inspectionStatus: 'issued' as const, teamRoles: [] };
const admin = actor('admin');
const secretariat = actor('secretariat');
const head = actor('inspector');
const outsider = actor('inspector');
const unit = actor('unit', TARGET);
const otherUnit = actor('unit', OTHER);
const viewer = actor('viewer');

describe('inspections policy', () => {
  it("lets units view only their own inspections, inspectors only their teams'; the office and viewers all", () => {
    for (const a of [admin, secretariat, viewer, unit]) expect(p.canView(a, facts('planned'))).toBe(true);
    expect(p.canView(head, facts('planned', ['member']))).toBe(true);
    expect(p.canView(outsider, facts('planned'))).toBe(false);
    expect(p.canView(otherUnit, facts('planned'))).toBe(false);
    expect(p.canView(actor('unit', null), facts('planned'))).toBe(false);
    expect(() => p.assertCanView(otherUnit, facts('planned'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets the secretariat and team members edit; not viewers, units or other teams', () => {
    expect(p.canEdit(secretariat, facts('in_progress'))).toBe(true);
    expect(p.canEdit(admin, facts('in_progress'))).toBe(true);
    expect(p.canEdit(head, facts('in_progress', ['member']))).toBe(true);
    expect(p.canEdit(outsider, facts('in_progress'))).toBe(false);
    expect(p.canEdit(viewer, facts('in_progress'))).toBe(false);
    expect(p.canEdit(unit, facts('in_progress', ['member']))).toBe(false);
  });

  it('lets only the head (or staff) issue and correct', () => {
    expect(p.canIssue(head, facts('drafting', ['head']))).toBe(true);
    expect(p.canIssue(head, facts('drafting', ['deputyHead']))).toBe(false);
    expect(p.canIssue(secretariat, facts('drafting'))).toBe(true);
    expect(p.canCorrect(head, facts('issued', ['head']))).toBe(true);
    expect(p.canCorrect(viewer, facts('issued'))).toBe(false);
  });

  it('lets the target unit respond only while drafting', () => {
    expect(p.canRespond(unit, facts('drafting'))).toBe(true);
    expect(p.canRespond(unit, facts('in_progress'))).toBe(false);
    expect(p.canRespond(otherUnit, facts('drafting'))).toBe(false);
    expect(p.canRespond(secretariat, facts('drafting'))).toBe(false);
  });

  it('decides who makes each lifecycle move', () => {
    expect(p.canTransition(head, facts('planned', ['member']), 'notified')).toBe(true);
    expect(p.canTransition(head, facts('notified', ['secretary']), 'in_progress')).toBe(true);
    expect(p.canTransition(outsider, facts('planned'), 'notified')).toBe(false);
    expect(p.canTransition(head, facts('in_progress', ['member']), 'drafting')).toBe(false);
    expect(p.canTransition(head, facts('in_progress', ['deputyHead']), 'drafting')).toBe(true);
    expect(p.canTransition(head, facts('drafting', ['head']), 'in_progress')).toBe(true);
    expect(p.canTransition(secretariat, facts('drafting'), 'issued')).toBe(false);
    expect(p.canTransition(head, facts('issued', ['head']), 'follow_up')).toBe(false);
    expect(p.canTransition(secretariat, facts('issued'), 'follow_up')).toBe(true);
    expect(p.canTransition(admin, facts('follow_up'), 'closed')).toBe(true);
    expect(p.canTransition(viewer, facts('planned'), 'notified')).toBe(false);
    expect(p.canTransition(unit, facts('planned'), 'notified')).toBe(false);
  });

  it('answers a missing move with INVALID_TRANSITION and a forbidden one with FORBIDDEN', () => {
    expect(() => p.assertCanTransition(secretariat, facts('planned'), 'issued')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => p.assertCanTransition(secretariat, facts('drafting'), 'issued')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => p.assertCanTransition(viewer, facts('planned'), 'notified')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it("hides the team's working content from the unit until the draft is shared", () => {
    expect(p.canReadWork(unit, facts('in_progress'))).toBe(false);
    expect(p.canReadWork(unit, facts('drafting'))).toBe(true);
    expect(p.canReadWork(viewer, facts('in_progress'))).toBe(true);
  });

  it('lets the unit a follow-up is addressed to download its evidence', () => {
    expect(
      filesPolicy.canViewAttachment(otherUnit, { ...att, targetOrgUnitId: TARGET, followUpAddresseeOrgUnitId: null }),
    ).toBe(false);
    expect(
      filesPolicy.canViewAttachment(otherUnit, { ...att, targetOrgUnitId: TARGET, followUpAddresseeOrgUnitId: OTHER }),
    ).toBe(true);
    expect(
      filesPolicy.canViewAttachment(unit, { ...att, targetOrgUnitId: TARGET, followUpAddresseeOrgUnitId: OTHER }),
    ).toBe(true);
    expect(
      filesPolicy.canViewAttachment(viewer, { ...att, targetOrgUnitId: TARGET, followUpAddresseeOrgUnitId: null }),
    ).toBe(true);
  });
});
