import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteEntry } from '../app.js';
import { rowsOf } from '../db/client.js';
import { multipart, PDF } from '../test/multipart.js';
import { useTestContext } from '../test/test-app.js';
import { findBadText } from './text-guard.js';

/**
 * Property-based: for every route with a zod body or query schema, bad input generated from that schema (wrong
 * types, missing and unknown fields, huge strings, NUL and lone surrogates, numbers out of range, nested garbage)
 * and broken multipart bodies for every upload route. As admin, so no authorisation hides the validation. Each
 * answer must be a 4xx, and no table may gain or lose a row. Bounded: a few runs per route with a fixed seed
 * (FC_SEED overrides; fast-check prints the seed and path of a failure).
 */
const { ctx, cookies } = useTestContext({ login: ['admin'] });
const seed = Number(process.env.FC_SEED ?? 20_261_202);
const BODY_RUNS = 10;
const QUERY_RUNS = 6;
const UPLOAD_RUNS = 8;

type Js = {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  anyOf?: Js[];
  oneOf?: Js[];
  allOf?: Js[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const asZod = (s: unknown) => (s && typeof s === 'object' && '_zod' in s ? (s as z.ZodType) : null);
const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Js;

/** A value the schema would likely take, as a base to break one part of. */
function plausible(s: Js | undefined): unknown {
  if (!s) return null;
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt) return plausible(alt[0]);
  switch ([s.type].flat()[0]) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, plausible(s.properties?.[k])]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => plausible(s.items));
    case 'string':
      if (s.format === 'uuid') return ANY_ID;
      if (s.format === 'date') return '2024-01-01';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** Values just outside what one field takes: one past its length or range, half an integer. */
function edges(s: Js | undefined): unknown[] {
  if (!s) return [];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return alt.flatMap(edges);
  const out: unknown[] = [];
  if (s.maxLength !== undefined) out.push('x'.repeat(s.maxLength + 1));
  if (s.minLength) out.push('');
  if (s.minimum !== undefined) out.push(s.minimum - 1);
  if (s.maximum !== undefined) out.push(s.maximum + 1);
  if ([s.type].flat().includes('integer')) out.push(1.5);
  if (s.maxItems !== undefined) out.push(Array.from({ length: s.maxItems + 1 }, () => plausible(s.items)));
  if (s.enum) out.push(`${String(s.enum[0])}-not-one`);
  return out;
}

const badStrings = ['a\u0000b', '\u0000', 'a\ud800b', '\udc00', 'a\u001bb', '\u007f', ' ', '', 'x'.repeat(100_001)];
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...badStrings),
  fc.constantFrom(1e308, -1e308, -1, 0, 0.5, 2 ** 53, -(2 ** 31) - 1, 99_999_999_999),
  fc.constantFrom(true, false, null, [], {}, [[[]]], { a: { b: { c: [1, 'x\u0000'] } } }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Bad bodies for one schema: the whole body wrong, one field bad, one missing, one unknown, several bad. */
function badBodies(js: Js): fc.Arbitrary<unknown> {
  const base = (plausible(js) ?? {}) as Record<string, unknown>;
  const props = js.properties ?? {};
  const keys = Object.keys(props);
  const arbs: fc.Arbitrary<unknown>[] = [garbage, garbage.map((v) => ({ ...base, zzUnknown: v }))];
  if (keys.length) {
    const fieldBad = (k: string) => {
      const e = edges(props[k]);
      return e.length ? fc.oneof(garbage, fc.constantFrom(...e)) : garbage;
    };
    arbs.push(
      fc.constantFrom(...keys).chain((k) => fieldBad(k).map((v) => ({ ...base, [k]: v }))),
      fc.dictionary(fc.constantFrom(...keys), garbage, { minKeys: 1 }).map((d) => ({ ...base, ...d })),
    );
    // one level down: a field of a nested object or of an array's first object
    const nested = keys.filter((k) => plausible(props[k]) !== null && typeof plausible(props[k]) === 'object');
    if (nested.length)
      arbs.push(
        fc.tuple(fc.constantFrom(...nested), garbage).map(([k, v]) => {
          const inner = plausible(props[k]);
          return { ...base, [k]: Array.isArray(inner) ? [{ zzNested: v }] : { ...(inner as object), zzNested: v } };
        }),
      );
  }
  for (const k of js.required ?? []) {
    const { [k]: _, ...rest } = base;
    arbs.push(fc.constant(rest));
  }
  return fc.oneof(...arbs);
}

const queryStrings = ['a\u0000b', '\u0000', '-1', '1e309', 'NaN', 'abc', '', '2024-13-45', 'x'.repeat(5000), '%', '[]'];
const queryValue = fc.oneof(
  fc.constantFrom(...queryStrings),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom(...queryStrings), { minLength: 2, maxLength: 3 }),
);
function badQueries(js: Js): fc.Arbitrary<Record<string, string | string[]>> {
  const keys = [...Object.keys(js.properties ?? {}), 'zzUnknown'];
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...keys), queryValue, { minKeys: 1, maxKeys: 3 }),
    fc.tuple(fc.constantFrom(...keys), fc.constantFrom('a\u0000b', '\u0000', 'a\u0001')).map(([k, v]) => ({ [k]: v })),
  );
}

function fillUrl(r: RouteEntry): string {
  const params = asZod(r.schema?.params);
  const values = (params ? plausible(jsonSchema(params)) : {}) as Record<string, unknown>;
  return r.url.replace(/:(\w+)/g, (_, k: string) =>
    encodeURIComponent(JSON.stringify(values[k] ?? 'x').replace(/^"|"$/g, '')),
  );
}

/** Row counts of every table, in one query. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = rowsOf<{ t: string }>(
    await ctx.handle.db.execute(sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`),
  ).map((r) => r.t);
  const cols = tables.map((t) => sql.raw(`(select count(*)::int from "${t}") as "${t}"`));
  return rowsOf<Record<string, number>>(await ctx.handle.db.execute(sql`select ${sql.join(cols, sql`, `)}`))[0];
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isUpload = (r: RouteEntry) => [r.schema?.consumes].flat<unknown[]>().includes('multipart/form-data');

async function expect4xx(label: string, res: { statusCode: number; body: string }) {
  if (res.statusCode < 400 || res.statusCode >= 500)
    throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

describe('bad input, generated from every route schema', () => {
  it('every write route answers bad bodies with a 4xx and writes nothing', async () => {
    const routes = ctx.app.routeTable.filter((r) => writes.has(r.method) && asZod(r.schema?.body));
    expect(routes.length).toBeGreaterThan(40);
    const before = await tableCounts();
    for (const r of routes) {
      const schema = asZod(r.schema?.body)!;
      const url = fillUrl(r);
      await fc.assert(
        fc.asyncProperty(badBodies(jsonSchema(schema)), async (body) => {
          fc.pre(!schema.safeParse(body).success || findBadText(body, []) !== null);
          const res = await ctx.as(cookies.admin, {
            method: r.method,
            url,
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          await expect4xx(`${r.method} ${url}`, res);
        }),
        { numRuns: BODY_RUNS, seed },
      );
      expect(await tableCounts(), `${r.method} ${r.url} wrote`).toEqual(before);
    }
  });

  it('every route with a query schema answers bad queries with a 4xx and writes nothing', async () => {
    const routes = ctx.app.routeTable.filter((r) => asZod(r.schema?.querystring) && !isUpload(r));
    expect(routes.length).toBeGreaterThan(10);
    const before = await tableCounts();
    for (const r of routes) {
      const schema = asZod(r.schema?.querystring)!;
      const url = fillUrl(r);
      await fc.assert(
        fc.asyncProperty(badQueries(jsonSchema(schema)), async (query) => {
          fc.pre(!schema.safeParse(query).success || findBadText(query, []) !== null);
          const res = await ctx.as(cookies.admin, { method: r.method, url, query });
          await expect4xx(`${r.method} ${url} ${JSON.stringify(query).slice(0, 200)}`, res);
        }),
        { numRuns: QUERY_RUNS, seed },
      );
      expect(await tableCounts(), `${r.method} ${r.url} wrote`).toEqual(before);
    }
  });

  it('every upload route answers garbage, boundary-less and truncated multipart bodies with a 4xx and writes nothing', async () => {
    const routes = ctx.app.routeTable.filter(isUpload);
    expect(routes).toHaveLength(9);
    const good = multipart('a.pdf', PDF);
    const goodBody = good.payload as Buffer;
    const contentType = String(good.headers!['content-type']);
    const broken = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => ({ type: contentType, body: Buffer.from(b) })),
      fc
        .integer({ min: 0, max: goodBody.length - 1 })
        .map((n) => ({ type: contentType, body: goodBody.subarray(0, n) })),
      fc
        .constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary="')
        .map((type) => ({ type, body: goodBody })),
      fc.string({ maxLength: 20 }).map((b) => ({ type: `multipart/form-data; boundary=${b}`, body: goodBody })),
    );
    const before = await tableCounts();
    for (const r of routes) {
      const url = r.url.includes('/api/dx/imports') ? `${r.url}?kind=enterprises` : fillUrl(r);
      await fc.assert(
        fc.asyncProperty(broken, async ({ type, body }) => {
          const res = await ctx.as(cookies.admin, {
            method: 'POST',
            url,
            headers: { 'content-type': type },
            payload: body,
          });
          await expect4xx(`POST ${url} ${type}`, res);
        }),
        { numRuns: UPLOAD_RUNS, seed },
      );
      expect(await tableCounts(), `${r.url} wrote`).toEqual(before);
    }
  });
});
