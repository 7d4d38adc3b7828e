import { sameGeneration } from './applicability.js';
import { answerIssues, type Answers } from './answers.js';
import type { FrameworkDefinition, FrameworkGeneration } from './framework-format.js';

/**
 * Waves: a firm assessed again in a later year. Results are compared (a change computed, a mean of changes taken)
 * only between assessments this function calls comparable; otherwise the result says "framework changed".
 *
 * Two assessments are comparable when they use the same framework (its code) in the same generation (QĐ 1970/2021,
 * QĐ 2158/2023, QĐ 1567/2025 …, `sameGeneration()`): a framework whose new version belongs to a new generation starts
 * a new series. A reference without its generation counts as `custom` (the same code is then enough). The server, the
 * report, the timeline and the analytics all call this one function.
 */
export interface FrameworkRef {
  code: string;
  generation?: FrameworkGeneration | null;
}
export function comparable(a: { framework: FrameworkRef }, b: { framework: FrameworkRef }): boolean {
  return a.framework.code === b.framework.code && sameGeneration(a.framework, b.framework);
}

/**
 * The answers a new wave starts from: the previous assessment's, kept when the new framework version still asks the
 * question and the value still fits it (same code, compatible answer type and options); the others are dropped.
 */
export function carryOver(def: Pick<FrameworkDefinition, 'pillars'>, previous: Answers) {
  const bad = new Set(answerIssues(def, previous).map((i) => i.question));
  const answers: Answers = {};
  const dropped: string[] = [];
  for (const [code, value] of Object.entries(previous)) {
    if (value === null || value === undefined) continue;
    if (bad.has(code)) dropped.push(code);
    else answers[code] = value;
  }
  return { answers, carried: Object.keys(answers).sort(), dropped: dropped.sort() };
}

/** One scored assessment as a point of the firm's history. */
export interface WavePoint {
  assessmentId: string;
  year: number;
  framework: { code: string; version: number };
  total: number;
  level: number;
  pillars: { code: string; score: number; level: number }[];
}

export interface WaveChange {
  assessmentId: string;
  year: number;
  framework: { code: string; version: number };
  /** false: another framework generation — no number is given, the report says "framework changed" */
  comparable: boolean;
  /** this total minus that one's; null when not comparable */
  total: number | null;
  level: number | null;
  /** per pillar of this assessment; null where not comparable or that assessment has no pillar of that code */
  pillars: { code: string; score: number | null; level: number | null }[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The change of `now` since `then`. */
export function changeSince(now: WavePoint, then: WavePoint): WaveChange {
  const ok = comparable(now, then);
  const before = new Map(then.pillars.map((p) => [p.code, p]));
  return {
    assessmentId: then.assessmentId,
    year: then.year,
    framework: then.framework,
    comparable: ok,
    total: ok ? round(now.total - then.total) : null,
    level: ok ? now.level - then.level : null,
    pillars: now.pillars.map((p) => {
      const b = ok ? before.get(p.code) : undefined;
      return { code: p.code, score: b ? round(p.score - b.score) : null, level: b ? p.level - b.level : null };
    }),
  };
}

/**
 * The change of an assessment since the firm's previous scored assessment (the latest of an earlier year) and since
 * its first; null when there is none. `history`: the firm's scored assessments, any order.
 */
export function wavesChange(now: WavePoint, history: WavePoint[]) {
  const earlier = history.filter((h) => h.year < now.year && h.assessmentId !== now.assessmentId);
  earlier.sort((a, b) => a.year - b.year);
  const previous = earlier.at(-1);
  const first = earlier[0];
  return {
    previous: previous ? changeSince(now, previous) : null,
    first: first ? changeSince(now, first) : null,
  };
}

/** The firm's timeline: one point per scored assessment by year; `frameworkChanged` where it is not comparable with
 * the point before it. */
export function timeline<T extends { year: number; framework: FrameworkRef }>(points: T[]) {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  return sorted.map((p, i) => ({ ...p, frameworkChanged: i > 0 && !comparable(sorted[i - 1], p) }));
}
