import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roles } from './fields.js';
import { can } from './permissions.js';
import { withCatalogue } from './permissions-table.js';

describe('the permission catalogue', () => {
  it('is what docs/security.md shows (run `npm run docs:security` after changing it)', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    expect(withCatalogue(doc)).toBe(doc);
  });

  it('denies by default: a role or a fact it does not know grants nothing', () => {
    expect(can({ role: 'nobody' as (typeof roles)[number], orgUnitId: null }, 'inspection.read')).toBe(false);
    for (const role of roles) expect(can({ role, orgUnitId: 'u' }, 'audit.read')).toBe(role === 'admin');
    // a scoped grant without the facts that satisfy it denies
    expect(can({ role: 'unit', orgUnitId: 'u' }, 'inspection.read', {})).toBe(false);
    expect(can({ role: 'unit', orgUnitId: null }, 'inspection.read', { orgUnitIds: [null] })).toBe(false);
    expect(can({ role: 'unit', orgUnitId: 'u' }, 'inspection.read', { orgUnitIds: ['u'] })).toBe(true);
  });

  it("lets an inspector read its own teams' inspections only, and viewers every one read-only", () => {
    const inspector = { role: 'inspector' as const, orgUnitId: null };
    expect(can(inspector, 'inspection.read', { teamRoles: [] })).toBe(false);
    expect(can(inspector, 'inspection.read', { teamRoles: ['secretary'] })).toBe(true);
    expect(can(inspector, 'plan.read')).toBe(true);
    const viewer = { role: 'viewer' as const, orgUnitId: null };
    expect(can(viewer, 'inspection.read')).toBe(true);
    expect(can(viewer, 'inspection.edit')).toBe(false);
  });
});
