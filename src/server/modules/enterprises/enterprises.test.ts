import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../shared/enterprises/tax-code.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { enterpriseInputFor, newTaxCode } from './test-helpers.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

const BN = 1_000_000_000;
const post = (cookie: string, payload: object) => ctx.as(cookie, { method: 'POST', url: '/api/enterprises', payload });

/** An enterprise account acting for a newly registered enterprise. */
async function enterpriseAccount(o = {}) {
  const res = await post(cookies.secretariat, enterpriseInputFor(o));
  const user = await f.user('enterprise');
  await ctx.services.enterprises.linkUser(SYSTEM_ACTOR, user.id, res.json().taxCode);
  return { enterprise: res.json(), cookie: await ctx.login(user.username, user.password) };
}

describe('enterprise registry', () => {
  it('registers an enterprise and explains its size class', async () => {
    const input = enterpriseInputFor({
      sectorCode: 'C',
      industryCode: '1071',
      employees: 10,
      revenueVnd: 9 * BN,
      capitalVnd: 3 * BN,
      address: '1 Phố Thử',
    });
    const res = await post(cookies.secretariat, input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      taxCode: input.taxCode,
      sizeClass: 'micro',
      communeResolution: 'direct',
      vsicVersion: 'VSIC2018',
      industryCode: '1071',
      commune: { code: 'HN.00004', name: 'Phường Ba Đình' },
      currentCommune: { code: 'HN.00004' },
      sizeReason: {
        group: 'agri_industry_construction',
        limit: { employees: 10, revenue: 3 * BN, capital: 3 * BN },
        by: ['capital'],
      },
    });
    const got = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/enterprises/${input.taxCode}` });
    expect(got.json()).toMatchObject({ id: res.json().id, name: input.name });
    const admin = await ctx.login('admin');
    const audit = await ctx.as(admin, {
      method: 'GET',
      url: `/api/audit-events?entityType=enterprise&entityId=${res.json().id}`,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('applies the trade-and-services ceilings and large above medium', async () => {
    expect(
      (
        await post(
          cookies.secretariat,
          enterpriseInputFor({ sectorCode: 'G', employees: 50, revenueVnd: 100 * BN, capitalVnd: 999 * BN }),
        )
      ).json().sizeClass,
    ).toBe('small');
    expect(
      (
        await post(
          cookies.secretariat,
          enterpriseInputFor({ sectorCode: 'F', employees: 50, revenueVnd: 100 * BN, capitalVnd: 999 * BN }),
        )
      ).json().sizeClass,
    ).toBe('medium');
    expect(
      (
        await post(
          cookies.secretariat,
          enterpriseInputFor({ sectorCode: 'J', employees: 101, revenueVnd: 1, capitalVnd: 1 }),
        )
      ).json(),
    ).toMatchObject({ sizeClass: 'large', sizeReason: { limit: null, by: [] } });
  });

  it('accepts a branch code and refuses a wrong check digit, naming taxCode', async () => {
    const base = newTaxCode();
    expect((await post(cookies.secretariat, enterpriseInputFor({ taxCode: `${base}-001` }))).statusCode).toBe(201);
    const wrong = base.slice(0, 9) + String((Number(base[9]) + 1) % 10);
    const res = await post(cookies.secretariat, enterpriseInputFor({ taxCode: wrong }));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.taxCode']);
    expect(withCheckDigit('000000000')).toBeNull();
    expect(fields(await post(cookies.secretariat, enterpriseInputFor({ taxCode: '0000000000' })))).toEqual([
      'body.taxCode',
    ]);
    expect(fields(await post(cookies.secretariat, enterpriseInputFor({ taxCode: '01001001' })))).toEqual([
      'body.taxCode',
    ]);
  });

  it('refuses bad input naming the field, and a duplicate tax code with 409', async () => {
    const cases: [object, string][] = [
      [{ sectorCode: 'Z' }, 'body.sectorCode'],
      [{ employees: -1 }, 'body.employees'],
      [{ revenueVnd: 1.5 }, 'body.revenueVnd'],
      [{ name: '' }, 'body.name'],
      [{ communeCode: 'Ba Đình' }, 'body.communeCode'],
      [{ communeCode: 'HN.99999' }, 'body.communeCode'],
      [{ industryCode: '62' }, 'body.industryCode'],
      [{ extra: 1 }, 'body.extra'],
    ];
    for (const [o, field] of cases) {
      const res = await post(cookies.secretariat, { ...enterpriseInputFor(), ...o });
      expect(res.statusCode, JSON.stringify(o)).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    const input = enterpriseInputFor();
    await post(cookies.secretariat, input);
    const dup = await post(cookies.secretariat, { ...input, name: 'Khác' });
    expect(dup.statusCode).toBe(409);
  });

  it('maps a pre-2025 commune through the crosswalk, and flags a split one for an officer', async () => {
    // Phường Trúc Bạch (Ba Đình) passed whole to Phường Ba Đình
    const whole = await post(cookies.secretariat, enterpriseInputFor({ communeCode: 'HN.D001.00004' }));
    expect(whole.json()).toMatchObject({
      communeResolution: 'crosswalk',
      commune: { name: 'Phường Trúc Bạch' },
      currentCommune: { code: 'HN.00004' },
    });
    // Phường Ngọc Hà (old) was split between Phường Ba Đình and Phường Ngọc Hà
    const split = await post(cookies.secretariat, enterpriseInputFor({ communeCode: 'HN.D001.00016' }));
    expect(split.json()).toMatchObject({ communeResolution: 'needs_review', currentCommune: null });
    expect(split.json().successorCommunes.map((s: { code: string }) => s.code)).toEqual(['HN.00004', 'HN.00008']);
    const review = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: '/api/enterprises?communeResolution=needs_review&limit=500',
    });
    expect(review.json().items.map((e: { taxCode: string }) => e.taxCode)).toContain(split.json().taxCode);

    const url = `/api/enterprises/${split.json().taxCode}/resolve-commune`;
    const bad = await ctx.as(cookies.secretariat, { method: 'POST', url, payload: { communeCode: 'HN.00091' } });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.communeCode']);
    const ok = await ctx.as(cookies.secretariat, { method: 'POST', url, payload: { communeCode: 'HN.00008' } });
    expect(ok.json()).toMatchObject({
      communeResolution: 'resolved',
      currentCommune: { code: 'HN.00008' },
      commune: { name: 'Phường Ngọc Hà' },
    });
  });

  it('searches without diacritics and filters by sector and size', async () => {
    const input = enterpriseInputFor({ name: 'Công ty Cổ phần Đường Sắt Thử Nghiệm', sectorCode: 'H' });
    await post(cookies.secretariat, input);
    const res = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: '/api/enterprises?q=duong%20sat%20thu&sectorCode=H&sizeClass=small',
    });
    expect(res.json().items.map((e: { taxCode: string }) => e.taxCode)).toEqual([input.taxCode]);
    const viewer = await ctx.login('viewer');
    expect((await ctx.as(viewer, { method: 'GET', url: '/api/enterprises?q=duong%20sat%20thu' })).json().total).toBe(1);
  });

  it('recomputes the size class on PATCH and lets an enterprise edit only itself', async () => {
    const { enterprise, cookie } = await enterpriseAccount();
    const other = (await post(cookies.secretariat, enterpriseInputFor())).json();
    const me = await ctx.as(cookie, { method: 'GET', url: '/api/enterprises/me' });
    expect(me.json().taxCode).toBe(enterprise.taxCode);
    // employees set the size class, hence the peer cell: the secretariat's to change (issue 9; peers.test.ts)
    const patched = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/enterprises/${enterprise.taxCode}`,
      payload: { employees: 80, version: me.json().version },
    });
    expect(patched.json()).toMatchObject({ employees: 80, sizeClass: 'medium' });
    const mine = await ctx.as(cookie, {
      method: 'PATCH',
      url: `/api/enterprises/${enterprise.taxCode}`,
      payload: { name: `${enterprise.name} (mới)`, version: patched.json().version },
    });
    expect(mine.statusCode).toBe(200);
    expect((await ctx.as(cookie, { method: 'GET', url: `/api/enterprises/${other.taxCode}` })).statusCode).toBe(403);
    expect(
      (
        await ctx.as(cookie, {
          method: 'PATCH',
          url: `/api/enterprises/${other.taxCode}`,
          payload: { employees: 1, version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/enterprises' })).statusCode).toBe(403);
    expect((await post(cookie, enterpriseInputFor())).statusCode).toBe(403);
    expect(
      (
        await ctx.as(cookie, {
          method: 'PATCH',
          url: `/api/enterprises/${enterprise.taxCode}`,
          payload: { taxCode: other.taxCode },
        })
      ).statusCode,
    ).toBe(400);
    const inspector = await ctx.login('team1');
    expect((await ctx.as(inspector, { method: 'GET', url: `/api/enterprises/${other.taxCode}` })).statusCode).toBe(403);
  });

  it('links an enterprise account (secretariat only), which then sees its enterprise', async () => {
    const e = (await post(cookies.secretariat, enterpriseInputFor())).json();
    const user = await f.user('enterprise');
    const url = `/api/enterprises/${e.taxCode}/accounts/${user.id}`;
    const viewer = await ctx.login('viewer');
    expect((await ctx.as(viewer, { method: 'PUT', url })).statusCode).toBe(403);
    expect((await ctx.as(cookies.secretariat, { method: 'PUT', url })).statusCode).toBe(200);
    const cookie = await ctx.login(user.username, user.password);
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/enterprises/me' })).json().taxCode).toBe(e.taxCode);
    const inspector = await f.user('inspector');
    const bad = await ctx.as(cookies.secretariat, {
      method: 'PUT',
      url: `/api/enterprises/${e.taxCode}/accounts/${inspector.id}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['params.userId']);

    // unlinking: viewer 403; then the account sees no enterprise; a second unlink is 404
    expect((await ctx.as(viewer, { method: 'DELETE', url })).statusCode).toBe(403);
    expect((await ctx.as(cookies.secretariat, { method: 'DELETE', url })).statusCode).toBe(200);
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/enterprises/me' })).statusCode).toBe(404);
    expect((await ctx.as(cookie, { method: 'GET', url: `/api/enterprises/${e.taxCode}` })).statusCode).toBe(403);
    expect((await ctx.as(cookies.secretariat, { method: 'DELETE', url })).statusCode).toBe(404);
    expect(
      (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/enterprises/${e.taxCode}/accounts` })).json(),
    ).toEqual([]);
  });

  it('lists enterprise accounts to link and the accounts linked to an enterprise (secretariat only)', async () => {
    const e = (await post(cookies.secretariat, enterpriseInputFor())).json();
    const [linked, free] = [await f.user('enterprise'), await f.user('enterprise')];
    const inspector = await f.user('inspector');
    await ctx.as(cookies.secretariat, { method: 'PUT', url: `/api/enterprises/${e.taxCode}/accounts/${linked.id}` });
    const mine = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/enterprises/${e.taxCode}/accounts` });
    expect(mine.json()).toEqual([
      {
        id: linked.id,
        username: linked.username,
        displayName: linked.username,
        active: true,
        enterprise: { taxCode: e.taxCode, name: e.name },
      },
    ]);
    const search = async (q: string) =>
      (
        await ctx.as(cookies.secretariat, {
          method: 'GET',
          url: `/api/enterprises/accounts?q=${encodeURIComponent(q)}`,
        })
      ).json();
    expect(await search(free.username)).toEqual([expect.objectContaining({ id: free.id, enterprise: null })]);
    expect(await search(linked.username.toUpperCase())).toEqual([
      expect.objectContaining({ id: linked.id, enterprise: { taxCode: e.taxCode, name: e.name } }),
    ]);
    expect(await search(inspector.username)).toEqual([]);
    const viewer = await ctx.login('viewer');
    expect((await ctx.as(viewer, { method: 'GET', url: `/api/enterprises/${e.taxCode}/accounts` })).statusCode).toBe(
      403,
    );
    expect((await ctx.as(viewer, { method: 'GET', url: '/api/enterprises/accounts' })).statusCode).toBe(403);
    const { cookie } = await enterpriseAccount();
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/enterprises/accounts' })).statusCode).toBe(403);
    expect(
      (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/enterprises/${newTaxCode()}/accounts` }))
        .statusCode,
    ).toBe(404);
  });

  it('an enterprise account reaches only the enterprise-facing API', async () => {
    const { cookie } = await enterpriseAccount();
    for (const url of [
      '/api/follow-ups',
      '/api/inspections',
      '/api/inspection-plans',
      '/api/org-units',
      '/api/people',
      '/api/programs',
      '/api/dashboard',
      '/api/users',
      '/api/audit-events',
    ]) {
      expect((await ctx.as(cookie, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    for (const url of [
      '/api/auth/me',
      '/api/enterprises/me',
      '/api/dx/frameworks',
      '/api/dx/assessments',
      '/api/vsic-codes?level=1',
      '/api/health',
    ]) {
      expect((await ctx.as(cookie, { method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('loads VSIC 2018 sections and divisions', async () => {
    const res = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/vsic-codes?level=1' });
    expect(res.json().map((v: { code: string }) => v.code)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    const div = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/vsic-codes?level=2' });
    expect(div.json()).toHaveLength(88);
  });
});
