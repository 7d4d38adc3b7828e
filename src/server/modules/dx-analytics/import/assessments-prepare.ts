import { checkAnswer } from '../../../../shared/dx/answers.js';
import { toRowIssue } from '../../../http/errors.js';
import {
  allQuestions,
  type FrameworkDefinition,
  frameworkDefinition,
  type Question,
} from '../../../../shared/dx/framework-format.js';
import { type ScoreSnapshot, scoreAssessment } from '../../../../shared/dx/scoring.js';
import { packSnapshot } from '../../../../shared/dx/snapshot-store.js';
import { importRowText, type AssessmentImportRow } from '../../dx-assessments/dx-assessments.service.js';
import { decodeAnswer } from './answer-cells.js';
import type { ImportError } from './import.repo.js';
import type { SourceRow } from './rows.js';

/*
 * The CPU half of an assessment import, pure (no database): validation with the API's rules, scoring, and
 * serialisation of each row for COPY.
 */

export const assessmentBaseColumns = ['taxCode', 'frameworkCode', 'frameworkVersion', 'year'] as const;
const baseColumns = new Set<string>(assessmentBaseColumns);

export interface Version {
  id: string;
  def: FrameworkDefinition;
  questions: Map<string, Question>;
}

/** Where a file's columns are: the four base columns, and every other column as a candidate question. */
interface ColumnPlan {
  taxCode: number;
  frameworkCode: number;
  frameworkVersion: number;
  year: number;
  answers: { index: number; code: string }[];
}
const plans = new WeakMap<string[], ColumnPlan>();
function planOf(header: string[]): ColumnPlan {
  let p = plans.get(header);
  if (!p) {
    const answers = header.map((code, index) => ({ index, code })).filter((c) => !baseColumns.has(c.code));
    plans.set(
      header,
      (p = {
        taxCode: header.indexOf('taxCode'),
        frameworkCode: header.indexOf('frameworkCode'),
        frameworkVersion: header.indexOf('frameworkVersion'),
        year: header.indexOf('year'),
        answers,
      }),
    );
  }
  return p;
}

/** A file's answer columns with their question in one version (undefined: not a question of it) and its options. */
interface AnswerColumn {
  index: number;
  code: string;
  q: Question | undefined;
  /** a single-choice question's option codes: a known code needs no checkAnswer (it would accept it) */
  options: Set<string> | null;
}
const columnsByVersion = new WeakMap<Version, WeakMap<string[], AnswerColumn[]>>();
function answerColumns(version: Version, header: string[]): AnswerColumn[] {
  let byHeader = columnsByVersion.get(version);
  if (!byHeader) columnsByVersion.set(version, (byHeader = new WeakMap()));
  let cols = byHeader.get(header);
  if (!cols) {
    cols = planOf(header).answers.map(({ index, code }) => {
      const q = version.questions.get(code);
      return { index, code, q, options: q?.type === 'single' ? new Set(q.options.map((o) => o.code)) : null };
    });
    byHeader.set(header, cols);
  }
  return cols;
}

/** Validates one row's answers as the API does on submit (values, skip logic, required) and scores them. */
export function scoreRow(
  version: Version,
  r: SourceRow,
): { ok: true; answers: Record<string, unknown>; snapshot: ScoreSnapshot } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const answers: Record<string, unknown> = {};
  for (const { index, code, q, options } of answerColumns(version, r.header)) {
    const cell = r.fields[index];
    if (cell === undefined || cell === '') continue;
    if (!q) {
      errors.push(toRowIssue(r.row, { field: code, reason: 'IMPORT_NOT_A_QUESTION' }));
      continue;
    }
    const decoded = decodeAnswer(q, cell);
    if (!decoded.ok) {
      errors.push(toRowIssue(r.row, { field: code, reason: decoded.reason }));
      continue;
    }
    // the common case checked here: a known option of a single choice, a yes/no (decoded only to a boolean)
    if ((options && options.has(decoded.value as string)) || q.type === 'yesno') {
      answers[code] = decoded.value;
      continue;
    }
    const bad = checkAnswer(q, decoded.value);
    if (bad) errors.push(toRowIssue(r.row, { field: code, reason: bad.reason, params: bad.params }));
    else answers[code] = decoded.value;
  }
  if (errors.length) return { ok: false, errors };
  const snapshot = scoreAssessment(version.def, answers);
  if (snapshot.requiredMissing.length) {
    return {
      ok: false,
      errors: snapshot.requiredMissing.map((code) => toRowIssue(r.row, { field: code, reason: 'REQUIRED' })),
    };
  }
  return { ok: true, answers, snapshot };
}

/** A row validated and scored, serialised for the database, waiting for its enterprise's id. */
export type Prepared = { row: number; taxCode: string } & Pick<
  AssessmentImportRow,
  'frameworkVersionId' | 'year' | 'copyText' | 'totalScore' | 'overallLevel' | 'pillarScores'
>;

/** Published framework versions (as stored) by `code@version`, parsed once. */
export function versionsFrom(
  rows: { id: string; code: string; version: number; definition: unknown }[],
): Map<string, Version> {
  const out = new Map<string, Version>();
  for (const v of rows) {
    const parsed = frameworkDefinition.safeParse(v.definition);
    if (!parsed.success) continue;
    out.set(`${v.code}@${v.version}`, {
      id: v.id,
      def: parsed.data,
      questions: new Map(allQuestions(parsed.data).map(({ question }) => [question.code, question])),
    });
  }
  return out;
}

export interface PreparedBatch {
  rows: Prepared[];
  errors: ImportError[];
  count: number;
}
export interface PrepareState {
  scored: Map<string, Prepared>;
  errors: ImportError[];
}

/** Validates, scores and serialises rows[from, to) into `state` (the same assessment twice: the later row wins). */
export function prepareRange(
  byCode: Map<string, Version>,
  rows: SourceRow[],
  from: number,
  to: number,
  state: PrepareState,
): void {
  const { scored, errors } = state;
  for (let i = from; i < to; i++) {
    const r = rows[i];
    const plan = planOf(r.header);
    const cell = (index: number) => r.fields[index] ?? '';
    const taxCode = cell(plan.taxCode);
    const rowErrors: ImportError[] = [];
    const year = /^\d{4}$/.test(cell(plan.year)) ? Number(cell(plan.year)) : NaN;
    if (!(year >= 2000 && year <= 2100)) rowErrors.push(toRowIssue(r.row, { field: 'year', reason: 'IMPORT_YEAR' }));
    if (!/^\d{10}(-\d{3})?$/.test(taxCode))
      rowErrors.push(toRowIssue(r.row, { field: 'taxCode', reason: 'IMPORT_TAX_CODE_FORMAT' }));
    const version = byCode.get(`${cell(plan.frameworkCode)}@${cell(plan.frameworkVersion)}`);
    if (!version)
      rowErrors.push(
        toRowIssue(r.row, {
          field: 'frameworkVersion',
          reason: 'IMPORT_NO_VERSION',
          params: {
            version: cell(plan.frameworkVersion),
            framework: cell(plan.frameworkCode),
          },
        }),
      );
    if (rowErrors.length || !version) {
      errors.push(...rowErrors);
      continue;
    }
    const s = scoreRow(version, r);
    if (!s.ok) {
      errors.push(...s.errors);
      continue;
    }
    const scores = {
      frameworkVersionId: version.id,
      year,
      totalScore: s.snapshot.total,
      overallLevel: s.snapshot.overallLevel,
      pillarScores: s.snapshot.pillars.map((p) => p.score),
    };
    scored.set(`${taxCode}|${version.id}|${year}`, {
      row: r.row,
      taxCode,
      ...scores,
      copyText: importRowText({
        ...scores,
        answersJson: JSON.stringify(s.answers),
        snapshotJson: JSON.stringify(packSnapshot(version.def, s.snapshot)),
      }),
    });
  }
}
