import { describe, expect, it } from 'vitest';
import { multipart, PDF } from '../test/multipart.js';
import { useTestContext } from '../test/test-app.js';
import { SYSTEM_ACTOR } from './authorize.js';

/** Leaks found around routes that held (issue 9 §3), each proven closed here. */
const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'viewer'] });

describe('leaks around the routes', () => {
  it("keeps the team's working evidence from the inspected unit until the draft is shared", async () => {
    const s = await f.scene({ status: 'in_progress' });
    const unit = await ctx.login(s.unitUser.username, s.unitUser.password);
    const up = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `/api/inspections/${s.inspection.id}/assessments/${s.areas[0].id}/evidence`,
      ...multipart('bien-ban.pdf', PDF),
    });
    expect(up.statusCode, up.body).toBe(201);
    const download = (cookie: string) => ctx.as(cookie, { method: 'GET', url: `/api/attachments/${up.json().id}` });

    // the workspace hides it (canReadWork false), so the file itself must not be served either
    expect((await download(unit)).statusCode).toBe(403);
    expect((await download(cookies.viewer)).statusCode).toBe(200);

    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const moved = await ctx.as(head, {
      method: 'POST',
      url: `/api/inspections/${s.inspection.id}/transitions`,
      payload: { to: 'drafting' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await download(unit)).statusCode).toBe(200);
  });

  it("gives a unit no round-wide figures: the committee's round summary is denied, its round view counts its own report", async () => {
    const rounds = (await ctx.services.reportingRounds.listRounds(SYSTEM_ACTOR, { limit: 50, offset: 0 })).items;
    const round = rounds.find((r) => r.status === 'open')!;
    expect(round.counts.expected).toBeGreaterThan(1);
    const unit = await ctx.login('unit-skhdt');
    const docx = (cookie: string) =>
      ctx.as(cookie, { method: 'GET', url: `/api/reporting-rounds/${round.id}/summary.docx` });

    expect((await docx(unit)).statusCode).toBe(403);
    expect((await docx(cookies.viewer)).statusCode).toBe(200);

    const detail = (await ctx.as(unit, { method: 'GET', url: `/api/reporting-rounds/${round.id}` })).json();
    expect(detail.counts.expected).toBe(1);
    expect(detail.units).toHaveLength(1);
    const listed = (await ctx.as(unit, { method: 'GET', url: '/api/reporting-rounds?limit=50' })).json();
    for (const r of listed.items) expect(r.counts.expected).toBeLessThanOrEqual(1);
  });

  it('says in a follow-up what the caller may do with it, as the catalogue does', async () => {
    const fus = (await ctx.services.followUps.list(SYSTEM_ACTOR, { limit: 100, offset: 0 })).items;
    const fu = fus.find((x) => !x.accepted && !x.withdrawn)!;
    const read = async (cookie: string) =>
      (await ctx.as(cookie, { method: 'GET', url: `/api/follow-ups/${fu.id}` })).json().permissions;
    expect(await read(cookies.secretariat)).toEqual({ report: true, accept: true });
    expect(await read(cookies.viewer)).toEqual({ report: false, accept: false });
  });
});
