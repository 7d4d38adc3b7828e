import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes, type ApiRoute } from '../../shared/contracts/api-routes.js';
import type { RouteEntry } from '../app.js';
import { useTestContext } from '../test/test-app.js';
import { isUploadRoute } from './openapi-uploads.js';

/**
 * The route table in `src/shared/contracts/api-routes.ts` is what the web's typed client is built from, and what
 * `route()` (`http/route.ts`) registers each route from. This holds the server to it: every registered API route has
 * an entry, every entry is a registered route, and every route was registered from its entry: its schemas are the
 * entry's very objects, so a route declared around `route()` (`app.get(…)` with schemas of its own, even equal ones)
 * fails here.
 */
const { ctx } = useTestContext({ demo: false });

const key = (method: string, url: string) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;
const table = apiRoutes as Record<string, ApiRoute>;

/** Why a registered route is not its entry as `route()` registers it, or null when it is. */
function drift(r: RouteEntry, e: ApiRoute): string | null {
  const s = r.schema ?? {};
  for (const part of ['params', 'querystring', 'body'] as const)
    if (s[part] !== e[part]) return `${part} is not the table's`;
  const response = (s.response ?? {}) as Record<string, unknown>;
  const codes = Object.keys(e.response ?? {}).join();
  if (Object.keys(response).join() !== codes) return `responses ${Object.keys(response).join()} ≠ ${codes}`;
  for (const code of Object.keys(response))
    if (response[code] !== e.response?.[Number(code)]) return `response ${code} is not the table's`;
  if (isUploadRoute(r) !== !!e.upload) return `upload ${isUploadRoute(r)} ≠ ${!!e.upload}`;
  return null;
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

  it('is where every route’s schemas come from (each route registered by route(), from its entry)', () => {
    const drifted = registered().flatMap((r) => {
      const k = key(r.method, r.url);
      const why = table[k] && drift(r, table[k]);
      return why ? [`${k}: ${why}`] : [];
    });
    expect(drifted).toEqual([]);
  });

  it('catches a route declared around route(): its own schema, even an equal one, or a missing upload', () => {
    const health = registered().find((r) => r.url === '/api/health')!;
    const e = apiRoutes['GET /api/health'];
    expect(drift(health, e)).toBeNull();
    const own = (response: unknown) => ({ ...health, schema: { ...health.schema, response } });
    expect(drift(own({ 200: z.object({ state: z.literal('ok') }) }), e)).toMatch(/response 200/);
    expect(drift(own({ 200: e.response[200].clone() }), e)).toMatch(/response 200/);
    expect(drift(own({}), e)).toMatch(/responses/);
    const upload = registered().find((r) => key(r.method, r.url) === 'POST /api/follow-ups/{id}/evidence')!;
    const entry = apiRoutes['POST /api/follow-ups/{id}/evidence'];
    expect(drift(upload, entry)).toBeNull();
    expect(drift({ ...upload, schema: { ...upload.schema, consumes: undefined } }, entry)).toMatch(/upload/);
  });
});
