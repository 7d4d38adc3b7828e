import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.js';
import { copyFrom, copyValue } from '../../db/copy.js';
import type { AssessmentRow } from './dx-assessments.repo.js';

/** A replaced assessment's columns the rollup reads. */
type ReplacedRow = Pick<
  AssessmentRow,
  | 'status'
  | 'frameworkVersionId'
  | 'year'
  | 'communeId'
  | 'sectorCode'
  | 'sizeClass'
  | 'overallLevel'
  | 'totalScore'
  | 'pillarScores'
>;

/** What `importRowText` serialises: a validated, scored assessment before its enterprise is known. */
export interface ScoredImportRow {
  frameworkVersionId: string;
  year: number;
  answersJson: string;
  snapshotJson: string;
  totalScore: number;
  overallLevel: number;
  pillarScores: number[];
}

/**
 * The middle of an imported assessment's COPY line (framework_version_id … pillar_scores, COPY text format): built
 * while the batch is prepared, outside its transaction, so the write only adds the enterprise's columns. Escaping
 * ~1.5 KB of JSON a row inside the write kept the server waiting for the client.
 */
export function importRowText(r: ScoredImportRow): string {
  return [
    copyValue(r.frameworkVersionId),
    r.year,
    copyValue(r.answersJson),
    copyValue(r.snapshotJson),
    r.totalScore,
    r.overallLevel,
    `{${r.pillarScores.join(',')}}`,
  ].join('\t');
}

/** A validated, scored assessment of an import batch, serialised for COPY (`copyText`: from importRowText). */
export interface AssessmentImportRow {
  enterpriseId: string;
  frameworkVersionId: string;
  year: number;
  copyText: string;
  totalScore: number;
  overallLevel: number;
  pillarScores: number[];
  communeId: string | null;
  sectorCode: string;
  sizeClass: string;
}

/** An assessment a batch replaces, with what it contributes to the rollup now. */
export interface BeforeRow {
  enterprise_id: string;
  framework_version_id: string;
  year: number;
  status: string;
  source: string;
  total_score: number | null;
  overall_level: number | null;
  pillar_scores: number[] | null;
  commune_id: string | null;
  sector_code: string | null;
  size_class: string | null;
}

/** The bulk import's statements on dx_assessments: a batch at a time, never a row at a time. */
export function createDxAssessmentsBulkRepo() {
  return {
    /**
     * Fresh planner statistics for the assessments table. A large import grows it from a few rows to a million;
     * on statistics from when it was small the planner scans the whole table for every batch's key lookup.
     * Only the columns queries filter, join, group or sort on: the jsonb ones (answers, snapshot, ~1.5 KB a row)
     * made a whole-table analyze twice as long, for statistics no query uses.
     */
    async analyze(tx: DbOrTx) {
      await tx.execute(sql`analyze dx_assessments (id, enterprise_id, framework_version_id, year, status, source, total_score,
        overall_level, commune_id, sector_code, size_class, submitted_at)`);
    },

    /**
     * Writes a batch of scored assessments. The rows it replaces are locked and read first (for the rollup);
     * new assessments — nearly all of a first import — go straight into the table with COPY; replacements of
     * earlier imports go through a temporary table and one update. Assessments entered on the web are never
     * replaced: they come back as `refused` for the caller to report.
     */
    async writeImported<W extends AssessmentImportRow>(
      tx: DbOrTx,
      rows: W[],
    ): Promise<{ replaced: ReplacedRow[]; refused: W[] }> {
      if (!rows.length) return { replaced: [], refused: [] };
      const arr = (xs: (string | number)[]) => `{${xs.join(',')}}`;
      // batches of concurrent imports take turns (the lock, taken first in the same statement): a key new to
      // both would otherwise be inserted twice
      const existing = rowsOf<BeforeRow>(
        await tx.execute(sql`
        with turn as materialized (select pg_advisory_xact_lock(hashtext('dx_import_assessments')))
        select a.enterprise_id, a.framework_version_id, a.year, a.status, a.source, a.total_score::float8 as total_score, a.overall_level,
               a.pillar_scores::float8[] as pillar_scores, a.commune_id, a.sector_code, a.size_class
        from unnest(${arr(rows.map((r) => r.enterpriseId))}::uuid[], ${arr(rows.map((r) => r.frameworkVersionId))}::uuid[],
                    ${arr(rows.map((r) => r.year))}::smallint[]) as k(e, v, y)
        join dx_assessments a on a.enterprise_id = k.e and a.framework_version_id = k.v and a.year = k.y
        where (select count(*) from turn) = 1
        order by a.id for update of a`),
      );
      const keyOf = (e: string, v: string, y: number) => `${e}|${v}|${y}`;
      const byKey = new Map(existing.map((b) => [keyOf(b.enterprise_id, b.framework_version_id, Number(b.year)), b]));
      const fresh: W[] = [];
      const update: W[] = [];
      const refused: W[] = [];
      for (const r of rows) {
        const b = byKey.get(keyOf(r.enterpriseId, r.frameworkVersionId, r.year));
        (!b ? fresh : b.source === 'import' ? update : refused).push(r);
      }
      const now = new Date().toISOString();
      const line = (r: W) =>
        `${copyValue(r.enterpriseId)}\t${r.copyText}\t${copyValue(r.communeId)}\t${copyValue(r.sectorCode)}\t${copyValue(r.sizeClass)}\t${now}`;
      const cols =
        'enterprise_id, framework_version_id, year, answers, snapshot, total_score, overall_level, pillar_scores, commune_id, sector_code, size_class, submitted_at';
      if (fresh.length) {
        // an enterprise starting the same assessment on the web in the instant since the lookup makes this COPY fail
        // on the unique key: the batch rolls back whole, and a rerun finds that assessment and reports the row
        await copyFrom(
          tx,
          `dx_assessments (${cols}, status, source)`,
          fresh.map((r) => `${line(r)}\tsubmitted\timport\n`),
        );
      }
      if (update.length) {
        await tx.execute(sql`create temp table dx_import_stage (enterprise_id uuid, framework_version_id uuid, year smallint, answers jsonb,
          snapshot jsonb, total_score numeric, overall_level smallint, pillar_scores numeric[], commune_id uuid, sector_code text, size_class text,
          submitted_at timestamptz) on commit drop`);
        await copyFrom(
          tx,
          `dx_import_stage (${cols})`,
          update.map((r) => `${line(r)}\n`),
        );
        // a verified assessment imported again with the same answers stays verified; any other import leaves it submitted
        await tx.execute(sql`
          update dx_assessments a set
            status = case when a.status = 'verified' and a.answers = s.answers then 'verified' else 'submitted' end,
            answers = s.answers, snapshot = s.snapshot, total_score = s.total_score, overall_level = s.overall_level,
            pillar_scores = s.pillar_scores, commune_id = s.commune_id, sector_code = s.sector_code, size_class = s.size_class,
            submitted_at = coalesce(a.submitted_at, s.submitted_at), version = a.version + 1, updated_at = now()
          from dx_import_stage s
          where a.enterprise_id = s.enterprise_id and a.framework_version_id = s.framework_version_id and a.year = s.year`);
      }
      // the imported rows it replaced, as the columns the rollup reads (the service turns them into facts)
      const replaced: ReplacedRow[] = existing
        .filter((b) => b.source === 'import')
        .map((b) => ({
          status: b.status as ReplacedRow['status'],
          frameworkVersionId: b.framework_version_id,
          year: Number(b.year),
          communeId: b.commune_id,
          sectorCode: b.sector_code,
          sizeClass: b.size_class,
          overallLevel: b.overall_level === null ? null : Number(b.overall_level),
          totalScore: b.total_score === null ? null : Number(b.total_score),
          pillarScores: b.pillar_scores === null ? null : b.pillar_scores.map(Number),
        }));
      return { replaced, refused };
    },
  };
}
export type DxAssessmentsBulkRepo = ReturnType<typeof createDxAssessmentsBulkRepo>;
