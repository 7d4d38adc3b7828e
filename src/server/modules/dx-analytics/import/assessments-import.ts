import { checkAnswer } from '../../../../shared/dx/answers.js';
import { allQuestions, type FrameworkDefinition, frameworkDefinition, type Question } from '../../../../shared/dx/framework-format.js';
import { type ScoreSnapshot, scoreAssessment } from '../../../../shared/dx/scoring.js';
import { packSnapshot } from '../../../../shared/dx/snapshot-store.js';
import type { Db, DbOrTx } from '../../../db/client.js';
import { applyRollupDeltas, type RollupDelta, type ScoredFacts } from '../rollup.repo.js';
import { decodeAnswer } from './answer-cells.js';
import type { AssessmentImportRow } from '../../dx-assessments/dx-assessments-bulk.repo.js';
import type { DxAssessmentsService } from '../../dx-assessments/dx-assessments.service.js';
import type { EnterprisesService } from '../../enterprises/enterprises.service.js';
import type { BulkRepo } from './bulk.repo.js';
import type { SourceRow } from './rows.js';
import type { ImportError } from './import.repo.js';
import type { ImportHandler } from './import.service.js';

export const assessmentBaseColumns = ['taxCode', 'frameworkCode', 'frameworkVersion', 'year'] as const;
const baseColumns = new Set<string>(assessmentBaseColumns);

interface Version { id: string; def: FrameworkDefinition; questions: Map<string, Question> }

/** Where a file's columns are: the four base columns, and every other column as a candidate question. */
interface ColumnPlan { taxCode: number; frameworkCode: number; frameworkVersion: number; year: number; answers: { index: number; code: string }[] }
const plans = new WeakMap<string[], ColumnPlan>();
function planOf(header: string[]): ColumnPlan {
  let p = plans.get(header);
  if (!p) {
    const answers = header.map((code, index) => ({ index, code })).filter((c) => !baseColumns.has(c.code));
    plans.set(header, p = {
      taxCode: header.indexOf('taxCode'), frameworkCode: header.indexOf('frameworkCode'),
      frameworkVersion: header.indexOf('frameworkVersion'), year: header.indexOf('year'), answers,
    });
  }
  return p;
}

/** Validates one row's answers as the API does on submit (values, skip logic, required) and scores them. */
export function scoreRow(version: Version, r: SourceRow): { ok: true; answers: Record<string, unknown>; snapshot: ScoreSnapshot } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const answers: Record<string, unknown> = {};
  for (const { index, code } of planOf(r.header).answers) {
    const cell = r.fields[index];
    if (cell === undefined || cell === '') continue;
    const q = version.questions.get(code);
    if (!q) { errors.push({ row: r.row, field: code, reason: 'not a question of this framework version' }); continue; }
    const decoded = decodeAnswer(q, cell);
    if (!decoded.ok) { errors.push({ row: r.row, field: code, reason: decoded.reason }); continue; }
    const bad = checkAnswer(q, decoded.value);
    if (bad) errors.push({ row: r.row, field: code, reason: bad });
    else answers[code] = decoded.value;
  }
  if (errors.length) return { ok: false, errors };
  const snapshot = scoreAssessment(version.def, answers);
  if (snapshot.requiredMissing.length) {
    return { ok: false, errors: snapshot.requiredMissing.map((code) => ({ row: r.row, field: code, reason: 'required' })) };
  }
  return { ok: true, answers, snapshot };
}

/** A row validated and scored, serialised for the database, waiting for its enterprise's id. */
interface Prepared {
  row: number; taxCode: string; frameworkVersionId: string; year: number; answersJson: string; snapshotJson: string;
  totalScore: number; overallLevel: number; pillarScores: number[];
}

// hand the event loop back this often while preparing, so the previous batch's queries keep moving
const YIELD_EVERY = 100;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function assessmentsHandler({ db, bulk, enterprises, assessments }: {
  db: Db; bulk: BulkRepo; enterprises: EnterprisesService; assessments: DxAssessmentsService;
}): ImportHandler<{ rows: Prepared[]; errors: ImportError[]; count: number }> {
  let versions: Promise<Map<string, Version>> | null = null;
  // statistics refreshed each time this import has doubled what it wrote (log₂ n times in all; no autovacuum on PGlite)
  let written = 0;
  let analyzeAt = 1000;
  const loadVersions = async () => {
    const out = new Map<string, Version>();
    for (const v of await bulk.frameworkVersions(db)) {
      const parsed = frameworkDefinition.safeParse(v.definition);
      if (!parsed.success) continue;
      out.set(`${v.code}@${v.version}`, {
        id: v.id, def: parsed.data, questions: new Map(allQuestions(parsed.data).map(({ question }) => [question.code, question])),
      });
    }
    return out;
  };

  return {
    kind: 'assessments',
    requiredColumns: [...assessmentBaseColumns],

    /** Validation, scoring and serialisation: CPU only, outside the transaction, while the previous batch commits. */
    async prepare(rows) {
      versions ??= loadVersions().catch((e) => { versions = null; throw e; });
      const byCode = await versions;
      const errors: ImportError[] = [];
      // the same assessment twice in a batch: the later row wins, as it would across batches
      const scored = new Map<string, Prepared>();
      for (let i = 0; i < rows.length; i++) {
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await tick();
        const r = rows[i];
        const plan = planOf(r.header);
        const cell = (index: number) => r.fields[index] ?? '';
        const taxCode = cell(plan.taxCode);
        const rowErrors: ImportError[] = [];
        const year = /^\d{4}$/.test(cell(plan.year)) ? Number(cell(plan.year)) : NaN;
        if (!(year >= 2000 && year <= 2100)) rowErrors.push({ row: r.row, field: 'year', reason: 'must be a year 2000–2100' });
        if (!/^\d{10}(-\d{3})?$/.test(taxCode)) rowErrors.push({ row: r.row, field: 'taxCode', reason: 'must be 10 digits or 10 digits-3 digits' });
        const version = byCode.get(`${cell(plan.frameworkCode)}@${cell(plan.frameworkVersion)}`);
        if (!version) rowErrors.push({ row: r.row, field: 'frameworkVersion', reason: `no published version ${cell(plan.frameworkVersion)} of framework ${cell(plan.frameworkCode)}` });
        if (rowErrors.length || !version) { errors.push(...rowErrors); continue; }
        const s = scoreRow(version, r);
        if (!s.ok) { errors.push(...s.errors); continue; }
        scored.set(`${taxCode}|${version.id}|${year}`, {
          row: r.row, taxCode, frameworkVersionId: version.id, year,
          answersJson: JSON.stringify(s.answers), snapshotJson: JSON.stringify(packSnapshot(version.def, s.snapshot)),
          totalScore: s.snapshot.total, overallLevel: s.snapshot.overallLevel, pillarScores: s.snapshot.pillars.map((p) => p.score),
        });
      }
      return { rows: [...scored.values()], errors, count: rows.length };
    },

    /** Inside the batch's transaction: enterprises looked up, assessments written, rollup moved. */
    async write(tx: DbOrTx, batch) {
      const errors = [...batch.errors];
      const ents = new Map((await enterprises.byTaxCodes(tx, [...new Set(batch.rows.map((p) => p.taxCode))])).map((e) => [e.taxCode, e]));
      const writes: (AssessmentImportRow & { row: number })[] = [];
      for (const p of batch.rows) {
        const e = ents.get(p.taxCode);
        if (!e) { errors.push({ row: p.row, field: 'taxCode', reason: 'no enterprise with this tax code (import enterprises first)' }); continue; }
        writes.push({ ...p, enterpriseId: e.id, communeId: e.currentCommuneId, sectorCode: e.sectorCode, sizeClass: e.sizeClass });
      }
      if (written >= analyzeAt) {
        await assessments.refreshStatistics(tx);
        analyzeAt = written * 2;
      }
      const { replaced, refused } = await assessments.writeImported(tx, writes);
      written += writes.length;
      // as the assessments service's recordImported: an import never overwrites an assessment entered on the web
      for (const w of refused) {
        errors.push({ row: (w as (typeof writes)[number]).row, field: 'year', reason: 'the enterprise already has an assessment for this year on this version, entered on the web' });
      }
      const refusedSet = new Set(refused);
      const deltas: RollupDelta[] = replaced.filter((b) => b.facts).map((b) => ({ facts: b.facts as ScoredFacts, sign: -1 }));
      for (const w of writes) {
        if (refusedSet.has(w)) continue;
        deltas.push({
          facts: { frameworkVersionId: w.frameworkVersionId, year: w.year, communeId: w.communeId, sectorCode: w.sectorCode, sizeClass: w.sizeClass, overallLevel: w.overallLevel, totalScore: w.totalScore, pillarScores: w.pillarScores },
          sign: 1,
        });
      }
      await applyRollupDeltas(tx, deltas);
      return { ok: batch.count - new Set(errors.map((e) => e.row)).size, errors };
    },
  };
}
