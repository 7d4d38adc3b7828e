import { describe, expect, it } from 'vitest';
import { useTestContext } from './test/test-app.js';
import { isUploadRoute } from './http/openapi-uploads.js';

const { ctx } = useTestContext({ demo: false });

/** Every API route Fastify registered, as `METHOD /api/path/{param}`. */
const registeredRoutes = () =>
  ctx.app.routeTable
    .filter((r) => r.url.startsWith('/api/'))
    .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);

describe('OpenAPI document', () => {
  it('covers every API route, each with a summary, its path parameters and a documented success response', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = registeredRoutes().filter((r) => r !== 'GET /api/openapi.json');
    expect(routes.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const op = doc.paths[path]?.[method.toLowerCase()];
      if (!op) {
        missing.push(route);
        continue;
      }
      expect(op.summary, route).toBeTruthy();
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1])) {
        expect(
          op.parameters?.some((p: { name: string; in: string }) => p.name === name && p.in === 'path'),
          `${route} documents {${name}}`,
        ).toBe(true);
      }
      const success = Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2'));
      expect(success.length, `${route} documents its success response`).toBeGreaterThan(0);
    }
    expect(missing, 'routes missing from the OpenAPI document').toEqual([]);
    for (const keep of [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/programs',
      '/api/inspection-plans',
      '/api/inspection-plans/{id}',
      '/api/inspections',
      '/api/inspections/{id}',
      '/api/inspections/{id}/conclusion.docx',
      '/api/follow-ups',
    ]) {
      expect(doc.paths[keep], keep).toBeDefined();
    }
  });

  it('describes every upload: a multipart/form-data body with its binary "file"', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const uploads = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && isUploadRoute(r));
    expect(uploads.length).toBeGreaterThanOrEqual(8);
    for (const r of uploads) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      const schema = op.requestBody?.content?.['multipart/form-data']?.schema;
      expect(schema?.properties?.file, `${r.method} ${r.url}`).toMatchObject({ type: 'string', format: 'binary' });
      expect(schema.required, `${r.method} ${r.url}`).toEqual(['file']);
    }
  });
});
