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
