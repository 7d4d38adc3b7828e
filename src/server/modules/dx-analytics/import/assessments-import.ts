import { checkAnswer } from '../../../../shared/dx/answers.js';
import { allQuestions, type FrameworkDefinition, frameworkDefinition, type Question } from '../../../../shared/dx/framework-format.js';
import { scoreAssessment } from '../../../../shared/dx/scoring.js';
import type { DbOrTx } from '../../../db/client.js';
import { applyRollupDeltas, type RollupDelta, type ScoredFacts } from '../rollup.repo.js';
import { decodeAnswer } from './answer-cells.js';
import type { BulkRepo } from './bulk.repo.js';
import type { ImportError } from './import.repo.js';
import type { ImportHandler } from './import.service.js';
import type { SourceRow } from './rows.js';

export const assessmentBaseColumns = ['taxCode', 'frameworkCode', 'frameworkVersion', 'year'] as const;

interface Version { id: string; def: FrameworkDefinition; questions: Map<string, Question> }
export interface ScoredRow {
  row: number; taxCode: string; version: Version; year: number; answers: Record<string, unknown>;
  snapshot: ReturnType<typeof scoreAssessment>;
}

/** Validates one row's answers as the API does on submit (values, skip logic, required) and scores them. */
export function scoreRow(version: Version, values: Record<string, string>, row: number): { ok: true; answers: Record<string, unknown>; snapshot: ReturnType<typeof scoreAssessment> } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const answers: Record<string, unknown> = {};
  for (const [col, cell] of Object.entries(values)) {
    if ((assessmentBaseColumns as readonly string[]).includes(col) || cell === '') continue;
    const q = version.questions.get(col);
    if (!q) { errors.push({ row, field: col, reason: 'not a question of this framework version' }); continue; }
    const decoded = decodeAnswer(q, cell);
    if (!decoded.ok) { errors.push({ row, field: col, reason: decoded.reason }); continue; }
    const bad = checkAnswer(q, decoded.value);
    if (bad) errors.push({ row, field: col, reason: bad });
    else answers[col] = decoded.value;
  }
  if (errors.length) return { ok: false, errors };
  const snapshot = scoreAssessment(version.def, answers);
  if (snapshot.requiredMissing.length) {
    return { ok: false, errors: snapshot.requiredMissing.map((code) => ({ row, field: code, reason: 'required' })) };
  }
  return { ok: true, answers, snapshot };
}

export function assessmentsHandler({ bulk }: { bulk: BulkRepo }): ImportHandler {
  let versions: Map<string, Version> | null = null;
  async function versionOf(tx: DbOrTx, code: string, version: string): Promise<Version | null> {
    if (!versions) {
      versions = new Map();
      for (const v of await bulk.frameworkVersions(tx)) {
        const parsed = frameworkDefinition.safeParse(v.definition);
        if (!parsed.success) continue;
        versions.set(`${v.code}@${v.version}`, {
          id: v.id, def: parsed.data, questions: new Map(allQuestions(parsed.data).map(({ question }) => [question.code, question])),
        });
      }
    }
    return versions.get(`${code}@${version}`) ?? null;
  }

  return {
    kind: 'assessments',
    requiredColumns: [...assessmentBaseColumns],
    async processBatch(tx, rows: SourceRow[]) {
      const errors: ImportError[] = [];
      const scored = new Map<string, ScoredRow>();
      for (const r of rows) {
        const v = r.values;
        const rowErrors: ImportError[] = [];
        const year = /^\d{4}$/.test(v.year) ? Number(v.year) : NaN;
        if (!(year >= 2000 && year <= 2100)) rowErrors.push({ row: r.row, field: 'year', reason: 'must be a year 2000–2100' });
        if (!/^\d{10}(-\d{3})?$/.test(v.taxCode)) rowErrors.push({ row: r.row, field: 'taxCode', reason: 'must be 10 digits or 10 digits-3 digits' });
        const version = await versionOf(tx, v.frameworkCode, v.frameworkVersion);
        if (!version) rowErrors.push({ row: r.row, field: 'frameworkVersion', reason: `no published version ${v.frameworkVersion} of framework ${v.frameworkCode}` });
        if (rowErrors.length || !version) { errors.push(...rowErrors); continue; }
        const s = scoreRow(version, v, r.row);
        if (!s.ok) { errors.push(...s.errors); continue; }
        // the same assessment twice in a batch: the later row wins, as it would across batches
        scored.set(`${v.taxCode}|${version.id}|${year}`, { row: r.row, taxCode: v.taxCode, version, year, answers: s.answers, snapshot: s.snapshot });
      }
      const ents = new Map((await bulk.enterprisesByTaxCode(tx, [...new Set([...scored.values()].map((s) => s.taxCode))])).map((e) => [e.taxCode, e]));
      const writes: Parameters<BulkRepo['upsertAssessments']>[1] = [];
      for (const s of scored.values()) {
        const e = ents.get(s.taxCode);
        if (!e) { errors.push({ row: s.row, field: 'taxCode', reason: 'no enterprise with this tax code (import enterprises first)' }); continue; }
        writes.push({
          enterpriseId: e.id, frameworkVersionId: s.version.id, year: s.year, answers: s.answers, snapshot: s.snapshot,
          totalScore: s.snapshot.total, overallLevel: s.snapshot.overallLevel, pillarScores: s.snapshot.pillars.map((p) => p.score),
          communeId: e.currentCommuneId, sectorCode: e.sectorCode, sizeClass: e.sizeClass,
        });
      }
      const locked = await bulk.lockAssessments(tx, writes);
      // as the assessments service's recordImported: an import never overwrites an assessment entered on the web
      const webKeys = new Set(locked.filter((b) => b.source !== 'import').map((b) => `${b.enterprise_id}|${b.framework_version_id}|${Number(b.year)}`));
      const keyOf = (w: { enterpriseId: string; frameworkVersionId: string; year: number }) => `${w.enterpriseId}|${w.frameworkVersionId}|${w.year}`;
      const rowOf = new Map([...scored.values()].map((s) => [`${s.taxCode}|${s.version.id}|${s.year}`, s.row]));
      for (const w of writes.filter((x) => webKeys.has(keyOf(x)))) {
        const tax = [...ents.values()].find((e) => e.id === w.enterpriseId)!.taxCode;
        errors.push({ row: rowOf.get(`${tax}|${w.frameworkVersionId}|${w.year}`)!, field: 'year', reason: 'the enterprise already has an assessment for this year on this version, entered on the web' });
      }
      const accepted = writes.filter((x) => !webKeys.has(keyOf(x)));
      const before = locked.filter((b) => b.source === 'import');
      writes.length = 0;
      writes.push(...accepted);
      const deltas: RollupDelta[] = [];
      for (const b of before) {
        if ((b.status === 'submitted' || b.status === 'verified') && b.total_score !== null && b.overall_level !== null && b.sector_code && b.size_class) {
          const facts: ScoredFacts = {
            frameworkVersionId: b.framework_version_id, year: Number(b.year), communeId: b.commune_id, sectorCode: b.sector_code,
            sizeClass: b.size_class, overallLevel: Number(b.overall_level), totalScore: Number(b.total_score), pillarScores: (b.pillar_scores ?? []).map(Number),
          };
          deltas.push({ facts, sign: -1 });
        }
      }
      for (const w of writes) {
        deltas.push({
          facts: { frameworkVersionId: w.frameworkVersionId, year: w.year, communeId: w.communeId, sectorCode: w.sectorCode, sizeClass: w.sizeClass, overallLevel: w.overallLevel, totalScore: w.totalScore, pillarScores: w.pillarScores },
          sign: 1,
        });
      }
      await bulk.upsertAssessments(tx, writes);
      await applyRollupDeltas(tx, deltas);
      return { ok: rows.length - new Set(errors.map((e) => e.row)).size, errors };
    },
  };
}
