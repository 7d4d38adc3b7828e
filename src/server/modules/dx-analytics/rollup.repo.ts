import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** What an assessment contributes to the rollup once scored. */
export interface ScoredFacts {
  frameworkVersionId: string;
  year: number;
  communeId: string | null;
  sectorCode: string;
  sizeClass: string;
  overallLevel: number;
  totalScore: number;
  pillarScores: number[];
}

/** One cell of the rollup and how much to add to it (negative to remove). */
export interface RollupDelta { facts: ScoredFacts; sign: number }

const cellKey = (f: ScoredFacts) => [f.frameworkVersionId, f.year, f.communeId ?? '', f.sectorCode, f.sizeClass, f.overallLevel].join('|');

/**
 * Applies many changes at once (a bulk import batch): deltas are summed per cell in memory, cells that
 * net to nothing are dropped, and the rest go in one multi-row upsert, in key order so that two
 * concurrent batches lock cells in the same order and cannot deadlock.
 */
export async function applyRollupDeltas(tx: DbOrTx, deltas: RollupDelta[]): Promise<void> {
  const cells = new Map<string, { f: ScoredFacts; n: number; total: number; pillars: number[] }>();
  for (const { facts: f, sign } of deltas) {
    const key = cellKey(f);
    let c = cells.get(key);
    if (!c) cells.set(key, c = { f, n: 0, total: 0, pillars: [] });
    c.n += sign;
    c.total += f.totalScore * sign;
    f.pillarScores.forEach((p, i) => { c.pillars[i] = (c.pillars[i] ?? 0) + p * sign; });
  }
  const rows = [...cells.entries()].filter(([, c]) => c.n !== 0 || Math.abs(c.total) > 1e-9 || c.pillars.some((p) => Math.abs(p) > 1e-9))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  // cents as integers: sums of two-decimal scores stay exact
  const money = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
  if (!rows.length) return;
  // one jsonb parameter for the whole batch: binding thousands of values one by one costs more than the upsert
  const payload = JSON.stringify(rows.map((c) => ({
    v: c.f.frameworkVersionId, y: c.f.year, c: c.f.communeId, s: c.f.sectorCode, z: c.f.sizeClass, l: c.f.overallLevel,
    n: c.n, t: money(c.total), p: c.pillars.map(money),
  })));
  await tx.execute(sql`
    insert into dx_rollups (framework_version_id, year, commune_id, sector_code, size_class, overall_level, n, sum_total, sum_pillars)
    select x.v, x.y, x.c, x.s, x.z, x.l, x.n, x.t, array(select e.v::numeric from jsonb_array_elements_text(x.p) with ordinality as e(v, i) order by e.i)
    from jsonb_to_recordset(${payload}::jsonb) as x(v uuid, y smallint, c uuid, s text, z text, l smallint, n int, t numeric, p jsonb)
    on conflict on constraint dx_rollups_uq do update set
      n = dx_rollups.n + excluded.n,
      sum_total = dx_rollups.sum_total + excluded.sum_total,
      sum_pillars = array(select coalesce(a, 0) + coalesce(b, 0) from unnest(dx_rollups.sum_pillars, excluded.sum_pillars) as u(a, b))`);
}

/**
 * Moves one assessment's contribution: removes `before` (if it counted) and adds `after` (if it counts).
 * Call inside the transaction that changes the assessment, so analytics are never stale or double-counted.
 */
export async function applyRollupChange(tx: DbOrTx, before: ScoredFacts | null, after: ScoredFacts | null): Promise<void> {
  if (before) await addToRollup(tx, before, -1);
  if (after) await addToRollup(tx, after, 1);
}

async function addToRollup(tx: DbOrTx, f: ScoredFacts, sign: 1 | -1): Promise<void> {
  const pillars = sql`${`{${f.pillarScores.map((p) => p * sign).join(',')}}`}::numeric[]`;
  await tx.execute(sql`
    insert into dx_rollups (framework_version_id, year, commune_id, sector_code, size_class, overall_level, n, sum_total, sum_pillars)
    values (${f.frameworkVersionId}, ${f.year}, ${f.communeId}, ${f.sectorCode}, ${f.sizeClass}, ${f.overallLevel},
            ${sign}, ${f.totalScore * sign}, ${pillars})
    on conflict on constraint dx_rollups_uq do update set
      n = dx_rollups.n + excluded.n,
      sum_total = dx_rollups.sum_total + excluded.sum_total,
      sum_pillars = array(select coalesce(a, 0) + coalesce(b, 0) from unnest(dx_rollups.sum_pillars, excluded.sum_pillars) as u(a, b))`);
}
