import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { useTestContext } from '../../test/test-app.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Listed {
  entityType: string;
  entityId: string;
  subject: { name: string; nameEn?: string | null; path: string | null } | null;
}

describe('audit log: each record by its name, with a link to its page', () => {
  const { ctx, cookies } = useTestContext({ login: ['admin'] });
  const list = async (query: Record<string, string>) => {
    const res = await ctx.as(cookies.admin, {
      method: 'GET',
      url: '/api/audit-events',
      query: { limit: '200', ...query },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: Listed[] }>().items;
  };

  it('names the records of the demo data by what people call them, never by an id', async () => {
    const items = await list({});
    expect(items.length).toBeGreaterThan(0);
    const unnamed = items.filter((e) => !e.subject && !['session', 'database'].includes(e.entityType));
    expect(unnamed.map((e) => `${e.entityType} ${e.entityId}`)).toEqual([]);
    for (const e of items) if (e.subject) expect(e.subject.name, e.entityType).not.toMatch(UUID);
    // the demo data's log covers the kinds people look up most, so this test sees them named
    const types = new Set(items.map((e) => e.entityType));
    for (const t of ['orgUnit', 'program', 'inspection', 'finding', 'conclusion', 'unitReport', 'dxAssessment'])
      expect(types, t).toContain(t);
  });

  it('names a unit and links its overview; a program by code and title', async () => {
    const [unit] = await ctx.services.orgUnits.list({ limit: 1, offset: 0 }).then((r) => r.items);
    await ctx.services.audit.record(ctx.handle.db, SYSTEM_ACTOR, {
      action: 'update',
      entityType: 'orgUnit',
      entityId: unit.id,
    });
    const [e] = await list({ entityType: 'orgUnit', entityId: unit.id });
    expect(e.subject).toEqual({ name: unit.name, path: `/org-units/${unit.id}/overview` });
  });

  it('names every kind a module describes, and links to the page that shows it', async () => {
    const byType = new Map<string, Listed>();
    for (const e of await list({ limit: '200' })) if (!byType.has(e.entityType)) byType.set(e.entityType, e);
    for (const [type, e] of byType) {
      if (!e.subject?.path) continue;
      expect(e.subject.path, type).toMatch(/^\/[a-z-]+(\/|\?|$)/);
    }
  });

  it('an event whose record is gone or whose id is malformed shows the name it recorded, and never fails', async () => {
    await ctx.services.audit.record(ctx.handle.db, SYSTEM_ACTOR, {
      action: 'delete',
      entityType: 'orgUnit',
      entityId: 'not-a-uuid',
      before: { name: 'Phòng đã giải thể' },
    });
    await ctx.services.audit.record(ctx.handle.db, SYSTEM_ACTOR, {
      action: 'delete',
      entityType: 'finding',
      entityId: '00000000-0000-4000-8000-000000000000',
    });
    const [gone] = await list({ entityType: 'orgUnit', entityId: 'not-a-uuid' });
    expect(gone.subject).toEqual({ name: 'Phòng đã giải thể', path: null });
    const [unknown] = await list({ entityType: 'finding', entityId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.subject).toBeNull();
  });
});
