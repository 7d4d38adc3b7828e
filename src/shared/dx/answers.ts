import type { FrameworkDefinition, Question } from './framework-format.js';
import { allQuestions, type FrameworkNode, parseCatalogueEntry, toolInIndustry } from './framework-format.js';
import type { Reasoned } from '../error-reasons.js';

/** An answer value as stored: option code, option codes, number, boolean or text (file: a file id). */
export type AnswerValue = string | string[] | number | boolean;
export type Answers = Record<string, unknown>;

/** Why a value does not fit its question, or null when it does. `null` (clearing an answer) always fits. */
export function checkAnswer(q: Question, value: unknown): Reasoned | null {
  if (value === null) return null;
  switch (q.type) {
    case 'single':
      if (typeof value !== 'string') return { reason: 'ANSWER_OPTION' };
      return q.options.some((o) => o.code === value)
        ? null
        : { reason: 'ANSWER_ONE_OF', params: { options: q.options.map((o) => o.code).join(', ') } };
    case 'multi': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { reason: 'ANSWER_OPTION_LIST' };
      if (new Set(value).size !== value.length) return { reason: 'ANSWER_REPEATED_OPTION' };
      const bad = (value as string[]).find((v) => !q.options.some((o) => o.code === v));
      return bad === undefined
        ? null
        : { reason: 'ANSWER_UNKNOWN_OPTION', params: { option: String(bad).slice(0, 40) } };
    }
    case 'number':
    case 'ratio': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { reason: 'MUST_BE_NUMBER' };
      const min = q.min ?? (q.type === 'ratio' ? 0 : undefined);
      const max = q.max ?? (q.type === 'ratio' ? 100 : undefined);
      if (min !== undefined && value < min) return { reason: 'MIN_VALUE', params: { min } };
      if (max !== undefined && value > max) return { reason: 'MAX_VALUE', params: { max } };
      return null;
    }
    case 'yesno':
      return typeof value === 'boolean' ? null : { reason: 'TRUE_OR_FALSE' };
    case 'catalogue': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { reason: 'ANSWER_OPTION_LIST' };
      const seen = new Set<string>();
      for (const v of value as string[]) {
        const e = parseCatalogueEntry(v);
        if (!e || seen.has(e.tool)) return { reason: 'ANSWER_CATALOGUE_ENTRY' };
        seen.add(e.tool);
        const t = q.tools.find((x) => x.code === e.tool);
        if (!t || !t.levels.some((l) => l.code === e.level))
          return { reason: 'ANSWER_UNKNOWN_OPTION', params: { option: v.slice(0, 40) } };
      }
      return null;
    }
    case 'text':
    case 'file': {
      if (typeof value !== 'string') return { reason: 'MUST_BE_TEXT' };
      const max = q.maxLength ?? (q.type === 'file' ? 200 : 2000);
      return value.length > max ? { reason: 'TOO_LONG', params: { max } } : null;
    }
  }
}

/** An empty string, empty list or null counts as not answered. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The questions currently shown, in document order. A question is shown when it has no `showIf`, or when
 * the question it depends on is itself shown and its answer matches — so hiding a parent hides the chain.
 */
export function visibleQuestionCodes(
  def: Pick<FrameworkDefinition, 'pillars' | 'industryQuestion'>,
  answers: Answers,
): Set<string> {
  const visible = new Set<string>();
  const otherIndustry = industryHidden(def, answers);
  for (const { question: q } of allQuestions(def)) {
    if (otherIndustry?.has(q.code)) continue;
    const cond = q.showIf;
    if (!cond) {
      visible.add(q.code);
      continue;
    }
    if (!visible.has(cond.question)) continue;
    const a = answers[cond.question];
    const ok =
      cond.anyOf !== undefined
        ? cond.anyOf.some((v) => v === a)
        : cond.includes !== undefined
          ? Array.isArray(a) && a.includes(cond.includes)
          : typeof a === 'number' && cond.min !== undefined && a >= cond.min;
    if (ok) visible.add(q.code);
  }
  return visible;
}

/** The firm's industry: its answer to the framework's industry question (null when none is asked or answered). */
export function industryOf(def: Pick<FrameworkDefinition, 'industryQuestion'>, answers: Answers): string | null {
  const a = def.industryQuestion === undefined ? undefined : answers[def.industryQuestion];
  return typeof a === 'string' && a !== '' ? a : null;
}

/** Questions under nodes restricted to industries other than the firm's (null when the framework has none). */
function industryHidden(def: Pick<FrameworkDefinition, 'pillars' | 'industryQuestion'>, answers: Answers) {
  if (def.industryQuestion === undefined) return null;
  const industry = industryOf(def, answers);
  const hidden = new Set<string>();
  const walk = (n: FrameworkNode, hide: boolean) => {
    const h = hide || (!!n.industries && (industry === null || !n.industries.includes(industry)));
    if (h) n.questions?.forEach((q) => hidden.add(q.code));
    n.children?.forEach((c) => walk(c, h));
  };
  def.pillars.forEach((p) => walk(p, false));
  return hidden;
}

export interface PillarProgress {
  code: string;
  answered: number;
  total: number;
  requiredMissing: string[];
}

/** Answered / shown questions per pillar, and the required ones still missing. */
export function progressOf(def: FrameworkDefinition, answers: Answers): PillarProgress[] {
  const visible = visibleQuestionCodes(def, answers);
  const byPillar = new Map<string, PillarProgress>(
    def.pillars.map((p) => [p.code, { code: p.code, answered: 0, total: 0, requiredMissing: [] }]),
  );
  for (const { question: q, pillar } of allQuestions(def)) {
    if (!visible.has(q.code)) continue;
    const p = byPillar.get(pillar)!;
    p.total += 1;
    if (isAnswered(answers[q.code])) p.answered += 1;
    else if (q.required) p.requiredMissing.push(q.code);
  }
  return [...byPillar.values()];
}

export interface ProgressSummary {
  /** the shown required questions: what submitting needs */
  required: { answered: number; total: number };
  /** the shown optional questions, told apart */
  optional: { answered: number; total: number };
  /** of the required ones, rounded down: 100 only when every one is answered */
  percent: number;
  requiredMissing: string[];
}

/** The questionnaire's progress as submitting sees it: the required questions, the optional ones apart. */
export function progressSummary(def: FrameworkDefinition, answers: Answers): ProgressSummary {
  const visible = visibleQuestionCodes(def, answers);
  const out: ProgressSummary = {
    required: { answered: 0, total: 0 },
    optional: { answered: 0, total: 0 },
    percent: 100,
    requiredMissing: [],
  };
  for (const { question: q } of allQuestions(def)) {
    if (!visible.has(q.code)) continue;
    const part = q.required ? out.required : out.optional;
    part.total += 1;
    if (isAnswered(answers[q.code])) part.answered += 1;
    else if (q.required) out.requiredMissing.push(q.code);
  }
  if (out.required.total) out.percent = Math.floor((out.required.answered / out.required.total) * 100);
  return out;
}

export interface AnswerIssue extends Reasoned {
  question: string;
}

/** Unknown question codes and values that do not fit their question (the web form and the server share this). */
export function answerIssues(
  def: Pick<FrameworkDefinition, 'pillars' | 'industryQuestion'>,
  answers: Answers,
): AnswerIssue[] {
  const byCode = new Map(allQuestions(def).map(({ question }) => [question.code, question]));
  const issues: AnswerIssue[] = [];
  for (const [code, value] of Object.entries(answers)) {
    const q = byCode.get(code);
    if (!q) {
      issues.push({ question: code, reason: 'NO_SUCH_QUESTION' });
      continue;
    }
    const why = checkAnswer(q, value);
    if (why) issues.push({ question: code, ...why });
    else if (q.type === 'catalogue' && Array.isArray(value) && def.industryQuestion !== undefined) {
      // a tool of another industry's catalogue (the industry given in the same write, else none chosen yet)
      const industry = industryOf(def, answers);
      const t = (value as string[])
        .map((v) => parseCatalogueEntry(v)!)
        .find(
          (e) =>
            !toolInIndustry(
              q.tools.find((x) => x.code === e.tool)!,
              industry,
            ),
        );
      if (t && industry !== null)
        issues.push({ question: code, reason: 'ANSWER_TOOL_INDUSTRY', params: { option: t.tool } });
    }
  }
  return issues;
}
