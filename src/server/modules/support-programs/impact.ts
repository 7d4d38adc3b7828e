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
export type Suppress = (cells: readonly { coords: readonly string[]; n: number }[]) => {
  suppressBelow: number;
  hidden: Set<number>;
};

/**
 * One comparison group (the start's sector, size class and level): per side, how many firms and the sum of their
 * changes of total score in hundredths of a point (exact: scores have two decimals).
 */
export interface ImpactGroup {
  sectorCode: string;
  sizeClass: string;
  startLevel: number;
  enrolled: { n: number; sumChange100: number };
  others: { n: number; sumChange100: number };
}

/**
 * Impact of support, as far as observational data can say: for each firm, its start (the latest scored assessment
 * in or before `baselineYear`; of two versions scored that year, the lower version id) and its end (the latest
 * scored assessment after it on the same framework version — totals of different versions or frameworks are never
 * compared). Only assessments with a total, a level, a sector and a size class count. Firms are grouped by the
 * start's sector, size class and level; the groups holding an enrolled firm are returned.
 *
 * The rule in plain code: the service computes the same in SQL (dx-assessments `impactPairs`, support-programs repo
 * `impactGroups`), and `impact-sql.test.ts` holds the two equal.
 */
export function impactGroupsOf(
  rows: readonly ScoredTotal[],
  enrolled: ReadonlySet<string>,
  baselineYear: number,
): ImpactGroup[] {
  const byFirm = new Map<string, ScoredTotal[]>();
  for (const r of rows) {
    if (r.totalScore === null || r.overallLevel === null || !r.sectorCode || !r.sizeClass) continue;
    const list = byFirm.get(r.enterpriseId);
    if (list) list.push(r);
    else byFirm.set(r.enterpriseId, [r]);
  }
  const latestFirst = (a: ScoredTotal, b: ScoredTotal) =>
    b.year - a.year ||
    (a.frameworkVersionId < b.frameworkVersionId ? -1 : a.frameworkVersionId > b.frameworkVersionId ? 1 : 0);
  const groups = new Map<string, ImpactGroup>();
  for (const [enterpriseId, list] of byFirm) {
    const start = list.filter((r) => r.year <= baselineYear).sort(latestFirst)[0];
    if (!start) continue;
    const end = list
      .filter((r) => r.year > start.year && r.frameworkVersionId === start.frameworkVersionId)
      .sort(latestFirst)[0];
    if (!end) continue;
    const key = `${start.sectorCode}|${start.sizeClass}|${start.overallLevel}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        sectorCode: start.sectorCode!,
        sizeClass: start.sizeClass!,
        startLevel: start.overallLevel!,
        enrolled: { n: 0, sumChange100: 0 },
        others: { n: 0, sumChange100: 0 },
      };
      groups.set(key, g);
    }
    const side = enrolled.has(enterpriseId) ? g.enrolled : g.others;
    side.n++;
    side.sumChange100 += Math.round(end.totalScore! * 100) - Math.round(start.totalScore! * 100);
  }
  return [...groups.values()].filter((g) => g.enrolled.n > 0);
}

/** An exact fraction p/q (q > 0). */
interface Ratio {
  p: bigint;
  q: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const ratio = (p: bigint, q: bigint): Ratio => {
  const d = gcd(p, q) || 1n;
  return { p: p / d, q: q / d };
};
const minus = (a: Ratio, b: Ratio) => ratio(a.p * b.q - b.p * a.q, a.q * b.q);
const plus = (a: Ratio, b: Ratio) => ratio(a.p * b.q + b.p * a.q, a.q * b.q);
/** hundredths → points, rounded to two decimals half up (as Math.round: toward +∞ at exactly half a hundredth) */
const points = (h: Ratio) => {
  const num = 2n * h.p + h.q;
  const den = 2n * h.q;
  let f = num / den;
  if (num % den !== 0n && num < 0n) f -= 1n;
  return Number(f) / 100;
};

/**
 * The published comparison of a program's groups (`impactGroupsOf`, or the same from SQL): in each group, enrolled
 * firms' mean change of total score beside the others', means and differences exact and rounded half up to two
 * decimals. A group where either side counts fewer than k firms is withheld, with the complementary cells the
 * analytics' rule adds (both sides of a cell are cells of the protected table: enrolled and others along one more
 * dimension). `enrolledCount`: the firms enrolled in the program, to count those not compared.
 */
export function publishImpact(
  programId: string,
  groups: readonly ImpactGroup[],
  enrolledCount: number,
  baselineYear: number,
  suppress: Suppress,
): ImpactResult {
  // only groups with an enrolled firm are shown
  const shown = groups
    .filter((g) => g.enrolled.n > 0)
    .sort(
      (a, b) =>
        a.sectorCode.localeCompare(b.sectorCode) ||
        a.sizeClass.localeCompare(b.sizeClass) ||
        a.startLevel - b.startLevel,
    );
  const comparedEnrolled = shown.reduce((s, g) => s + g.enrolled.n, 0);
  // the protected table: group × side (enrolled / others)
  const cells = shown.flatMap((g) => [
    { coords: [g.sectorCode, g.sizeClass, String(g.startLevel), 'enrolled'], n: g.enrolled.n },
    { coords: [g.sectorCode, g.sizeClass, String(g.startLevel), 'others'], n: g.others.n },
  ]);
  const { suppressBelow, hidden } = suppress(cells);
  const mean = (s: { n: number; sumChange100: number }) => ratio(BigInt(s.sumChange100), BigInt(s.n));
  let enrolledN = 0;
  let othersN = 0;
  // Σ over published groups of (enrolled mean − others' mean) × enrolled firms, in hundredths
  let weighted: Ratio = { p: 0n, q: 1n };
  const out = shown.map((g, i) => {
    const key = { sectorCode: g.sectorCode, sizeClass: g.sizeClass as SizeClass, startLevel: g.startLevel };
    // a group is published only when both of its sides are: a difference needs both
    const published = !hidden.has(2 * i) && !hidden.has(2 * i + 1) && g.others.n > 0;
    if (!published) return { ...key, enrolled: null, others: null, difference: null };
    const e = mean(g.enrolled);
    const o = mean(g.others);
    const d = minus(e, o);
    enrolledN += g.enrolled.n;
    othersN += g.others.n;
    weighted = plus(weighted, ratio(d.p * BigInt(g.enrolled.n), d.q));
    return {
      ...key,
      enrolled: { n: g.enrolled.n, meanChange: points(e) },
      others: { n: g.others.n, meanChange: points(o) },
      difference: points(d),
    };
  });
  return {
    programId,
    baselineYear,
    suppressBelow,
    caveat: { ...IMPACT_CAVEAT },
    cells: out,
    overall:
      enrolledN > 0
        ? { enrolledN, othersN, weightedDifference: points(ratio(weighted.p, weighted.q * BigInt(enrolledN))) }
        : null,
    notComparable: enrolledCount - comparedEnrolled,
  };
}

/** The whole comparison from the scored assessments in memory: the reference the SQL path is tested against. */
export function compareImpact(
  programId: string,
  rows: readonly ScoredTotal[],
  enrolled: ReadonlySet<string>,
  baselineYear: number,
  suppress: Suppress,
): ImpactResult {
  return publishImpact(programId, impactGroupsOf(rows, enrolled, baselineYear), enrolled.size, baselineYear, suppress);
}
