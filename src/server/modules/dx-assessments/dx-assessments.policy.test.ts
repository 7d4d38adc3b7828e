import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/fields.js';
import type { Actor } from '../../http/context.js';
import { enterprisesPolicy } from '../enterprises/enterprises.policy.js';
import { dxAssessmentsPolicy } from './dx-assessments.policy.js';

const actor = (role: Role): Actor => ({
  id: 'u',
  username: role,
  displayName: role,
  role,
  orgUnitId: null,
  orgUnitName: null,
  personId: null,
});
const others = ['inspector', 'unit'] as const;

describe('assessment and enterprise policies', () => {
  it('an enterprise account reads and answers only its own enterprise', () => {
    const e = actor('enterprise');
    expect(dxAssessmentsPolicy.canRead(e, 'mine', 'mine')).toBe(true);
    expect(dxAssessmentsPolicy.canRead(e, 'other', 'mine')).toBe(false);
    expect(dxAssessmentsPolicy.canAnswer(e, 'other', 'mine')).toBe(false);
    // an unlinked account owns nothing, not even an enterprise whose id is missing
    expect(dxAssessmentsPolicy.canRead(e, 'mine', null)).toBe(false);
    expect(() => dxAssessmentsPolicy.scopeEnterpriseId(e, null)).toThrow();
    expect(dxAssessmentsPolicy.scopeEnterpriseId(e, 'mine')).toBe('mine');
    expect(enterprisesPolicy.canEdit(e, 'other', 'mine')).toBe(false);
    expect(enterprisesPolicy.canList(e)).toBe(false);
  });
  it('the secretariat reads, answers and reviews all; viewers only read; other roles nothing', () => {
    for (const role of ['admin', 'secretariat'] as const) {
      expect(dxAssessmentsPolicy.canAnswer(actor(role), 'x', null)).toBe(true);
      expect(dxAssessmentsPolicy.canReview(actor(role))).toBe(true);
    }
    expect(dxAssessmentsPolicy.canRead(actor('viewer'), 'x', null)).toBe(true);
    expect(dxAssessmentsPolicy.canAnswer(actor('viewer'), 'x', null)).toBe(false);
    expect(dxAssessmentsPolicy.canReview(actor('viewer'))).toBe(false);
    expect(dxAssessmentsPolicy.canReview(actor('enterprise'))).toBe(false);
    for (const role of others) {
      expect(dxAssessmentsPolicy.canRead(actor(role), 'x', null)).toBe(false);
      expect(() => dxAssessmentsPolicy.scopeEnterpriseId(actor(role), null)).toThrow();
      expect(enterprisesPolicy.canRead(actor(role), 'x', null)).toBe(false);
    }
    expect(() => enterprisesPolicy.assertCanResolveCommune(actor('enterprise'))).toThrow();
  });
});
