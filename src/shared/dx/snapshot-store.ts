import type { FrameworkDefinition, FrameworkNode } from './framework-format.js';
import { type ScoreSnapshot, scoreAssessment } from './scoring.js';

/**
 * How a score snapshot is stored in `dx_assessments.snapshot`. Everything the scorer computed from the answers
 * is kept (every node's score, each pillar's share and level, total, overall level, answered count, missing
 * required questions); what is pure data of the frozen framework version (maxima, codes, level names) is looked
 * up from that version when read. A snapshot is ~300 bytes instead of ~3 KB: at a million imported assessments
 * that is the difference between a row PostgreSQL compresses out of line and one it writes as is.
 * Numbers travel as comma-joined strings: jsonb parses each JSON number as a numeric, one by one, which tripled
 * the COPY time of a batch.
 */
export interface StoredSnapshot {
  f: 2;
  /** total, overall level, answered count */
  t: number;
  l: number;
  a: number;
  /** node scores in definition order (pre-order: a node, then its children) */
  s: string;
  /** per pillar: share (%) and level */
  ps: string;
  pl: string;
  /** required questions unanswered (empty for submitted assessments) */
  r?: string[];
}

interface Layout {
  codes: string[];
  empty: ScoreSnapshot;
}
const layouts = new WeakMap<object, Layout>();

function layoutOf(def: FrameworkDefinition): Layout {
  let l = layouts.get(def);
  if (!l) {
    const codes: string[] = [];
    const walk = (n: FrameworkNode) => {
      codes.push(n.code);
      n.children?.forEach(walk);
    };
    def.pillars.forEach(walk);
    // maxima do not depend on the answers (hidden questions keep theirs), so the empty scoring has them all
    layouts.set(def, (l = { codes, empty: scoreAssessment(def, {}) }));
  }
  return l;
}

const nums = (s: string) => (s === '' ? [] : s.split(',').map(Number));

export function packSnapshot(def: FrameworkDefinition, s: ScoreSnapshot): StoredSnapshot | ScoreSnapshot {
  // normalised (2025): maxima depend on the firm's industry and on what is shown, so they are kept with the scores
  if (def.overall.type === 'normalised') return s;
  const { codes } = layoutOf(def);
  const out: StoredSnapshot = {
    f: 2,
    t: s.total,
    l: s.overallLevel,
    a: s.answeredCount,
    s: codes.map((c) => s.nodes[c].score).join(','),
    ps: s.pillars.map((p) => p.share).join(','),
    pl: s.pillars.map((p) => p.level).join(','),
  };
  if (s.requiredMissing.length) out.r = s.requiredMissing;
  return out;
}

/** The full snapshot from its stored form (a snapshot stored whole, as before this format, is returned as is). */
export function unpackSnapshot(def: FrameworkDefinition, stored: unknown): ScoreSnapshot | null {
  if (stored === null || stored === undefined) return null;
  const p = stored as Partial<StoredSnapshot> & Partial<ScoreSnapshot>;
  if (p.f !== 2) return stored as ScoreSnapshot;
  const { codes, empty } = layoutOf(def);
  const scores = nums(p.s!);
  const shares = nums(p.ps!);
  const levels = nums(p.pl!);
  const nodes: ScoreSnapshot['nodes'] = {};
  codes.forEach((c, i) => {
    nodes[c] = { score: scores[i], max: empty.nodes[c].max };
  });
  return {
    frameworkCode: empty.frameworkCode,
    version: empty.version,
    total: p.t!,
    max: empty.max,
    overallLevel: p.l!,
    overallLevelName: def.levelNames.find((x) => x.level === p.l)?.name ?? { vi: String(p.l), en: String(p.l) },
    pillars: empty.pillars.map((e, i) => ({
      code: e.code,
      score: nodes[e.code].score,
      max: e.max,
      share: shares[i],
      level: levels[i],
    })),
    nodes,
    answeredCount: p.a!,
    requiredMissing: p.r ?? [],
  };
}
