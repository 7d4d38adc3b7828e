import type { DbOrTx } from './client.js';

/**
 * A prepared statement per database handle: `build` runs once per handle, on first use (Drizzle's `.prepare(name)`:
 * the SQL text and its row mapping are built once; node-postgres also prepares it once per connection under `name`).
 * For the hottest fixed-shape reads only; the values go in as `sql.placeholder`s at `execute`.
 */
export function preparedPer<P>(build: (db: DbOrTx) => P): (db: DbOrTx) => P {
  const cache = new WeakMap<DbOrTx, P>();
  return (db) => {
    let p = cache.get(db);
    if (!p) {
      p = build(db);
      cache.set(db, p);
    }
    return p;
  };
}
