import { type Answers, visibleQuestionCodes } from './answers.js';
import { allQuestions, type FrameworkDefinition, type Question } from './framework-format.js';
import { scoreAssessment } from './scoring.js';

/** The answer that scores most on a question, and its label; undefined for text and file evidence. */
export function bestAnswer(q: Question): { value: unknown; label: { vi: string; en: string } | null } | undefined {
  switch (q.type) {
    case 'single': {
      const o = [...q.options].sort((a, b) => b.score - a.score)[0];
      return { value: o.code, label: o.label };
    }
    case 'multi':
      return { value: q.options.map((o) => o.code), label: null };
    case 'number':
    case 'ratio': {
      const top = Math.max(...q.bands.map((b) => b.score));
      return { value: q.bands.find((b) => b.score === top)!.from, label: null };
    }
    case 'yesno':
      return q.yesScore >= q.noScore ? { value: true, label: null } : { value: false, label: null };
    default:
      return undefined;
  }
}

export interface Improvement {
  question: string;
  pillar: string;
  text: { vi: string; en: string };
  suggested: unknown;
  suggestedLabel: { vi: string; en: string } | null;
  gain: number;
  newTotal: number;
  newLevel: number;
  /** whether the answer lifts the overall level; when not, it is a step toward the next level */
  levelUp: boolean;
}

/**
 * One question at a time, what the best answer would do: ranked by the overall level reached, then by
 * points gained. Only questions currently shown and not already at their best are tried. At the framework's top
 * level there is no level left to reach, so nothing is suggested.
 */
export function topImprovements(def: FrameworkDefinition, answers: Answers, limit = 5): Improvement[] {
  const base = scoreAssessment(def, answers);
  const top = Math.max(...def.levelNames.map((l) => l.level));
  if (base.overallLevel >= top) return [];
  const visible = visibleQuestionCodes(def, answers);
  const out: Improvement[] = [];
  for (const { question: q, pillar } of allQuestions(def)) {
    if (!visible.has(q.code)) continue;
    const best = bestAnswer(q);
    if (!best) continue;
    const s = scoreAssessment(def, { ...answers, [q.code]: best.value });
    const gain = Math.round((s.total - base.total) * 100) / 100;
    if (gain <= 0) continue;
    out.push({
      question: q.code,
      pillar,
      text: q.text,
      suggested: best.value,
      suggestedLabel: best.label,
      gain,
      newTotal: s.total,
      newLevel: s.overallLevel,
      levelUp: s.overallLevel > base.overallLevel,
    });
  }
  return out
    .sort((a, b) => b.newLevel - a.newLevel || b.gain - a.gain || a.question.localeCompare(b.question))
    .slice(0, limit);
}

/** The recommendation for a pillar at its level: the one for the highest level not above it. */
export function recommendationFor(
  recs: { level: number; text: { vi: string; en: string } }[] | undefined,
  level: number,
) {
  const fit = (recs ?? []).filter((r) => r.level <= level).sort((a, b) => b.level - a.level)[0];
  return fit?.text ?? null;
}
