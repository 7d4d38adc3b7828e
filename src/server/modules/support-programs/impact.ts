import type { SizeClass } from '../../../shared/enterprises/size-class.js';
import type { ImpactResult } from '../../../shared/contracts/support-programs.js';
import { IMPACT_CAVEAT } from '../../../shared/contracts/support-programs.js';

/** One scored assessment as the comparison needs it. */
export interface ScoredTotal {
  enterpriseId: string;
  frameworkVersionId: string;
  year: number;
  totalScore: number | null;
  overallLevel: number | null;
  sectorCode: string | null;
  sizeClass: string | null;
}

/** The analytics' small-cell rule (dx-analytics service `suppress`): which cells to withhold, and k. */
export type Suppress = (cells: { coords: readonly string[]; n: number }[]) => {
  suppressBelow: number;
  hidden: Set<number>;
};

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Impact of support, as far as observational data can say: for each firm, its start (the latest scored assessment
 * in or before `baselineYear`) and its end (the latest scored assessment after it on the same framework version —
 * totals of different versions or frameworks are never compared). Firms are grouped by the start's sector, size
 * class and level; in each group, enrolled firms' mean change of total score is set beside the others'. A group
 * where either side counts fewer than k firms is withheld, with the complementary cells the analytics' rule adds
 * (both sides of a cell are cells of the protected table: enrolled and others along one more dimension).
 */
export function compareImpact(
  programId: string,
  rows: readonly ScoredTotal[],
  enrolled: ReadonlySet<string>,
  baselineYear: number,
  suppress: Suppress,
): ImpactResult {
  const byFirm = new Map<string, ScoredTotal[]>();
  for (const r of rows) {
    if (r.totalScore === null || r.overallLevel === null || !r.sectorCode || !r.sizeClass) continue;
    const list = byFirm.get(r.enterpriseId);
    if (list) list.push(r);
    else byFirm.set(r.enterpriseId, [r]);
  }
  interface Group {
    sectorCode: string;
    sizeClass: SizeClass;
    startLevel: number;
    enrolled: number[];
    others: number[];
  }
  const groups = new Map<string, Group>();
  let comparedEnrolled = 0;
  for (const [enterpriseId, list] of byFirm) {
    const start = list.filter((r) => r.year <= baselineYear).sort((a, b) => b.year - a.year)[0];
    if (!start) continue;
    const end = list
      .filter((r) => r.year > start.year && r.frameworkVersionId === start.frameworkVersionId)
      .sort((a, b) => b.year - a.year)[0];
    if (!end) continue;
    const key = `${start.sectorCode}|${start.sizeClass}|${start.overallLevel}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        sectorCode: start.sectorCode!,
        sizeClass: start.sizeClass as SizeClass,
        startLevel: start.overallLevel!,
        enrolled: [],
        others: [],
      };
      groups.set(key, g);
    }
    const change = end.totalScore! - start.totalScore!;
    if (enrolled.has(enterpriseId)) {
      g.enrolled.push(change);
      comparedEnrolled++;
    } else g.others.push(change);
  }
  // only groups with an enrolled firm are shown
  const shown = [...groups.values()]
    .filter((g) => g.enrolled.length > 0)
    .sort(
      (a, b) =>
        a.sectorCode.localeCompare(b.sectorCode) ||
        a.sizeClass.localeCompare(b.sizeClass) ||
        a.startLevel - b.startLevel,
    );
  // the protected table: group × side (enrolled / others)
  const cells = shown.flatMap((g) => [
    { coords: [g.sectorCode, g.sizeClass, String(g.startLevel), 'enrolled'], n: g.enrolled.length },
    { coords: [g.sectorCode, g.sizeClass, String(g.startLevel), 'others'], n: g.others.length },
  ]);
  const { suppressBelow, hidden } = suppress(cells);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  let enrolledN = 0;
  let othersN = 0;
  let weighted = 0;
  const out = shown.map((g, i) => {
    // a group is published only when both of its sides are: a difference needs both
    const published = !hidden.has(2 * i) && !hidden.has(2 * i + 1) && g.others.length > 0;
    if (!published)
      return {
        sectorCode: g.sectorCode,
        sizeClass: g.sizeClass,
        startLevel: g.startLevel,
        enrolled: null,
        others: null,
        difference: null,
      };
    const e = mean(g.enrolled);
    const o = mean(g.others);
    enrolledN += g.enrolled.length;
    othersN += g.others.length;
    weighted += (e - o) * g.enrolled.length;
    return {
      sectorCode: g.sectorCode,
      sizeClass: g.sizeClass,
      startLevel: g.startLevel,
      enrolled: { n: g.enrolled.length, meanChange: round2(e) },
      others: { n: g.others.length, meanChange: round2(o) },
      difference: round2(e - o),
    };
  });
  return {
    programId,
    baselineYear,
    suppressBelow,
    caveat: { ...IMPACT_CAVEAT },
    cells: out,
    overall: enrolledN > 0 ? { enrolledN, othersN, weightedDifference: round2(weighted / enrolledN) } : null,
    notComparable: enrolled.size - comparedEnrolled,
  };
}
