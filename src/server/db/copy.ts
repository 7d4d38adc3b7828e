import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFromStream } from 'pg-copy-streams';
import type { DbOrTx } from './client.js';

/**
 * COPY is PostgreSQL's bulk path: rows travel as one text stream, parsed in C, with no per-row statement.
 * Drizzle has no COPY, so this reaches the driver connection under a transaction or database handle: the
 * node-postgres client (COPY FROM STDIN as a stream) or PGlite (COPY FROM '/dev/blob' with the text as a blob).
 * Both drivers keep that connection in the session's `client` field; the tests run this on both engines.
 */
interface PgLike {
  query: (q: unknown) => NodeJS.WritableStream;
}
interface PgliteLike {
  query: (q: string, params: unknown[], opts: { blob: Blob }) => Promise<unknown>;
}

function driverClient(db: DbOrTx): PgLike | PgliteLike {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || typeof (client as { query?: unknown }).query !== 'function')
    throw new Error('COPY needs a node-postgres or PGlite connection');
  return client as PgLike | PgliteLike;
}

const isNodePg = (c: unknown): c is PgLike => typeof (c as { connection?: unknown }).connection === 'object';

/** `COPY <target> FROM STDIN` with `data` in PostgreSQL's text format (see copyText). Use inside a transaction. */
export async function copyFrom(db: DbOrTx, target: string, data: string | string[]): Promise<void> {
  const client = driverClient(db);
  // one big chunk: each chunk becomes its own CopyData message and socket write
  const chunks = [typeof data === 'string' ? data : data.join('')];
  // outside a transaction node-postgres's `client` is the pool, which cannot stream one COPY
  if ('totalCount' in client) throw new Error('COPY on PostgreSQL must run inside a transaction');
  if (isNodePg(client)) {
    await pipeline(Readable.from(chunks), client.query(copyFromStream(`copy ${target} from stdin`)));
    return;
  }
  await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob(chunks) });
}

const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY text format: NULL as \N, backslash, tab and line breaks escaped. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return special.test(s) ? s.replace(specialAll, (c) => escapes[c]) : s;
}

/** One row in COPY text format (tab-separated, newline-terminated). */
export const copyLine = (values: (string | number | boolean | null | undefined)[]): string =>
  `${values.map(copyValue).join('\t')}\n`;
