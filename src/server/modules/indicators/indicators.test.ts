import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { monitoringScene, reportWriter } from '../reporting-rounds/test-helpers.js';

const { ctx, f, cookies } = useTestContext({
  clock: fixedClock('2025-03-10T03:00:00Z'),
  login: ['secretariat', 'viewer'],
});
const as = reportWriter(ctx, () => cookies.secretariat);

const base = (programId: string, o: object = {}) => ({
  programId,
  code: 'A',
  nameVi: 'Chỉ tiêu A',
  measureUnit: 'count',
  periodType: 'year',
  periodAggregation: 'sum',
  unitAggregation: 'sum',
  direction: 'higher',
  ...o,
});

describe('indicators', () => {
  it('creates an indicator with units and targets; refuses viewers, unknown formula codes, duplicate codes and bad fields', async () => {
    const program = await f.program();
    const unit = await f.orgUnit();
    const post = (cookie: string, payload: object) => as(cookie, { method: 'POST', url: '/api/indicators', payload });
    expect((await post(cookies.viewer, base(program.id))).statusCode).toBe(403);
    const ok = await post(
      cookies.secretariat,
      base(program.id, {
        responsibleOrgUnitIds: [unit.id],
        targets: [
          { year: 2024, value: 10 },
          { year: 2024, orgUnitId: unit.id, value: 4 },
        ],
        greenPct: 95,
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ code: 'A', responsibleUnits: [{ id: unit.id, name: unit.name }], greenPct: 95 });
    expect(ok.json().targets).toHaveLength(2);

    const dup = await post(cookies.secretariat, base(program.id));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.field).toBe('body.code');
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B', formula: 'A / NOPE' })))).toEqual([
      'body.formula',
    ]);
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B', formula: 'A / (' })))).toEqual([
      'body.formula',
    ]);
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B', formula: 'B + 1' })))).toEqual([
      'body.formula',
    ]);
    expect(
      fields(await post(cookies.secretariat, base(program.id, { code: 'B', greenPct: 50, amberPct: 80 }))),
    ).toEqual(['body.amberPct']);
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B', hidden: true })))).toEqual([
      'body.hidden',
    ]);
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B', nameVi: 'x'.repeat(301) })))).toEqual([
      'body.nameVi',
    ]);
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B', measureUnit: 'kg' })))).toEqual([
      'body.measureUnit',
    ]);
    expect(fields(await post(cookies.secretariat, base(program.id, { code: 'B c' })))).toEqual(['body.code']);
    expect(
      fields(
        await post(
          cookies.secretariat,
          base(program.id, { code: 'B', targets: [{ year: 2024, value: Number.MAX_VALUE }] }),
        ),
      ),
    ).toEqual(['body.targets.0.value']);
    const list = (await as(cookies.viewer, { method: 'GET', url: `/api/indicators?programId=${program.id}` })).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(['A']);
  });

  it("rolls unit values up to the city and applies program thresholds; a unit filter gives the unit's target", async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    expect(
      (
        await as(cookies.secretariat, {
          method: 'PUT',
          url: `/api/programs/${s.program.id}/monitoring-thresholds`,
          payload: { greenPct: 35, amberPct: 20 },
        })
      ).statusCode,
    ).toBe(200);
    await as(s.center_, {
      method: 'PUT',
      url: s.reportUrl(),
      payload: {
        values: [
          { indicatorId: s.courses.id, value: 8 },
          { indicatorId: s.trained.id, value: 0 },
        ],
      },
    });
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });
    const dash = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    const by = Object.fromEntries(dash.indicators.map((i: { code: string; current: unknown }) => [i.code, i.current]));
    expect(dash.thresholds).toEqual({ green: 35, amber: 20 });
    expect(by.COURSES).toMatchObject({ actual: 8, attainmentPct: 40, light: 'green' });
    // 0 enterprises over 8 courses is 0; the other way round would be a division by zero
    expect(by.PER_COURSE).toMatchObject({ actual: 0, reason: null });
    expect(dash.indicators[0].trend.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const unitView = (
      await as(s.center_, { method: 'GET', url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024` })
    ).json();
    // the center is the only unit responsible for COURSES: it carries the city's target
    expect(unitView.indicators.find((i: { code: string }) => i.code === 'COURSES').current.target).toBe(20);
    const other = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024&orgUnitId=${s.other.id}`,
      })
    ).json();
    expect(other.indicators.find((i: { code: string }) => i.code === 'COURSES').current).toMatchObject({
      target: null,
      actual: null,
    });
    expect(
      (
        await as(s.center_, {
          method: 'GET',
          url: `/api/monitoring/dashboard?programId=${s.program.id}&orgUnitId=${s.other.id}`,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("carries each indicator's baseline to the dashboard, null when none was set, and follows a change", async () => {
    const program = await f.program();
    const post = async (o: object) =>
      (await as(cookies.secretariat, { method: 'POST', url: '/api/indicators', payload: base(program.id, o) })).json();
    const withBaseline = await post({
      code: 'WITH',
      baselineYear: 2020,
      baselineValue: 12.5,
      targets: [{ year: 2024, value: 20 }],
    });
    await post({ code: 'WITHOUT', targets: [{ year: 2024, value: 5 }] });
    const dashboard = async () => {
      const res = await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${program.id}&year=2024`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries(res.json().indicators.map((i: { code: string }) => [i.code, i]));
    };
    const by = await dashboard();
    expect(by.WITH).toMatchObject({ baselineYear: 2020, baselineValue: 12.5 });
    expect(by.WITHOUT).toMatchObject({ baselineYear: null, baselineValue: null });
    const patched = await as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/indicators/${withBaseline.id}`,
      payload: { baselineYear: 2021, baselineValue: 0, version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await dashboard()).WITH).toMatchObject({ baselineYear: 2021, baselineValue: 0 });
  });

  it('reports a division by zero in a derived indicator as no value with its reason', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    await as(s.center_, {
      method: 'PUT',
      url: s.reportUrl(),
      payload: {
        values: [
          { indicatorId: s.courses.id, value: 0 },
          { indicatorId: s.trained.id, value: 12 },
        ],
      },
    });
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });
    const dash = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    expect(dash.indicators.find((i: { code: string }) => i.code === 'PER_COURSE').current).toMatchObject({
      actual: null,
      reason: 'division_by_zero',
      light: 'none',
    });
  });
});

describe('access', () => {
  it('keeps enterprise accounts out of program monitoring', async () => {
    const ent = await f.user('enterprise');
    const cookie = await ctx.login(ent.username, ent.password);
    for (const url of [
      '/api/monitoring/dashboard',
      '/api/indicators',
      '/api/program-tasks',
      '/api/reporting-rounds',
      '/api/reporting-reminders',
    ]) {
      expect((await as(cookie, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    expect((await as(cookies.viewer, { method: 'GET', url: '/api/indicators' })).statusCode).toBe(200);
  });
});
