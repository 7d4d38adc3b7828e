/**
 * Whether the data may have changed since a moment: a counter every committed write moves on. The read cache
 * (http/read-cache.ts) keeps an answer only while the counter stands where it stood when the answer was read.
 *
 * Writes are seen where every statement passes: the driver (db/client.ts wraps PGlite's `query`/`exec`/`transaction`
 * and gives node-postgres's pool a client class of its own), so no repo, job, CLI or test can write without it.
 * A statement inside a transaction counts when the transaction commits; one outside, when it returns. On a server
 * the commit also sends `NOTIFY steerboard_changes` in the same transaction, so other instances move their counter
 * as soon as the write is visible; an instance that lost its listening connection says it is not `live` until it
 * is back, and its cache keeps nothing meanwhile.
 */
export interface ChangeFeed {
  /** The counter now; an answer read under an earlier value may be stale. */
  generation(): number;
  /** Moves the counter on (a write committed, here or elsewhere). */
  bump(): void;
  /** False while changes made elsewhere might not reach this instance (its listener is reconnecting). */
  live(): boolean;
  setLive(live: boolean): void;
}

export function createChangeFeed(): ChangeFeed {
  let n = 0;
  let isLive = true;
  return {
    generation: () => n,
    bump: () => {
      n++;
    },
    live: () => isLive,
    setLive: (v) => {
      isLive = v;
      n++;
    },
  };
}

/**
 * Values read from the database, each kept until the next committed write (the read cache's rule, for a service's own
 * lookups). Nothing is kept without a live feed. Only reads outside a transaction may use it: a transaction sees its
 * own uncommitted writes, which the counter does not know of yet. Kept values are deep-frozen, as every caller
 * shares them.
 */
export function untilNextWrite<K, V>(feed: ChangeFeed | undefined, max = 256) {
  let at = -1;
  const kept = new Map<K, V>();
  return async (key: K, read: () => Promise<V>): Promise<V> => {
    if (!feed?.live()) return read();
    const g = feed.generation();
    if (g !== at) {
      kept.clear();
      at = g;
    }
    if (kept.has(key)) return kept.get(key) as V;
    const value = await read();
    // a write that committed while it was read leaves it unkept
    if (feed.generation() === g && feed.live()) {
      if (kept.size >= max) kept.clear();
      kept.set(key, deepFreeze(value));
    }
    return value;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const CHANGES_CHANNEL = 'steerboard_changes';

/**
 * Tables whose writes no cached answer reads: the session's "last seen" (written by reads themselves, once a
 * minute), the login throttle, the idempotency keys of writes and the job queue's own bookkeeping (what a job does
 * writes other tables, which count).
 */
const QUIET_TABLES = new Set(['sessions', 'login_throttles', 'idempotency_keys', 'jobs']);

const WRITE_START =
  /^\s*(insert|update|delete|merge|truncate|copy|create|alter|drop|grant|revoke|comment|refresh|call|do|select\s+[\w.]*\s*\(?\s*setval)\b/i;
// a data-modifying statement anywhere (a CTE: `with x as (update … returning …) select …`)
const WRITE_ANYWHERE = /\b(insert\s+into|update\s+("[^"]+"|\w+)(\s+as\s+\w+)?\s+set|delete\s+from|truncate)\b/i;
const TARGET = /^\s*(?:insert\s+into|update|delete\s+from)\s+(?:"?public"?\.)?"?(\w+)"?/i;

/** Whether a statement may change data a read could show. Errs towards yes: a wrong yes only costs a cache miss. */
export function changesData(text: string): boolean {
  if (!WRITE_START.test(text) && !WRITE_ANYWHERE.test(text)) return false;
  const target = TARGET.exec(text)?.[1];
  // a write to a quiet table alone; one that also touches another table (a CTE) still counts
  if (target && QUIET_TABLES.has(target.toLowerCase())) {
    const rest = text.slice(TARGET.exec(text)![0].length);
    return WRITE_ANYWHERE.test(rest);
  }
  return true;
}

export type TxStep = 'begin' | 'commit' | 'rollback' | null;
/** `begin`/`commit`/`rollback` of the transaction itself (savepoints are steps inside it, not ends). */
export function txStep(text: string): TxStep {
  const t = text.trim().toLowerCase();
  if (/^(begin|start\s+transaction)\b/.test(t)) return 'begin';
  if (/^(commit|end)\b/.test(t)) return 'commit';
  if (/^(rollback|abort)\s*(transaction|work)?\s*;?$/.test(t)) return 'rollback';
  return null;
}

/** The SQL text of a driver call's first argument (a string, a `{ text }` config, or a submittable such as COPY). */
export function statementText(arg: unknown): string | null {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { text?: unknown }).text === 'string')
    return (arg as { text: string }).text;
  return null;
}
