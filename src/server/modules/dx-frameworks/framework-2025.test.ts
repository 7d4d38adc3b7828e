import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, dxFrameworks, dxFrameworkVersions } from '../../db/schema/index.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { sha256 } from './dx-frameworks.service.js';

const { ctx, cookies } = useTestContext({ login: ['admin', 'secretariat'] });

/** The 2025-style test framework (src/shared/dx/test-data; not the official annex), as the admin uploads it. */
const raw = () =>
  JSON.parse(
    readFileSync(new URL('../../../shared/dx/test-data/sme-2025-test.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { pillars: Record<string, unknown>[] };

describe('a 2025-style framework through the import route', () => {
  it('a broken one is refused naming the JSON paths; the good one imports, publishes and scores exactly', async () => {
    const broken = raw();
    broken.pillars[3].industries = ['mining'];
    const bad = await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: broken });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.pillars[3].industries[0]']);

    const ok = await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: raw() });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ code: 'TEST-SME-2025', version: 1, status: 'draft' });
    const pub = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/dx/frameworks/TEST-SME-2025/versions/1/publish',
    });
    expect(pub.statusCode).toBe(200);
    const [row] = await ctx.handle.db
      .select({ generation: dxFrameworkVersions.generation })
      .from(dxFrameworkVersions)
      .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId))
      .where(eq(dxFrameworks.code, 'TEST-SME-2025'));
    expect(row.generation).toBe('qd1567-2025');
    const list = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dx/frameworks' });
    const gens = Object.fromEntries(
      list
        .json<{ code: string; versions: { generation: string }[] }[]>()
        .map((f) => [f.code, f.versions[0].generation]),
    );
    expect(gens).toEqual({ 'DBI-SME': 'qd1970-2021', 'EU-DMA-SME': 'custom', 'TEST-SME-2025': 'qd1567-2025' });

    const score = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/dx/frameworks/TEST-SME-2025/score',
      payload: {
        answers: {
          IND: 'retail',
          C1: 'full',
          C2: true,
          C3: 60,
          R1: 'two',
          T: ['pos:daily:integrated', 'loyalty:basic:integrated', 'eshop:basic'],
        },
      },
    });
    expect(score.statusCode).toBe(200);
    expect(score.json()).toMatchObject({ total: 73.87, max: 100, overallLevel: 3 });
    expect(score.json().nodes.TOOLS).toEqual({ score: 9.51, max: 16.01 });
    const wrongTool = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/dx/frameworks/TEST-SME-2025/score',
      payload: { answers: { IND: 'fnb', T: ['eshop:full'] } },
    });
    expect(wrongTool.statusCode).toBe(400);
    expect(fields(wrongTool)).toEqual(['body.answers.T']);
  });
});

describe('classification of a frozen version', () => {
  it('a shipped version stored before applicability and generation gets them at start: same SHA, audited', async () => {
    const [v] = await ctx.handle.db
      .select({
        id: dxFrameworkVersions.id,
        definition: dxFrameworkVersions.definition,
        sha: dxFrameworkVersions.definitionSha256,
      })
      .from(dxFrameworkVersions)
      .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId))
      .where(eq(dxFrameworks.code, 'DBI-SME'));
    // as a database from before this change holds it
    const { appliesTo: _a, generation: _g, ...old } = v.definition as Record<string, unknown>;
    expect(sha256(old)).toBe(v.sha);
    await ctx.handle.db
      .update(dxFrameworkVersions)
      .set({ definition: old, generation: 'custom' })
      .where(eq(dxFrameworkVersions.id, v.id));
    // what the service reads is never older than the last committed write (its lookups are kept until one)
    const frameworks = ctx.services.dxFrameworks;
    expect((await frameworks.labels([v.id])).get(v.id)?.generation).toBe('custom');
    expect((await frameworks.versionById(v.id)).definition.appliesTo).toBeUndefined();

    await ctx.services.dxFrameworks.ensureBundled();
    expect((await frameworks.labels([v.id])).get(v.id)?.generation).toBe('qd1970-2021');
    expect((await frameworks.versionById(v.id)).definition.appliesTo).toEqual({
      sizeClasses: ['micro', 'small', 'medium'],
    });
    const [after] = await ctx.handle.db.select().from(dxFrameworkVersions).where(eq(dxFrameworkVersions.id, v.id));
    expect(after).toMatchObject({ definitionSha256: v.sha, generation: 'qd1970-2021', status: 'published' });
    expect((after.definition as { appliesTo: unknown }).appliesTo).toEqual({
      sizeClasses: ['micro', 'small', 'medium'],
    });
    const events = await ctx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'dxFrameworkVersion'), eq(auditEvents.entityId, v.id)));
    expect(events.at(-1)).toMatchObject({
      action: 'update',
      before: {},
      after: { appliesTo: { sizeClasses: ['micro', 'small', 'medium'] }, generation: 'qd1970-2021' },
    });
    // and again: nothing more to do
    await ctx.services.dxFrameworks.ensureBundled();
    const again = await ctx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'dxFrameworkVersion'), eq(auditEvents.entityId, v.id)));
    expect(again).toHaveLength(events.length);
  });
});
