import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../shared/contracts/api-routes.js';
import { fastifyPath, route } from './route.js';

const opts = { tags: ['test'], summary: 'a test route', config: { audience: 'public' as const } };
const planId = '00000000-0000-4000-8000-000000000001';

/** A bare app with the zod compilers (no database): what `route()` registers, and what the handler sees. */
async function appWith(register: (app: ReturnType<typeof bare>) => void) {
  const app = bare();
  const seen: { method: unknown; url: string; schema: Record<string, unknown> }[] = [];
  app.addHook('onRoute', (r) => void seen.push({ method: r.method, url: r.url, schema: r.schema as never }));
  register(app);
  await app.ready();
  return { app, seen };
}
const bare = () => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
};

describe('route(): a route declared by its key in the route table', () => {
  it('takes the method, the path (`{id}` → `:id`) and the schemas from the table entry', async () => {
    const { seen } = await appWith((app) =>
      route(app, 'PATCH /api/inspection-teams/{teamId}/targets/{inspectionId}', opts, async () => {
        throw new Error('not called');
      }),
    );
    const e = apiRoutes['PATCH /api/inspection-teams/{teamId}/targets/{inspectionId}'];
    expect(seen[0].method).toBe('PATCH');
    expect(seen[0].url).toBe('/api/inspection-teams/:teamId/targets/:inspectionId');
    expect(Object.keys(seen[0].schema)).toEqual(['tags', 'summary', 'params', 'body', 'response']);
    expect(seen[0].schema).toMatchObject({ tags: ['test'], summary: 'a test route' });
    expect(seen[0].schema.params).toBe(e.params);
    expect(seen[0].schema.body).toBe(e.body);
    expect((seen[0].schema.response as Record<number, unknown>)[200]).toBe(e.response[200]);
    expect(fastifyPath('/api/a/{id}/b/{code}')).toBe('/api/a/:id/b/:code');
  });

  it('declares an upload entry as a multipart/form-data body (no body schema), with the route’s own options', async () => {
    const { seen } = await appWith((app) =>
      route(
        app,
        'POST /api/follow-ups/{id}/evidence',
        { ...opts, security: [], description: 'more', bodyLimit: 10 },
        async () => {
          throw new Error('not called');
        },
      ),
    );
    expect(seen[0].schema).toMatchObject({ consumes: ['multipart/form-data'], security: [], description: 'more' });
    expect(seen[0].schema.body).toBeUndefined();
  });

  it('validates the request and serializes the response with the table’s schemas', async () => {
    const { app } = await appWith((app) =>
      route(app, 'GET /api/health', opts, async (_req, reply) => {
        // a field the response schema does not have is not sent
        const body = { status: 'ok' as const, db: 'pglite' as const, version: '1', time: 't', secret: 'x' };
        return reply.status(200).header('etag', '"1"').send(body);
      }),
    );
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: 'pglite', version: '1', time: 't' });
    expect(res.headers.etag).toBe('"1"');

    const { app: app2 } = await appWith((app) =>
      route(app, 'GET /api/inspection-plans/{id}', opts, async (req) => {
        throw new Error(`reached with ${req.params.id}`);
      }),
    );
    expect((await app2.inject({ method: 'GET', url: '/api/inspection-plans/nope' })).statusCode).toBe(400);
    expect((await app2.inject({ method: 'GET', url: `/api/inspection-plans/${planId}` })).statusCode).toBe(500);
  });

  it('types the handler from the entry (checked by tsc: each @ts-expect-error must be an error)', () => {
    const app = bare();
    const never = () => {
      throw new Error('not called');
    };
    // registered on an app never started: this test is for the type checker
    route(app, 'PATCH /api/programs/{id}', opts, async (req) => {
      const id: string = req.params.id;
      // @ts-expect-error the entry's params have no `code`
      void req.params.code;
      const title: string | undefined = req.body.title;
      // @ts-expect-error the patch body has no `nope`
      void req.body.nope;
      void [id, title];
      return never();
    });
    route(app, 'GET /api/programs', opts, async (req) => {
      const limit: number = req.query.limit;
      // @ts-expect-error the list query has no `nope`
      void req.query.nope;
      void limit;
      return never();
    });
    // @ts-expect-error the health response needs `status`, `db`, `version` and `time`
    route(app, 'GET /api/health', opts, async () => ({ db: 'pglite' as const }));
    route(app, 'POST /api/programs', opts, async (_req, reply) =>
      // @ts-expect-error the entry answers 201, not 200
      reply.status(200).send(never()),
    );
    // @ts-expect-error not a route of the table (and at run time, a programming error)
    expect(() => route(app, 'GET /api/no-such-route', opts, never)).toThrow(/not in the route table/);
    // @ts-expect-error the summary is required (the OpenAPI document needs one)
    route(app, 'GET /api/ready', { tags: ['t'], config: { audience: 'public' } }, never);
    expect(app.hasRoute({ method: 'PATCH', url: '/api/programs/:id' })).toBe(true);
  });
});
