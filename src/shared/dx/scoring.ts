import type { FrameworkDefinition, FrameworkNode, Question } from './framework-format.js';
import { type Answers, checkAnswer, isAnswered, visibleQuestionCodes } from './answers.js';

/**
 * Exact rationals over bigint: points are integer hundredths, weighted means are fractions, and the result
 * is rounded half-up to two decimals once, at the end — so 0.1 + 0.2 never becomes 0.30000000000000004.
 */
interface Frac { n: bigint; d: bigint }
const gcd = (a: bigint, b: bigint): bigint => { a = a < 0n ? -a : a; while (b) [a, b] = [b, a % b]; return a; };
const frac = (n: bigint, d = 1n): Frac => { const g = gcd(n, d) || 1n; return { n: n / g, d: d / g }; };
const add = (a: Frac, b: Frac) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Frac, b: Frac) => frac(a.n * b.n, a.d * b.d);
const div = (a: Frac, b: Frac) => frac(a.n * b.d, a.d * b.n);
const ZERO = frac(0n);
/** Points as given in the definition (≤ 2 decimals) → exact hundredths. */
const pts = (v: number) => frac(BigInt(Math.round(v * 100)), 100n);
const minF = (a: Frac, b: Frac) => (a.n * b.d <= b.n * a.d ? a : b);
/** a > b, or a ≥ b when `orEqual` */
const above = (a: Frac, b: Frac, orEqual = false) => (orEqual ? a.n * b.d >= b.n * a.d : a.n * b.d > b.n * a.d);
/** Round half-up to two decimals (values here are never negative). */
export const round2 = (f: Frac): number => Number((2n * f.n * 100n + f.d) / (2n * f.d)) / 100;

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

function questionScore(q: Question, value: unknown): Frac {
  if (!isAnswered(value) || checkAnswer(q, value) !== null) return ZERO;
  switch (q.type) {
    case 'single': return pts(q.options.find((o) => o.code === value)!.score);
    case 'multi': {
      const sum = (value as string[]).reduce((s, c) => add(s, pts(q.options.find((o) => o.code === c)!.score)), ZERO);
      return q.maxPoints === undefined ? sum : minF(sum, pts(q.maxPoints));
    }
    case 'number': case 'ratio': {
      const band = [...q.bands].reverse().find((b) => (value as number) >= b.from);
      return band ? pts(band.score) : ZERO;
    }
    case 'yesno': return pts(value ? q.yesScore : q.noScore);
    default: return ZERO;
  }
}

function questionMax(q: Question): Frac {
  switch (q.type) {
    case 'single': return q.options.reduce((m, o) => (above(pts(o.score), m) ? pts(o.score) : m), ZERO);
    case 'multi': {
      const all = q.options.reduce((s, o) => add(s, pts(o.score)), ZERO);
      return q.maxPoints === undefined ? all : minF(all, pts(q.maxPoints));
    }
    case 'number': case 'ratio': return q.bands.reduce((m, b) => (above(pts(b.score), m) ? pts(b.score) : m), ZERO);
    case 'yesno': return above(pts(q.yesScore), pts(q.noScore)) ? pts(q.yesScore) : pts(q.noScore);
    default: return ZERO;
  }
}

/** Level of a share score/max in a scheme: the highest band passed (a zero maximum counts as share 0). */
function bandLevel(bands: { level: number; abovePercent: number; inclusive?: boolean }[], score: Frac, max: Frac): number {
  const share = max.n === 0n ? ZERO : div(score, max);
  let level = bands[0].level;
  for (const b of bands) if (above(share, frac(BigInt(Math.round(b.abovePercent * 100)), 10_000n), b.inclusive)) level = b.level;
  return level;
}

/**
 * Scores answers against a framework version: per node, per pillar with its level, total and overall level.
 * Pure and deterministic; hidden (skipped) questions and invalid values score 0 but keep their maximum, so a
 * "no" that hides follow-up questions cannot raise the share.
 */
export function scoreAssessment(def: FrameworkDefinition, answers: Answers): ScoreSnapshot {
  const visible = visibleQuestionCodes(def, answers);
  const nodes: Record<string, NodeScore> = {};
  const exact = new Map<string, { score: Frac; max: Frac }>();
  let answeredCount = 0;
  const requiredMissing: string[] = [];

  const scoreNode = (node: FrameworkNode): { score: Frac; max: Frac } => {
    const parts: { score: Frac; max: Frac; weight: number }[] = [];
    for (const q of node.questions ?? []) {
      const shown = visible.has(q.code);
      if (shown && isAnswered(answers[q.code])) answeredCount += 1;
      else if (shown && q.required) requiredMissing.push(q.code);
      if (q.type === 'text' || q.type === 'file') continue;
      parts.push({ score: shown ? questionScore(q, answers[q.code]) : ZERO, max: questionMax(q), weight: q.weight ?? 1 });
    }
    for (const c of node.children ?? []) parts.push({ ...scoreNode(c), weight: c.weight ?? 1 });
    let result: { score: Frac; max: Frac };
    if (node.aggregate === 'weighted') {
      const max = pts(node.maxPoints ?? 0);
      const scored = parts.filter((p) => p.max.n > 0n);
      const wSum = scored.reduce((s, p) => add(s, pts(p.weight)), ZERO);
      const mean = wSum.n === 0n ? ZERO : div(scored.reduce((s, p) => add(s, mul(pts(p.weight), div(p.score, p.max))), ZERO), wSum);
      result = { score: mul(mean, max), max };
    } else {
      const sum = parts.reduce((s, p) => add(s, p.score), ZERO);
      const max = node.maxPoints !== undefined ? pts(node.maxPoints) : parts.reduce((s, p) => add(s, p.max), ZERO);
      result = { score: minF(sum, max), max };
    }
    exact.set(node.code, result);
    nodes[node.code] = { score: round2(result.score), max: round2(result.max) };
    return result;
  };

  const scheme = (code: string) => def.levelSchemes.find((s) => s.code === code)!.bands;
  const pillarBands = scheme(def.pillarLevelScheme);
  const pillarExact = def.pillars.map((p) => ({ code: p.code, ...scoreNode(p) }));
  const pillars: PillarScore[] = pillarExact.map((p) => ({
    code: p.code,
    score: round2(p.score),
    max: round2(p.max),
    share: p.max.n === 0n ? 0 : round2(mul(div(p.score, p.max), frac(100n))),
    level: bandLevel(pillarBands, p.score, p.max),
  }));

  let total: Frac;
  let max: Frac;
  let overallLevel: number;
  const rule = def.overall;
  if (rule.type === 'mean') {
    const count = frac(BigInt(pillarExact.length));
    total = div(pillarExact.reduce((s, p) => add(s, p.score), ZERO), count);
    max = div(pillarExact.reduce((s, p) => add(s, p.max), ZERO), count);
    overallLevel = bandLevel(scheme(rule.levelScheme), total, max);
  } else {
    total = pillarExact.reduce((s, p) => add(s, p.score), ZERO);
    max = pillarExact.reduce((s, p) => add(s, p.max), ZERO);
    overallLevel = rule.baseLevel;
    for (const g of rule.gates) {
      const enough = pillars.filter((p) => p.level >= g.pillarLevelAtLeast).length >= g.minPillars;
      if (above(total, pts(g.totalAbove)) && enough && g.level > overallLevel) overallLevel = g.level;
    }
  }
  const levelName = def.levelNames.find((l) => l.level === overallLevel)?.name ?? { vi: String(overallLevel), en: String(overallLevel) };
  return {
    frameworkCode: def.code,
    version: def.version,
    total: round2(total),
    max: round2(max),
    overallLevel,
    overallLevelName: levelName,
    pillars,
    nodes,
    answeredCount,
    requiredMissing,
  };
}
