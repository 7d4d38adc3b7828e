import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes, type ApiRoute } from '../../shared/contracts/api-routes.js';
import { useTestContext } from '../test/test-app.js';

/**
 * The route table in `src/shared/contracts/api-routes.ts` is what the web's typed client is built from. This holds
 * the server to it: every registered API route has an entry, every entry is a registered route, and each route's
 * schemas say the same as its entry. Schemas are compared as JSON Schema (input side for requests, output side for
 * responses), so a route that builds an equal schema inline still matches, and a renamed field or a changed type does
 * not.
 */
const { ctx } = useTestContext({ demo: false });

const key = (method: string, url: string) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;
const json = (schema: unknown, io: 'input' | 'output') =>
  schema === undefined ? undefined : z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: 'any' });

/** What a registered route declares, in the table's shape. */
function declared(schema: Record<string, unknown> | undefined) {
  const s = schema ?? {};
  const response = s.response as Record<string, unknown> | undefined;
  return {
    params: json(s.params, 'input'),
    querystring: json(s.querystring, 'input'),
    body: json(s.body, 'input'),
    upload: [s.consumes].flat().includes('multipart/form-data') || undefined,
    response: response && Object.fromEntries(Object.entries(response).map(([k, v]) => [k, json(v, 'output')])),
  };
}
function entry(r: ApiRoute) {
  return {
    params: json(r.params, 'input'),
    querystring: json(r.querystring, 'input'),
    body: json(r.body, 'input'),
    upload: r.upload,
    response: r.response && Object.fromEntries(Object.entries(r.response).map(([k, v]) => [k, json(v, 'output')])),
  };
}

const registered = () =>
  ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json' && r.method !== 'HEAD');

describe('the API route table', () => {
  it('names only registered routes (every path the web client knows exists)', () => {
    const known = new Set(registered().map((r) => key(r.method, r.url)));
    expect(Object.keys(apiRoutes).filter((k) => !known.has(k))).toEqual([]);
  });

  it('has an entry for every registered route', () => {
    const missing = registered()
      .map((r) => key(r.method, r.url))
      .filter((k) => !(k in apiRoutes));
    expect(missing).toEqual([]);
  });

  it('says what each route declares: path parameters, query, body, upload and responses', () => {
    for (const r of registered()) {
      const k = key(r.method, r.url);
      const e = (apiRoutes as Record<string, ApiRoute>)[k];
      if (e) expect(entry(e), k).toEqual(declared(r.schema));
    }
  });

  it('fails on a drift: a field renamed in a route’s response is caught', () => {
    const e = apiRoutes['GET /api/health'];
    const renamed = { ...e, response: { 200: z.object({ state: z.literal('ok') }) } };
    const route = registered().find((r) => r.url === '/api/health')!;
    expect(entry(renamed)).not.toEqual(declared(route.schema));
  });
});
