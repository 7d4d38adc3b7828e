import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/context.js';
import type { Role } from '../../../shared/fields.js';
import { followUpsPolicy } from './follow-ups.policy.js';

const actor = (role: Role, orgUnitId: string | null = null): Actor => ({
  id: 'u',
  username: role,
  displayName: role,
  role,
  orgUnitId,
  orgUnitName: null,
  personId: null,
});
const parties = { addresseeOrgUnitId: 'addressee', targetOrgUnitId: 'target' };

describe('follow-ups policy', () => {
  it('lets unit accounts read follow-ups addressed to their unit or arising from an inspection of it', () => {
    expect(followUpsPolicy.canRead(actor('unit', 'addressee'), parties)).toBe(true);
    expect(followUpsPolicy.canRead(actor('unit', 'target'), parties)).toBe(true);
    expect(followUpsPolicy.canRead(actor('unit', 'other'), parties)).toBe(false);
    for (const role of ['admin', 'secretariat', 'inspector', 'viewer'] as const)
      expect(followUpsPolicy.canRead(actor(role), parties)).toBe(true);
  });

  it('lets only the addressee unit and the secretariat or admins report progress', () => {
    expect(followUpsPolicy.canReport(actor('unit', 'addressee'), parties)).toBe(true);
    expect(followUpsPolicy.canReport(actor('unit', 'target'), parties)).toBe(false);
    expect(followUpsPolicy.canReport(actor('secretariat'), parties)).toBe(true);
    expect(followUpsPolicy.canReport(actor('admin'), parties)).toBe(true);
    expect(followUpsPolicy.canReport(actor('inspector'), parties)).toBe(false);
    expect(followUpsPolicy.canReport(actor('viewer'), parties)).toBe(false);
    expect(() => followUpsPolicy.assertCanReport(actor('viewer'), parties)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('lets only the secretariat and admins accept', () => {
    expect(followUpsPolicy.canAccept(actor('secretariat'))).toBe(true);
    expect(followUpsPolicy.canAccept(actor('admin'))).toBe(true);
    for (const role of ['inspector', 'unit', 'viewer'] as const)
      expect(followUpsPolicy.canAccept(actor(role, 'addressee'))).toBe(false);
  });

  it('scopes unit accounts to their unit and refuses a unit account without one', () => {
    expect(followUpsPolicy.scopeOrgUnitId(actor('unit', 'addressee'))).toBe('addressee');
    expect(followUpsPolicy.scopeOrgUnitId(actor('viewer'))).toBeNull();
    expect(() => followUpsPolicy.scopeOrgUnitId(actor('unit'))).toThrow(expect.objectContaining({ status: 403 }));
  });
});
