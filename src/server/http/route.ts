import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiRoutes, type ApiRoute, type ApiRoutes } from '../../shared/contracts/api-routes.js';

/** A route of the table: `'GET /api/inspection-plans/{id}'`. */
export type RouteKey = keyof ApiRoutes;

/** The Fastify schema of a table entry: its zod schemas themselves, so the type provider types the handler. */
type EntrySchema<K extends RouteKey> = Pick<
  ApiRoutes[K],
  Extract<keyof ApiRoutes[K], 'params' | 'querystring' | 'body' | 'response'>
> &
  FastifySchema;

/** What only the OpenAPI document says about a route (the table says the rest). */
export interface RouteDoc {
  tags: readonly string[];
  summary: string;
  description?: string;
  /** `[]` for a route anyone may call (no session cookie) */
  security?: readonly Record<string, readonly string[]>[];
}

/** The rest are Fastify's own route options: `config` (audience, idempotent), `bodyLimit`, hooks… */
export type RouteOpts<K extends RouteKey> = RouteDoc &
  Omit<
    RouteShorthandOptions<
      RawServerDefault,
      RawRequestDefaultExpression,
      RawReplyDefaultExpression,
      RouteGenericInterface,
      ContextConfigDefault,
      EntrySchema<K>,
      ZodTypeProvider
    >,
    'schema'
  >;

/** The handler, typed from the entry: `req.params`, `req.query`, `req.body`, and the reply and return by status. */
export type RouteHandler<K extends RouteKey> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  EntrySchema<K>,
  ZodTypeProvider
>;

/** `{id}` (the table's and OpenAPI's spelling) → `:id` (Fastify's). */
export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Registers the route `key` of `src/shared/contracts/api-routes.ts` (the one description of the API): its method,
 * path and schemas (params, querystring, body, responses; `upload` → a `multipart/form-data` body with its `file`)
 * all come from the table entry, so a route file writes none of them and cannot drift from what the web's client
 * is typed by. The route file gives only what the table does not hold: the OpenAPI `tags`/`summary` (and
 * `description`, `security: []`), Fastify's route options (`config: { audience, idempotent }`, `bodyLimit`, hooks…)
 * and the handler, typed through fastify-type-provider-zod as if the schemas were written inline:
 *
 *   route(app, 'GET /api/inspection-plans/{id}', { tags, summary: 'A plan', config: { audience: 'staff' } },
 *     async (req, reply) => plans.get(req.params.id));
 *
 * A new route: add its entry to the table, then register it here with that key (`http/api-routes.test.ts` fails on
 * a route registered another way, and on an entry no route registers).
 */
export function route<K extends RouteKey>(
  // any type provider: the handler's types come from the entry, not from the instance
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  app: FastifyInstance<RawServerDefault, any, any, any, any>,
  key: K,
  opts: RouteOpts<K>,
  handler: RouteHandler<K>,
): void {
  const { tags, summary, description, security, ...options } = opts;
  const [method, path] = key.split(' ') as [HTTPMethods, string];
  const entry: ApiRoute | undefined = apiRoutes[key];
  if (!entry) throw new Error(`route(): '${key}' is not in the route table (src/shared/contracts/api-routes.ts)`);
  const schema: FastifySchema & Record<string, unknown> = { tags, summary };
  if (description !== undefined) schema.description = description;
  if (security !== undefined) schema.security = security;
  if (entry.upload) schema.consumes = ['multipart/form-data'];
  if (entry.params) schema.params = entry.params;
  if (entry.querystring) schema.querystring = entry.querystring;
  if (entry.body) schema.body = entry.body;
  // a copy: Fastify may annotate the object it is given, and the table is shared by every app a process builds
  if (entry.response) schema.response = { ...entry.response };
  app.route({ ...(options as object), method, url: fastifyPath(path), schema, handler: handler as never });
}
