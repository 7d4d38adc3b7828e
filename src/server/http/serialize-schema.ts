import { z } from 'zod';

/** A JSON Schema node, as zod writes it and fast-json-stringify reads it. */
export type JsonSchema = { [keyword: string]: unknown };

/** How a response schema is serialised: from its JSON Schema, or (when that cannot say it) through zod. */
export type SchemaPlan = { kind: 'fast'; jsonSchema: JsonSchema } | { kind: 'zod'; reasons: string[] };

/**
 * Zod types whose output JSON Schema cannot describe what zod's encode writes: fast-json-stringify would serialise
 * something else (a transform's result, a Map as `{}`…). A response holding one is serialised through zod.
 */
const NOT_EXPRESSIBLE = new Set([
  'transform',
  'custom',
  'bigint',
  'symbol',
  'map',
  'set',
  'function',
  'promise',
  'nan',
  'void',
  'undefined',
  'catch',
  'success',
]);

const probe = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 7));
/**
 * The timestamp codec (`src/shared/fields.ts`): a `Date` on the server that zod encodes as `toISOString()`, the very
 * string fast-json-stringify writes for a `date-time` string given a `Date`. Checked by encoding a probe, so a codec
 * that encodes any other way is not mistaken for it.
 */
function isTimestampCodec(schema: z.ZodType): boolean {
  const def = schema._zod.def as { type: string; out?: z.ZodType; transform?: unknown };
  if (def.type !== 'pipe' || def.out?._zod.def.type !== 'date') return false;
  const encoded = z.safeEncode(schema, probe);
  return encoded.success && encoded.data === probe.toISOString();
}

/**
 * The response schema as fast-json-stringify should read it, or why it cannot: zod 4's `toJSONSchema` (output side:
 * what the handler returns) with `Date` as a `date-time` string, then `forSerializer`.
 */
export function planSchema(schema: z.ZodType): SchemaPlan {
  const reasons = new Set<string>();
  let unions = 0;
  let refined = 0;
  const raw = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
    override: (ctx) => {
      const zs = ctx.zodSchema as unknown as z.ZodType;
      const def = zs._zod.def as ZodDef;
      if (def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      else if (def.type === 'pipe' && !isTimestampCodec(zs)) reasons.add('a pipe or codec other than the timestamp');
      else if (NOT_EXPRESSIBLE.has(def.type)) reasons.add(`z.${def.type}()`);
      // a stripping object (zod's default) takes extra properties and drops them: so does fast-json-stringify
      // without `additionalProperties`, and Ajv picking a union's branch then accepts them as zod does; a strict
      // object keeps `false`, so Ajv refuses that branch as zod would
      else if (def.type === 'object' && def.catchall === undefined) delete ctx.jsonSchema.additionalProperties;
      if (def.type === 'union') unions++;
      for (const c of def.checks ?? []) {
        const check = c._zod.def;
        // trim(), toLowerCase(), normalize(): zod's encode rewrites the string, a serializer would not
        if (check.check === 'overwrite') reasons.add('a rewriting check (trim, case…)');
        // a refinement, or a regex's flags, which JSON Schema's `pattern` loses: invisible to Ajv choosing a branch
        if (check.check === 'custom' || (check.pattern?.flags ?? '').replace('u', '') !== '') refined++;
      }
    },
  }) as JsonSchema;
  if (unions > 0 && refined > 0) reasons.add('a union with refinements or regex flags (Ajv could pick another branch)');
  if (reasons.size > 0) return { kind: 'zod', reasons: [...reasons] };
  delete raw.$schema;
  return { kind: 'fast', jsonSchema: forSerializer(raw, false) as JsonSchema };
}

type ZodDef = {
  type: string;
  catchall?: unknown;
  checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[];
};

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNull = (s: unknown) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1;
const mapValues = (o: unknown, f: (v: unknown) => unknown) =>
  isObject(o) ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])) : o;

/**
 * Rewrites zod's JSON Schema into what makes fast-json-stringify write zod's JSON, quickly:
 * - `X | null` (`anyOf [X, {type: null}]`) → `X` with `nullable: true`: a null test instead of validating each
 *   branch with Ajv on every value;
 * - a record over an enum of keys → those keys as properties (required when zod's record is exhaustive), so a key
 *   outside the enum is not written;
 * - `const` kept only inside unions (where Ajv needs it to pick the branch): elsewhere the value is written as the
 *   handler gave it, as zod would have (or refused, in test mode);
 * - `default` dropped: fast-json-stringify would write it for a missing property where zod refuses the response.
 */
export function forSerializer(node: unknown, inUnion: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => forSerializer(n, inUnion));
  if (!isObject(node)) return node;
  const { additionalProperties, anyOf, oneOf, default: _default, ...rest } = node;
  const out: JsonSchema = {};
  const branches = (anyOf ?? oneOf) as unknown[] | undefined;
  if (branches) {
    const others = branches.filter((b) => !isNull(b));
    const only = others[0];
    if (others.length === 1 && others.length < branches.length && isObject(only) && !only.anyOf && !only.oneOf) {
      const inner = forSerializer(only, inUnion) as JsonSchema;
      // `unknown | null` is just `unknown`: any JSON, null included
      return Object.keys(inner).length === 0
        ? inner
        : { ...inner, ...(forSerializer(rest, inUnion) as JsonSchema), nullable: true };
    }
    out[anyOf ? 'anyOf' : 'oneOf'] = branches.map((b) => forSerializer(b, true));
  }
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'const' && !inUnion && rest.type !== undefined) continue;
    if (key === 'properties' || key === 'definitions' || key === '$defs')
      out[key] = mapValues(value, (v) => forSerializer(v, inUnion));
    else if (key === 'items' || key === 'not' || key === 'allOf') out[key] = forSerializer(value, inUnion);
    else out[key] = value;
  }
  const keys = isObject(rest.propertyNames) ? rest.propertyNames.enum : undefined;
  if (isObject(additionalProperties) && Array.isArray(keys) && !rest.properties) {
    const value = forSerializer(additionalProperties, inUnion);
    out.properties = Object.fromEntries(keys.map((k) => [String(k), value]));
    delete out.propertyNames;
  } else if (additionalProperties !== undefined) {
    out.additionalProperties = forSerializer(additionalProperties, inUnion);
  }
  return out;
}
