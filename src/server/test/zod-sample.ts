import type { z } from 'zod';

/**
 * A value of a schema's *output* type (what a handler returns), for serialiser tests. `full`: every optional field
 * present, nullables filled, two items per list; otherwise optionals left out, nullables null, one item. `pick`
 * chooses each union's branch (modulo their number), so a few picks cover every branch. `extra`: each object also
 * carries a property its schema does not name (a leaked column), which no serialiser may write.
 */
export interface SampleOpts {
  full: boolean;
  pick: number;
  extra?: string;
}

const WHEN = new Date(Date.UTC(2025, 5, 7, 8, 9, 10, 11));
// quotes, backslash, Vietnamese, a line separator, an astral character: what a hand-written serialiser gets wrong
const TEXT = 'Kế hoạch "kiểm tra" \\ số 1 — đạt\u2028✓ 😀';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  out?: z.ZodType;
  getter?: () => z.ZodType;
};
type Bag = { format?: string; minimum?: number; maximum?: number };
type Check = { check: string; format?: string; minimum?: number; maximum?: number; length?: number; value?: number };

/** A schema's format and bounds (length for strings and arrays, value for numbers), read from its checks. */
function boundsOf(schema: z.ZodType): Bag {
  const def = schema._zod.def as { format?: string; checks?: { _zod: { def: Check } }[] };
  const bag: Bag = { format: def.format };
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'string_format' || d.check === 'number_format') bag.format = d.format;
    else if (d.check === 'min_length') bag.minimum = d.minimum;
    else if (d.check === 'max_length') bag.maximum = d.maximum;
    else if (d.check === 'length_equals') bag.minimum = bag.maximum = d.length;
    else if (d.check === 'greater_than') bag.minimum = d.value;
    else if (d.check === 'less_than') bag.maximum = d.value;
  }
  return bag;
}

const clampLength = (s: string, bag: Bag) =>
  s.padEnd(bag.minimum ?? 0, 'x').slice(0, Math.max(bag.maximum ?? Infinity, bag.minimum ?? 0));

function stringSample(bag: Bag, o: SampleOpts): string {
  switch (bag.format) {
    case 'uuid':
      return o.full ? '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b' : '00000000-0000-4000-8000-000000000000';
    case 'date':
      return '2025-03-04';
    case 'datetime':
      return WHEN.toISOString();
    case 'email':
      return 'nguyen.van.a@example.vn';
    default:
      return clampLength(o.full ? TEXT : '', bag);
  }
}

function numberSample(bag: Bag, o: SampleOpts): number {
  const int = bag.format?.includes('int') ?? false;
  const wanted = o.full ? (int ? 42 : 12.25) : 0;
  return Math.min(Math.max(wanted, bag.minimum ?? -Infinity), bag.maximum ?? Infinity);
}

export function sample(schema: z.ZodType, o: SampleOpts, depth = 0): unknown {
  const def = schema._zod.def as unknown as Def;
  const bag = boundsOf(schema);
  const next = (s: z.ZodType) => sample(s, o, depth + 1);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (field._zod.def.type === 'optional' && !o.full) continue;
        out[key] = next(field);
      }
      if (o.extra) out[o.extra] = 'must not be sent';
      return out;
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return next(def.innerType!);
    case 'nullable':
      return o.full && depth < 12 ? next(def.innerType!) : null;
    case 'array':
      return Array.from({ length: Math.max(o.full ? 2 : 1, bag.minimum ?? 0) }, () => next(def.element!));
    case 'record': {
      const keys = def.keyType!._zod.def as unknown as Def;
      const names = keys.entries ? Object.values(keys.entries).map(String) : ['k1', 'k2'];
      return Object.fromEntries(names.map((k) => [k, next(def.valueType!)]));
    }
    case 'union':
      return next(def.options![o.pick % def.options!.length]);
    case 'string':
      return stringSample(bag, o);
    case 'number':
      return numberSample(bag, o);
    case 'boolean':
      return o.full;
    case 'literal':
      return def.values![0];
    case 'enum': {
      const values = Object.values(def.entries!);
      return values[o.full ? values.length - 1 : 0];
    }
    case 'date':
      return WHEN;
    case 'pipe':
      return next(def.out!);
    case 'lazy':
      return depth < 6 ? next(def.getter!()) : null;
    case 'null':
      return null;
    case 'unknown':
    case 'any':
      // any JSON, with a Date inside: both serialisers must write it as JSON.stringify does
      return o.full ? { at: WHEN, list: [1, 'a', null], nested: { ok: true } } : null;
    default:
      throw new Error(`sample(): no sample for z.${def.type}()`);
  }
}
