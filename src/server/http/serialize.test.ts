import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRoutes, type ApiRoute } from '../../shared/contracts/api-routes.js';
import { timestamp } from '../../shared/fields.js';
import { useTestContext } from '../test/test-app.js';
import { sample } from '../test/zod-sample.js';
import { registerErrorHandler } from './errors.js';
import { fastifyPath } from './route.js';
import { planFor, responseSerializerCompiler, serializerSchema, zodOnlyResponses, type Plan } from './serialize.js';
import { planSchema } from './serialize-schema.js';

const { ctx, cookies } = useTestContext({ login: ['admin'] });
const SECRET = 'leakedPasswordHash';
const table = apiRoutes as Record<string, ApiRoute>;
const responses = Object.entries(table).flatMap(([route, e]) =>
  Object.entries(e.response ?? {}).map(([status, schema]) => ({ route, status, schema: schema as z.ZodType })),
);
/** What the zod path (fastify-type-provider-zod's serializer) wrote. */
const throughZod = (schema: z.ZodType, value: unknown) => JSON.stringify(z.encode(schema, value));

/** A bare app (no database) whose one route answers `reply` with `schema` through the serializer under test. */
async function appAnswering(schema: z.ZodType, reply: unknown, opts: { verify: boolean; planOf?: () => Plan }) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(opts));
  registerErrorHandler(app, { spaFallback: false });
  app.get('/x', { schema: { response: { 200: schema } } }, async () => reply as never);
  await app.ready();
  return app.inject({ method: 'GET', url: '/x' });
}

describe('responses written by fast-json-stringify from JSON Schema', () => {
  it('every response schema of the route table writes the JSON the zod path wrote, never a field it does not name', () => {
    const compared: string[] = [];
    const problems: string[] = [];
    for (const { route, status, schema } of responses) {
      const plan = planFor(schema);
      if (plan.kind !== 'fast') continue; // listed in the next test
      // full and sparse values, each union's branches in turn, each object with a property its schema lacks
      for (const [i, full] of [true, false, true, false].entries()) {
        const value = sample(schema, { full, pick: i, extra: SECRET });
        let wire: string;
        try {
          wire = throughZod(schema, value);
        } catch (err) {
          problems.push(`${route} ${status}: the sample does not fit its schema: ${(err as Error).message}`);
          continue;
        }
        const json = plan.write(value);
        expect(JSON.parse(json), `${route} ${status} (sample ${i})`).toEqual(JSON.parse(wire));
        expect(json, `${route} ${status}`).not.toContain(SECRET);
        compared.push(route);
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(compared).size).toBeGreaterThan(100);
  });

  it('lists the responses serialised through zod: none today (a new one must be chosen, not found in production)', () => {
    expect(zodOnlyResponses(table)).toEqual([]);
    // what sends a schema to the zod path
    const zodOnly = (s: z.ZodType) => planSchema(s).kind === 'zod';
    expect(zodOnly(z.object({ n: z.string().transform((s) => s.length) }))).toBe(true);
    expect(zodOnly(z.object({ name: z.string().trim() }))).toBe(true);
    const epoch = z.codec(z.string(), z.date(), {
      decode: (s) => new Date(Number(s)),
      encode: (d) => String(d.getTime()),
    });
    expect(zodOnly(z.object({ at: epoch }))).toBe(true);
    expect(zodOnly(z.union([z.object({ a: z.string().regex(/^x$/i) }), z.object({ b: z.string() })]))).toBe(true);
    expect(zodOnly(z.object({ at: timestamp, list: z.array(z.object({ x: z.number().nullable() })) }))).toBe(false);
  });

  it('falls back to zod for such a schema, so what is sent does not change', async () => {
    const schema = z.object({ name: z.string().trim(), size: z.string().transform((s) => s.length) });
    expect(planFor(schema).kind).toBe('zod');
    const res = await appAnswering(schema, { name: '  Hà Nội ', size: 3, [SECRET]: 'x' }, { verify: false });
    // zod's encode refuses a unidirectional transform: the 500 the zod path gave
    expect(res.statusCode).toBe(500);
    const trimmed = await appAnswering(z.object({ name: z.string().trim() }), { name: ' a ' }, { verify: false });
    expect(trimmed.json()).toEqual({ name: 'a' });
  });

  it('writes Date fields (the timestamp codec, nullable or not) as ISO strings', async () => {
    const schema = apiRoutes['GET /api/auth/sessions'].response[200];
    const at = new Date(Date.UTC(2026, 11, 3, 1, 2, 3, 45));
    const session = {
      id: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + 1),
      ip: null,
      userAgent: null,
      current: true,
    };
    for (const verify of [false, true]) {
      const res = await appAnswering(schema, { items: [session] }, { verify });
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({
        createdAt: '2026-12-03T01:02:03.045Z',
        expiresAt: '2026-12-03T01:02:03.046Z',
      });
    }
    expect(JSON.stringify(serializerSchema(schema))).toContain('"createdAt":{"type":"string","format":"date-time"}');
    const nullable = z.object({ at: timestamp.nullable() });
    expect(planFor(nullable).kind === 'fast' && planFor(nullable).kind).toBe('fast');
    const write = (planFor(nullable) as Extract<Plan, { kind: 'fast' }>).write;
    expect(write({ at })).toBe('{"at":"2026-12-03T01:02:03.045Z"}');
    expect(write({ at: null })).toBe('{"at":null}');
  });

  it('drops a property the schema does not name, with or without the zod check', async () => {
    const schema = apiRoutes['GET /api/auth/me'].response[200];
    const user = sample(schema, { full: true, pick: 0 }) as { user: Record<string, unknown> };
    const leaked = { ...user, user: { ...user.user, passwordHash: '$argon2id$v=19$m=…' }, [SECRET]: 1 };
    for (const verify of [false, true]) {
      const res = await appAnswering(schema, leaked, { verify });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('argon2id');
      expect(res.body).not.toContain(SECRET);
      expect(res.json()).toEqual(JSON.parse(throughZod(schema, user)));
    }
    // a record over an enum of keys (the dashboard's counts by status) writes those keys only
    const byStatus = z.record(z.enum(['planned', 'closed']), z.number());
    const write = (planFor(z.object({ byStatus })) as Extract<Plan, { kind: 'fast' }>).write;
    expect(JSON.parse(write({ byStatus: { planned: 1, closed: 2, [SECRET]: 3 } }))).toEqual({
      byStatus: { planned: 1, closed: 2 },
    });
  });

  it('in test mode a response that does not match its schema is a 500, as on the zod path', async () => {
    const schema = z.object({ total: z.number().int(), name: z.string() });
    const wrongType = { total: '12', name: 'a' };
    expect((await appAnswering(schema, wrongType, { verify: true })).statusCode).toBe(500);
    // outside tests the values are not checked (that is the saving): the number is written as fast-json-stringify
    // coerces it; a missing required field is still a 500 there
    expect((await appAnswering(schema, wrongType, { verify: false })).json()).toEqual({ total: 12, name: 'a' });
    const missing = await appAnswering(schema, { total: 1 }, { verify: false });
    expect(missing.statusCode).toBe(500);
    expect(missing.json().error.code).toBe('INTERNAL');
  });

  it('in test mode a disagreement between fast-json-stringify and zod is a 500', async () => {
    const schema = z.object({ ok: z.boolean() });
    const wrong = { kind: 'fast', write: () => '{"ok":false}' } as const;
    const res = await appAnswering(schema, { ok: true }, { verify: true, planOf: () => wrong });
    expect(res.statusCode).toBe(500);
    const unchecked = await appAnswering(schema, { ok: true }, { verify: false, planOf: () => wrong });
    expect(unchecked.json()).toEqual({ ok: false });
  });
});

describe('the real app (test mode: every response also checked through zod)', () => {
  it('answers every list read and the detail of its first row without a 500 (demo data, admin)', async () => {
    const gets = Object.keys(table).filter((k) => k.startsWith('GET /api/') && table[k].response);
    const statuses: Record<string, number> = {};
    for (const key of gets.filter((k) => !k.includes('{'))) {
      const url = key.slice(4);
      const res = await ctx.as(cookies.admin, { method: 'GET', url });
      statuses[key] = res.statusCode;
      const first = res.statusCode === 200 ? res.json<{ items?: { id?: unknown }[] }>().items?.[0]?.id : null;
      const detail = `GET ${url}/{id}`;
      if (typeof first === 'string' && table[detail]) {
        const d = await ctx.as(cookies.admin, { method: 'GET', url: fastifyPath(`${url}/{id}`).replace(':id', first) });
        statuses[detail] = d.statusCode;
      }
    }
    expect(Object.entries(statuses).filter(([, s]) => s >= 500)).toEqual([]);
    expect(Object.values(statuses).filter((s) => s === 200).length).toBeGreaterThan(25);
  });

  it('does not send a field a service returns by mistake, and a service returning a wrong type is a 500', async () => {
    const plans = ctx.services.inspectionPlans;
    const list = plans.list.bind(plans);
    const spy = vi.spyOn(plans, 'list').mockImplementation(async (q) => {
      const page = await list(q);
      return { ...page, items: page.items.map((p) => ({ ...p, [SECRET]: 'x' })) };
    });
    try {
      const res = await ctx.as(cookies.admin, { method: 'GET', url: '/api/inspection-plans' });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
      expect(res.body).not.toContain(SECRET);
      spy.mockImplementation(async (q) => ({ ...(await list(q)), total: 'many' as never }));
      // the service now answers differently with no write: the read cache must be told, or it serves the last answer
      ctx.handle.changes.bump();
      const bad = await ctx.as(cookies.admin, { method: 'GET', url: '/api/inspection-plans' });
      expect(bad.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
  });
});
