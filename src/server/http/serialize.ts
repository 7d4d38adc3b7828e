import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import build from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiRoute } from '../../shared/contracts/api-routes.js';
import { planSchema, type JsonSchema } from './serialize-schema.js';

/**
 * Responses are written by fast-json-stringify from each response schema's JSON Schema, not by zod parsing every
 * response (fastify-type-provider-zod's serializer: 2.5–4.8 % of the server's CPU on reads, docs/benchmarks.md).
 * What the zod path guaranteed still holds:
 * - only the schema's fields leave: fast-json-stringify writes the properties the schema names, nothing else (a
 *   column a handler returns by mistake is dropped, as zod's strip did);
 * - `Date`s travel as ISO strings (the `timestamp` codec's encode is `toISOString()`, checked in serialize-schema);
 * - a required field missing is a 500, as before.
 * What fast-json-stringify does not do is check values (a number where a string belongs is written as a string).
 * So under NODE_ENV=test every response also goes through zod, as before: a response that does not match its
 * schema is a 500 there, and so is one where the two serialisers disagree. The contract tests keep catching drift.
 * A schema whose JSON Schema cannot say what zod writes (a transform, a rewriting check…) is serialised through
 * zod, per schema (`zodOnlyResponses`, logged at start in development).
 */

export type Plan = { kind: 'fast'; write: (data: unknown) => string } | { kind: 'zod'; reasons: string[] };

// per schema object: the route table's schemas are module constants shared by every app a process builds (tests)
const plans = new WeakMap<z.ZodType, Plan>();

/** The compiled plan of one response schema (compiled once; a schema fast-json-stringify refuses goes to zod). */
export function planFor(schema: z.ZodType): Plan {
  let plan = plans.get(schema);
  if (plan) return plan;
  const planned = planSchema(schema);
  if (planned.kind === 'zod') plan = planned;
  else {
    try {
      plan = {
        kind: 'fast',
        write: build(planned.jsonSchema as never) as (data: unknown) => string,
      };
    } catch (err) {
      plan = { kind: 'zod', reasons: [`fast-json-stringify: ${(err as Error).message}`] };
    }
  }
  plans.set(schema, plan);
  return plan;
}

/** The JSON Schema fast-json-stringify compiles for a response schema (tests and docs). */
export const serializerSchema = (schema: z.ZodType): JsonSchema | null => {
  const planned = planSchema(schema);
  return planned.kind === 'fast' ? planned.jsonSchema : null;
};

/** Every response of the route table serialised through zod, with why. */
export function zodOnlyResponses(routes: Record<string, ApiRoute>) {
  const out: { route: string; status: string; reasons: string[] }[] = [];
  for (const [route, entry] of Object.entries(routes))
    for (const [status, schema] of Object.entries(entry.response ?? {})) {
      const plan = planFor(schema as z.ZodType);
      if (plan.kind === 'zod') out.push({ route, status, reasons: plan.reasons });
    }
  return out;
}

const isZod = (s: unknown): s is z.ZodType => typeof s === 'object' && s !== null && '_zod' in s;

/** One issue for a failure that zod did not find itself, so the error handler logs it like the others. */
const failure = (method: string, url: string, message: string) =>
  new ResponseSerializationError(method, url, {
    cause: new z.ZodError([{ code: 'custom', path: [], message, input: undefined }]),
  });

/**
 * fastify's serializer compiler: `verify` (NODE_ENV=test) also encodes through zod and compares. `planOf` only for
 * the test that shows a disagreement between the two is a 500.
 */
export function responseSerializerCompiler(opts: {
  verify: boolean;
  planOf?: (schema: z.ZodType) => Plan;
}): FastifySerializerCompiler<unknown> {
  const planOf = opts.planOf ?? planFor;
  return ({ schema, method, url }) => {
    if (!isZod(schema)) throw new Error(`${method} ${url}: a response schema must be a zod schema`);
    const throughZod = (data: unknown) => {
      const result = z.safeEncode(schema, data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      return JSON.stringify(result.data);
    };
    // compiled at the first response, so an app (a test's) pays only for the routes it answers
    let plan: Plan | undefined;
    return (data: unknown) => {
      plan ??= planOf(schema);
      if (plan.kind === 'zod') return throughZod(data);
      const wire = opts.verify ? throughZod(data) : undefined;
      let json: string;
      try {
        json = plan.write(data);
      } catch (err) {
        // a required field missing, a value it cannot write: the 500 the zod path gave
        throw failure(method, url, `fast-json-stringify: ${(err as Error).message}`);
      }
      if (wire !== undefined && json !== wire && !isDeepStrictEqual(JSON.parse(json), JSON.parse(wire)))
        throw failure(
          method,
          url,
          `fast-json-stringify wrote ${json.slice(0, 500)} where zod wrote ${wire.slice(0, 500)}`,
        );
      return json;
    };
  };
}
