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
export interface RollupDelta {
  facts: ScoredFacts;
  sign: number;
}

interface Cell {
  f: ScoredFacts;
  n: number;
  total: number;
  pillars: number[];
}

/** The three grains kept: every key column of the finest, then the city-wide and the per-commune ones. */
const GRAINS = [
  {
    table: 'dx_rollups',
    constraint: 'dx_rollups_uq',
    key: (f: ScoredFacts) =>
      [f.frameworkVersionId, f.year, f.communeId ?? '', f.sectorCode, f.sizeClass, f.overallLevel].join('|'),
    cols: 'framework_version_id, year, commune_id, sector_code, size_class, overall_level',
    select: 'x.v, x.y, x.c, x.s, x.z, x.l',
  },
  {
    table: 'dx_rollups_city',
    constraint: 'dx_rollups_city_uq',
    key: (f: ScoredFacts) => [f.frameworkVersionId, f.year, f.sectorCode, f.sizeClass, f.overallLevel].join('|'),
    cols: 'framework_version_id, year, sector_code, size_class, overall_level',
    select: 'x.v, x.y, x.s, x.z, x.l',
  },
  {
    table: 'dx_rollups_commune',
    constraint: 'dx_rollups_commune_uq',
    key: (f: ScoredFacts) => [f.frameworkVersionId, f.year, f.communeId ?? '', f.overallLevel].join('|'),
    cols: 'framework_version_id, year, commune_id, overall_level',
    select: 'x.v, x.y, x.c, x.l',
  },
] as const;

/**
 * Applies many changes at once (a bulk import batch, or one assessment's before/after): deltas are summed per
 * cell of each grain in memory, cells that net to nothing are dropped, and the rest go in one multi-row upsert
 * per grain, in key order so that two concurrent batches lock cells in the same order and cannot deadlock.
 */
export async function applyRollupDeltas(tx: DbOrTx, deltas: RollupDelta[]): Promise<void> {
  for (const grain of GRAINS) {
    const cells = new Map<string, Cell>();
    for (const { facts: f, sign } of deltas) {
      const key = grain.key(f);
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { f, n: 0, total: 0, pillars: [] }));
      c.n += sign;
      c.total += f.totalScore * sign;
      f.pillarScores.forEach((p, i) => {
        c.pillars[i] = (c.pillars[i] ?? 0) + p * sign;
      });
    }
    const rows = [...cells.entries()]
      .filter(([, c]) => c.n !== 0 || Math.abs(c.total) > 1e-9 || c.pillars.some((p) => Math.abs(p) > 1e-9))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, c]) => c);
    if (rows.length) await upsertCells(tx, grain, rows);
  }
}

// cents as integers: sums of two-decimal scores stay exact
const money = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

async function upsertCells(tx: DbOrTx, grain: (typeof GRAINS)[number], rows: Cell[]) {
  // one array parameter per column (each pillar sum list as text, cast per row): a few binds for the whole batch
  const arr = (xs: (string | number | null)[]) => `{${xs.map((x) => (x === null ? 'NULL' : x)).join(',')}}`;
  const t = sql.raw(grain.table);
  await tx.execute(sql`
    insert into ${t} (${sql.raw(grain.cols)}, n, sum_total, sum_pillars)
    select ${sql.raw(grain.select)}, x.n, x.t, x.p::numeric[]
    from unnest(${arr(rows.map((c) => c.f.frameworkVersionId))}::uuid[], ${arr(rows.map((c) => c.f.year))}::smallint[],
      ${arr(rows.map((c) => c.f.communeId))}::uuid[], ${arr(rows.map((c) => c.f.sectorCode))}::text[], ${arr(rows.map((c) => c.f.sizeClass))}::text[],
      ${arr(rows.map((c) => c.f.overallLevel))}::smallint[], ${arr(rows.map((c) => c.n))}::int[], ${arr(rows.map((c) => money(c.total)))}::numeric[],
      ${arr(rows.map((c) => `"{${c.pillars.map(money).join(',')}}"`))}::text[]) as x(v, y, c, s, z, l, n, t, p)
    on conflict on constraint ${sql.raw(grain.constraint)} do update set
      n = ${t}.n + excluded.n,
      sum_total = ${t}.sum_total + excluded.sum_total,
      sum_pillars = array(select coalesce(a, 0) + coalesce(b, 0) from unnest(${t}.sum_pillars, excluded.sum_pillars) as u(a, b))`);
}

/**
 * Moves one assessment's contribution: removes `before` (if it counted) and adds `after` (if it counts).
 * Call inside the transaction that changes the assessment, so analytics are never stale or double-counted.
 */
export async function applyRollupChange(
  tx: DbOrTx,
  before: ScoredFacts | null,
  after: ScoredFacts | null,
): Promise<void> {
  const deltas: RollupDelta[] = [];
  if (before) deltas.push({ facts: before, sign: -1 });
  if (after) deltas.push({ facts: after, sign: 1 });
  await applyRollupDeltas(tx, deltas);
}
