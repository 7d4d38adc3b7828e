// The factories make unique, valid data every call: two calls never collide, so tests never depend on each other.
import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/fields.js';
import { checkTaxCode } from '../../shared/enterprises/tax-code.js';
import { newTaxCode } from './factories.js';
import { useTestContext } from './test-app.js';

const { f } = useTestContext();

const twice = async <T>(make: () => Promise<T>) => [await make(), await make()] as const;

describe('factories', () => {
  it('make distinct directory records, one account of every role', async () => {
    const [u1, u2] = await twice(() => f.orgUnit());
    expect(u1.code).not.toBe(u2.code);
    const [p1, p2] = await twice(() => f.person());
    expect(p1.fullName).not.toBe(p2.fullName);
    const accounts = await f.usersPerRole();
    expect(Object.keys(accounts).sort()).toEqual([...roles].sort());
    expect(new Set(Object.values(accounts).map((a) => a.username)).size).toBe(roles.length);
    expect(Object.entries(accounts).every(([role, a]) => a.role === role)).toBe(true);
  });

  it('make distinct programs, plans, indicators, tasks and rounds with their unit reports', async () => {
    const [a, b] = await twice(() => f.program());
    expect(a.code).not.toBe(b.code);
    const [mp1, mp2] = await twice(() => f.monitoringPlan({ programId: a.id }));
    expect(mp1.code).not.toBe(mp2.code);
    const [i1, i2] = await twice(() => f.indicator({ programId: a.id }));
    expect(i1.code).not.toBe(i2.code);
    const [t1, t2] = await twice(() => f.task({ programId: a.id }));
    expect(t1.code).not.toBe(t2.code);
    const round = await f.round({ programId: a.id, orgUnitIds: [t1.leadUnit.id, t2.leadUnit.id] });
    expect(round.orgUnitIds).toHaveLength(2);
    const [r1, r2] = await twice(() => f.round());
    expect(r1.id).not.toBe(r2.id);
  });

  it('make enterprises with valid, distinct tax codes and assessments on the shipped framework', async () => {
    const codes = Array.from({ length: 200 }, newTaxCode);
    expect(codes.every((c) => checkTaxCode(c).valid)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const [e1, e2] = await twice(() => f.enterprise());
    expect(e1.taxCode).not.toBe(e2.taxCode);
    const version = await f.frameworkVersion();
    const a = await f.assessment({ taxCode: e1.taxCode });
    expect(a).toMatchObject({
      status: 'draft',
      enterprise: { id: e1.id },
      framework: { code: 'DBI-SME', version: version.version },
    });
    const user = await f.enterpriseUser(e1.taxCode);
    expect(user.role).toBe('enterprise');
  });
});
