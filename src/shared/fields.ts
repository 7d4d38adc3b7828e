import { z } from 'zod';
import { because } from './error-reasons.js';

/**
 * Characters no text field takes: C0/C1 control characters other than tab, line feed and carriage return (NUL is
 * refused by PostgreSQL, the rest only garble exports and logs), and lone UTF-16 surrogates (not encodable as UTF-8;
 * PostgreSQL's jsonb refuses the `\ud800` escape JSON.stringify writes for them).
 */
const forbiddenChars =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds, before PostgreSQL refuses them
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const textProblem = because('PLAIN_TEXT');
/** True when `s` holds a character no text field takes (see `forbiddenChars`). */
export const hasForbiddenChars = (s: string) => forbiddenChars.test(s);
/** A string without forbidden characters: the base of every text field. */
export const plainString = () => z.string().refine((s) => !forbiddenChars.test(s), textProblem);

/** Field schemas shared by API contracts and web forms. Every string has a length limit. */
export const uuidField = z.uuid({ message: because('UUID') });
export const shortText = (max = 200) => plainString().trim().min(1, because('NOT_EMPTY')).max(max);
export const longText = (max = 20_000) => plainString().max(max);
export const isoDate = z.iso.date({ message: because('ISO_DATE') });
/**
 * A point in time in a response. The server holds a `Date`; what travels is its ISO 8601 string: the response
 * serializer encodes (`Date` → `toISOString()`), and parsing a received body decodes it back. So `z.output` of a
 * response schema is what a handler returns and `z.input` (= `Wire<z.output>`) is what the web receives.
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

/**
 * A server-side value as it arrives after JSON serialization: every `Date` becomes its ISO string. The web's typed
 * client (`src/web/api/client.ts`) returns `Wire<z.output<response schema>>`; pages name response types the same way.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
export const year = z.number().int().min(1990).max(2100);
export const searchQuery = plainString().max(200).optional();
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const roles = ['admin', 'secretariat', 'inspector', 'unit', 'viewer', 'enterprise'] as const;
export type Role = (typeof roles)[number];

/** A page of rows plus the total, for tables. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const idParams = z.strictObject({ id: uuidField });
export const okResponse = z.object({ ok: z.literal(true) });

/**
 * The version of a record the writer read (the alternative to an `If-Match` header): a write based on an older one
 * is refused with 409 STALE_VERSION.
 */
export const versionField = z.number().int().positive().max(999_999_999).optional();
