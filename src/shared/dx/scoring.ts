import type { FrameworkDefinition, FrameworkNode, Question } from './framework-format.js';
import { type Answers, checkAnswer, isAnswered, visibleQuestionCodes } from './answers.js';
import { BIG, NUM, type Arith, Overflow } from './exact.js';

export interface NodeScore { score: number; max: number }
export interface PillarScore { code: string; score: number; max: number; share: number; level: number }
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

interface CompiledQuestion { q: Question; max: number; weight: number; options: Map<string, number> }
interface CompiledNode { node: FrameworkNode; max: number | null; weight: number; questions: CompiledQuestion[]; children: CompiledNode[] }

/** Option scores, maxima and weights in hundredths, once per definition object (scoring runs a million times). */
const compiledCache = new WeakMap<object, CompiledNode[]>();
function compile(def: FrameworkDefinition): CompiledNode[] {
  const cached = compiledCache.get(def);
  if (cached) return cached;
  const question = (q: Question): CompiledQuestion => {
    const options = new Map<string, number>(q.type === 'single' || q.type === 'multi' ? q.options.map((o) => [o.code, hundredths(o.score)]) : []);
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
  const node = (n: FrameworkNode): CompiledNode => ({
    node: n, max: n.maxPoints === undefined ? null : hundredths(n.maxPoints), weight: hundredths(n.weight ?? 1),
    questions: (n.questions ?? []).map(question), children: (n.children ?? []).map(node),
  });
  const out = def.pillars.map(node);
  compiledCache.set(def, out);
  return out;
}

/** A question's points in hundredths; unanswered, hidden or invalid values score 0. */
function questionScore(c: CompiledQuestion, value: unknown): number {
  const q = c.q;
  if (!isAnswered(value) || checkAnswer(q, value) !== null) return 0;
  switch (q.type) {
    case 'single': return c.options.get(value as string)!;
    case 'multi': return Math.min(c.max, (value as string[]).reduce((s, code) => s + c.options.get(code)!, 0));
    case 'number': case 'ratio': {
      let score = 0;
      for (const b of q.bands) if ((value as number) >= b.from) score = hundredths(b.score);
      return score;
    }
    case 'yesno': return hundredths(value ? q.yesScore : q.noScore);
    default: return 0;
  }
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
  const visible = visibleQuestionCodes(def, answers);
  const nodes: Record<string, NodeScore> = {};
  let answeredCount = 0;
  const requiredMissing: string[] = [];
  const bandLevel = (bands: { level: number; abovePercent: number; inclusive?: boolean }[], score: T, max: T) => {
    let level = bands[0].level;
    for (const b of bands) if (A.shareAbove(score, max, hundredths(b.abovePercent), !!b.inclusive)) level = b.level;
    return level;
  };

  const scoreNode = (c: CompiledNode): { score: T; max: T } => {
    const parts: { score: T; max: T; weight: T }[] = [];
    for (const cq of c.questions) {
      const q = cq.q;
      const shown = visible.has(q.code);
      if (shown && isAnswered(answers[q.code])) answeredCount += 1;
      else if (shown && q.required) requiredMissing.push(q.code);
      if (q.type === 'text' || q.type === 'file') continue;
      parts.push({ score: A.int(shown ? questionScore(cq, answers[q.code]) : 0), max: A.int(cq.max), weight: A.int(cq.weight) });
    }
    for (const child of c.children) {
      const r = scoreNode(child);
      parts.push({ score: r.score, max: r.max, weight: A.int(child.weight) });
    }
    let result: { score: T; max: T };
    if (c.node.aggregate === 'weighted') {
      const max = A.int(c.max ?? 0);
      const scored = parts.filter((p) => !A.isZero(p.max));
      const wSum = scored.reduce((s, p) => A.add(s, p.weight), A.int(0));
      const mean = A.isZero(wSum) ? A.int(0) : A.div(scored.reduce((s, p) => A.add(s, A.mul(p.weight, A.div(p.score, p.max))), A.int(0)), wSum);
      result = { score: A.mul(mean, max), max };
    } else {
      const sum = parts.reduce((s, p) => A.add(s, p.score), A.int(0));
      const max = c.max !== null ? A.int(c.max) : parts.reduce((s, p) => A.add(s, p.max), A.int(0));
      result = { score: A.min(sum, max), max };
    }
    nodes[c.node.code] = { score: A.round2(result.score), max: A.round2(result.max) };
    return result;
  };

  const scheme = (code: string) => def.levelSchemes.find((s) => s.code === code)!.bands;
  const pillarBands = scheme(def.pillarLevelScheme);
  const pillarExact = compile(def).map((c) => ({ code: c.node.code, ...scoreNode(c) }));
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
  const levelName = def.levelNames.find((l) => l.level === overallLevel)?.name ?? { vi: String(overallLevel), en: String(overallLevel) };
  return {
    frameworkCode: def.code,
    version: def.version,
    total: A.round2(total),
    max: A.round2(max),
    overallLevel,
    overallLevelName: levelName,
    pillars,
    nodes,
    answeredCount,
    requiredMissing,
  };
}

/** The bigint path alone, so tests can prove both paths agree. */
export const scoreAssessmentBigint = (def: FrameworkDefinition, answers: Answers): ScoreSnapshot => scoreWith(BIG, def, answers);
