import type { FrameworkDefinition, FrameworkNode, Question } from './framework-format.js';
import { type Answers, checkAnswer, industryOf, isAnswered, visibleQuestionCodes } from './answers.js';
import { catalogueMaxTwice, catalogueScoreTwice } from './framework-format.js';
import { BIG, NUM, type Arith, Overflow, round2Int, safeInt } from './exact.js';

export interface NodeScore {
  score: number;
  max: number;
}
export interface PillarScore {
  code: string;
  score: number;
  max: number;
  share: number;
  level: number;
}
export interface ScoreSnapshot {
  frameworkCode: string;
  version: number;
  total: number;
  max: number;
  overallLevel: number;
  overallLevelName: { vi: string; en: string };
  pillars: PillarScore[];
  nodes: Record<string, NodeScore>;
  answeredCount: number;
  requiredMissing: string[];
}

/** Points are integers in hundredths (the format allows two decimals), so sums and maxima are exact. */
const hundredths = (v: number) => Math.round(v * 100);

interface CompiledQuestion {
  q: Question;
  max: number;
  weight: number;
  options: Map<string, number>;
}
interface CompiledNode {
  node: FrameworkNode;
  max: number | null;
  weight: number;
  questions: CompiledQuestion[];
  children: CompiledNode[];
  /** Σ maxima of the scored questions directly under the node (answer-independent) */
  questionMax: number;
  /**
   * No weighted node in this subtree: every score in it is a whole number of hundredths, so it is summed on plain
   * integers (the integer path) with its maximum — answer-independent, hidden questions keep theirs — known here.
   */
  allSum: boolean;
  intMax: number;
}

/** Option scores, maxima and weights in hundredths, once per definition object (scoring runs a million times). */
const compiledCache = new WeakMap<object, CompiledNode[]>();
function compile(def: FrameworkDefinition): CompiledNode[] {
  const cached = compiledCache.get(def);
  if (cached) return cached;
  const question = (q: Question): CompiledQuestion => {
    const options = new Map<string, number>(
      q.type === 'single' || q.type === 'multi' ? q.options.map((o) => [o.code, hundredths(o.score)]) : [],
    );
    let max = 0;
    if (q.type === 'single') max = Math.max(0, ...options.values());
    if (q.type === 'multi') {
      for (const o of options.values()) max += o;
      if (q.maxPoints !== undefined) max = Math.min(max, hundredths(q.maxPoints));
    }
    if (q.type === 'number' || q.type === 'ratio') max = Math.max(0, ...q.bands.map((b) => hundredths(b.score)));
    if (q.type === 'yesno') max = Math.max(hundredths(q.yesScore), hundredths(q.noScore));
    return { q, max, weight: hundredths(q.weight ?? 1), options };
  };
  const node = (n: FrameworkNode): CompiledNode => {
    const questions = (n.questions ?? []).map(question);
    const children = (n.children ?? []).map(node);
    const max = n.maxPoints === undefined ? null : hundredths(n.maxPoints);
    const questionMax = questions.reduce(
      (sum, c) => (c.q.type === 'text' || c.q.type === 'file' ? sum : sum + c.max),
      0,
    );
    const intMax = max ?? children.reduce((sum, c) => sum + c.intMax, questionMax);
    return {
      node: n,
      max,
      weight: hundredths(n.weight ?? 1),
      questions,
      children,
      questionMax,
      // a maximum past the safe integers takes the generic path, which overflows to bigint as before
      allSum: n.aggregate !== 'weighted' && children.every((c) => c.allSum) && Number.isSafeInteger(intMax),
      intMax,
    };
  };
  const out = def.pillars.map(node);
  compiledCache.set(def, out);
  return out;
}

/** A question's points in hundredths; unanswered, hidden or invalid values score 0. */
function questionScore(c: CompiledQuestion, value: unknown): number {
  const q = c.q;
  switch (q.type) {
    // option lookups stand in for checkAnswer here: an unknown code, a repeat or a wrong type scores 0 as there
    case 'single':
      return typeof value === 'string' ? (c.options.get(value) ?? 0) : 0;
    case 'multi': {
      if (!Array.isArray(value)) return 0;
      let sum = 0;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        const points = typeof v === 'string' ? c.options.get(v) : undefined;
        if (points === undefined || value.indexOf(v) !== i) return 0;
        sum += points;
      }
      return Math.min(c.max, sum);
    }
    case 'number':
    case 'ratio': {
      if (!isAnswered(value) || checkAnswer(q, value) !== null) return 0;
      let score = 0;
      for (const b of q.bands) if ((value as number) >= b.from) score = hundredths(b.score);
      return score;
    }
    case 'yesno':
      return typeof value === 'boolean' ? hundredths(value ? q.yesScore : q.noScore) : 0;
    default:
      return 0;
  }
}

interface Run<T> {
  A: Arith<T>;
  answers: Answers;
  visible: Set<string>;
  nodes: Record<string, NodeScore>;
  answered: number;
  missing: string[];
}

/**
 * The points of the questions directly under a node, in hundredths; counts answered and missing required ones.
 * Points are whole hundredths (≤ 10⁷ each by the format): summed as plain integers, exactly.
 */
function questionPoints<T>(run: Run<T>, c: CompiledNode, scores: number[] | null): number {
  let sum = 0;
  for (const cq of c.questions) {
    const q = cq.q;
    const shown = run.visible.has(q.code);
    const value = run.answers[q.code];
    if (shown && isAnswered(value)) run.answered += 1;
    else if (shown && q.required) run.missing.push(q.code);
    if (q.type === 'text' || q.type === 'file') continue;
    const points = shown ? questionScore(cq, value) : 0;
    sum += points;
    scores?.push(points);
  }
  return sum;
}

/**
 * The integer path of a sum-only subtree: the same sums, minima and rounding as the rational arithmetic on whole
 * hundredths (NUM), without an object per step — scoring a million imported assessments spent most of its time
 * allocating those. Throws Overflow where NUM would.
 */
function sumScore<T>(run: Run<T>, c: CompiledNode): number {
  let sum = questionPoints(run, c, null);
  for (const child of c.children) sum = safeInt(sum + sumScore(run, child));
  const score = Math.min(sum, c.intMax);
  run.nodes[c.node.code] = { score: round2Int(score), max: round2Int(c.intMax) };
  return score;
}

/** A node's exact score and maximum; records every node's rounded score in `run.nodes` (children first). */
function scoreNode<T>(run: Run<T>, c: CompiledNode): { score: T; max: T } {
  const A = run.A;
  if (c.allSum && (A as unknown) === NUM) return { score: A.int(sumScore(run, c)), max: A.int(c.intMax) };
  const questionScores: number[] | null = c.node.aggregate === 'weighted' ? [] : null;
  const questionSum = questionPoints(run, c, questionScores);
  let result: { score: T; max: T };
  if (questionScores) {
    const parts: { score: T; max: T; weight: T }[] = [];
    let qi = 0;
    for (const cq of c.questions) {
      if (cq.q.type === 'text' || cq.q.type === 'file') continue;
      parts.push({ score: A.int(questionScores[qi++]), max: A.int(cq.max), weight: A.int(cq.weight) });
    }
    for (const child of c.children) parts.push({ ...scoreNode(run, child), weight: A.int(child.weight) });
    const max = A.int(c.max ?? 0);
    const scored = parts.filter((p) => !A.isZero(p.max));
    const wSum = scored.reduce((sum, p) => A.add(sum, p.weight), A.int(0));
    const mean = A.isZero(wSum)
      ? A.int(0)
      : A.div(
          scored.reduce((sum, p) => A.add(sum, A.mul(p.weight, A.div(p.score, p.max))), A.int(0)),
          wSum,
        );
    result = { score: A.mul(mean, max), max };
  } else {
    let sum = A.int(questionSum);
    let max = A.int(c.questionMax);
    for (const child of c.children) {
      const r = scoreNode(run, child);
      sum = A.add(sum, r.score);
      max = A.add(max, r.max);
    }
    if (c.max !== null) max = A.int(c.max);
    result = { score: A.min(sum, max), max };
  }
  run.nodes[c.node.code] = { score: A.round2(result.score), max: A.round2(result.max) };
  return result;
}

/**
 * Scores answers against a framework version: per node, per pillar with its level, total and overall level.
 * Pure and deterministic; hidden (skipped) questions and invalid values score 0 but keep their maximum, so a
 * "no" that hides follow-up questions cannot raise the share. Exact: rationals in hundredths of a point, rounded
 * half-up to two decimals once at the end — on plain integers when they stay safe, else on bigint (same result).
 */
export function scoreAssessment(def: FrameworkDefinition, answers: Answers): ScoreSnapshot {
  try {
    return scoreWith(NUM, def, answers);
  } catch (e) {
    if (e instanceof Overflow) return scoreWith(BIG, def, answers);
    throw e;
  }
}

function scoreWith<T>(A: Arith<T>, def: FrameworkDefinition, answers: Answers): ScoreSnapshot {
  if (def.overall.type === 'normalised') return scoreNormalised(A, def, answers, def.overall.levelScheme);
  const run: Run<T> = { A, answers, visible: visibleQuestionCodes(def, answers), nodes: {}, answered: 0, missing: [] };
  const bandLevel = (bands: { level: number; abovePercent: number; inclusive?: boolean }[], score: T, max: T) => {
    let level = bands[0].level;
    for (const b of bands) if (A.shareAbove(score, max, hundredths(b.abovePercent), !!b.inclusive)) level = b.level;
    return level;
  };

  const scheme = (code: string) => def.levelSchemes.find((s) => s.code === code)!.bands;
  const pillarBands = scheme(def.pillarLevelScheme);
  const pillarExact = compile(def).map((c) => ({ code: c.node.code, ...scoreNode(run, c) }));
  const pillars: PillarScore[] = pillarExact.map((p) => ({
    code: p.code,
    score: A.round2(p.score),
    max: A.round2(p.max),
    share: A.percent(p.score, p.max),
    level: bandLevel(pillarBands, p.score, p.max),
  }));

  let total = pillarExact.reduce((s, p) => A.add(s, p.score), A.int(0));
  let max = pillarExact.reduce((s, p) => A.add(s, p.max), A.int(0));
  let overallLevel: number;
  const rule = def.overall;
  if (rule.type === 'mean') {
    const count = A.int(pillarExact.length);
    total = A.div(total, count);
    max = A.div(max, count);
    overallLevel = bandLevel(scheme(rule.levelScheme), total, max);
  } else {
    overallLevel = rule.baseLevel;
    for (const g of rule.gates) {
      const enough = pillars.filter((p) => p.level >= g.pillarLevelAtLeast).length >= g.minPillars;
      if (A.gt(total, A.int(hundredths(g.totalAbove))) && enough && g.level > overallLevel) overallLevel = g.level;
    }
  }
  const levelName = def.levelNames.find((l) => l.level === overallLevel)?.name ?? {
    vi: String(overallLevel),
    en: String(overallLevel),
  };
  return {
    frameworkCode: def.code,
    version: def.version,
    total: A.round2(total),
    max: A.round2(max),
    overallLevel,
    overallLevelName: levelName,
    pillars,
    nodes: run.nodes,
    answeredCount: run.answered,
    requiredMissing: run.missing,
  };
}

/**
 * The 2025 generation (`overall: normalised`): only what is shown to this firm counts, score and maximum alike —
 * questions hidden by skip logic or by another industry, and tools outside its industry's catalogue, add nothing to
 * either. Every node adds up; its maximum is that of its shown parts. Total = 100 × achieved / applicable maximum,
 * exact (a dependent tool's half point is a rational, not a float), banded on 0–100 by `levelScheme`.
 */
function scoreNormalised<T>(
  A: Arith<T>,
  def: FrameworkDefinition,
  answers: Answers,
  schemeCode: string,
): ScoreSnapshot {
  const visible = visibleQuestionCodes(def, answers);
  // no industry chosen yet: only the tools every industry's catalogue lists ('' matches no industry list)
  const industry = def.industryQuestion === undefined ? null : (industryOf(def, answers) ?? '');
  const nodes: Record<string, NodeScore> = {};
  let answered = 0;
  const missing: string[] = [];
  const walk = (c: CompiledNode): { score: T; max: T } => {
    let score = A.int(0);
    let max = A.int(0);
    for (const cq of c.questions) {
      const q = cq.q;
      if (!visible.has(q.code)) continue;
      const value = answers[q.code];
      if (isAnswered(value)) answered += 1;
      else if (q.required) missing.push(q.code);
      if (q.type === 'text' || q.type === 'file') continue;
      if (q.type === 'catalogue') {
        const two = A.int(2);
        score = A.add(score, A.div(A.int(catalogueScoreTwice(q.tools, value, industry)), two));
        max = A.add(max, A.div(A.int(catalogueMaxTwice(q.tools, industry)), two));
      } else {
        score = A.add(score, A.int(questionScore(cq, value)));
        max = A.add(max, A.int(cq.max));
      }
    }
    for (const child of c.children) {
      const r = walk(child);
      score = A.add(score, r.score);
      max = A.add(max, r.max);
    }
    nodes[c.node.code] = { score: A.round2(score), max: A.round2(max) };
    return { score, max };
  };
  const bandLevel = (code: string, score: T, max: T) => {
    const bands = def.levelSchemes.find((s) => s.code === code)!.bands;
    let level = bands[0].level;
    for (const b of bands) if (A.shareAbove(score, max, hundredths(b.abovePercent), !!b.inclusive)) level = b.level;
    return level;
  };
  const exact = compile(def).map((c) => ({ code: c.node.code, ...walk(c) }));
  const achieved = exact.reduce((s, p) => A.add(s, p.score), A.int(0));
  const applicable = exact.reduce((s, p) => A.add(s, p.max), A.int(0));
  const hundred = A.int(10_000); // 100 points, in hundredths
  const total = A.isZero(applicable) ? A.int(0) : A.mul(A.div(achieved, applicable), hundred);
  const overallLevel = bandLevel(schemeCode, total, hundred);
  return {
    frameworkCode: def.code,
    version: def.version,
    total: A.round2(total),
    max: 100,
    overallLevel,
    overallLevelName: def.levelNames.find((l) => l.level === overallLevel)?.name ?? {
      vi: String(overallLevel),
      en: String(overallLevel),
    },
    pillars: exact.map((p) => ({
      code: p.code,
      score: A.round2(p.score),
      max: A.round2(p.max),
      share: A.percent(p.score, p.max),
      level: bandLevel(def.pillarLevelScheme, p.score, p.max),
    })),
    nodes,
    answeredCount: answered,
    requiredMissing: missing,
  };
}

/** The bigint path alone, so tests can prove both paths agree. */
export const scoreAssessmentBigint = (def: FrameworkDefinition, answers: Answers): ScoreSnapshot =>
  scoreWith(BIG, def, answers);
