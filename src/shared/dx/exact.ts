/**
 * Exact non-negative rationals for the scorer, in hundredths of a point. Two implementations of one interface:
 * plain integers (fast; every product checked to stay a safe integer, else `Overflow`) and bigint (never overflows).
 * The scorer runs on the first and falls back to the second, so results never depend on float rounding.
 */
export interface Arith<T> {
  int(n: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  min(a: T, b: T): T;
  gt(a: T, b: T): boolean;
  isZero(a: T): boolean;
  /** hundredths → points, rounded half-up to two decimals */
  round2(a: T): number;
  /** score / max as a percentage, two decimals (0 when max is 0) */
  percent(score: T, max: T): number;
  /** score / max above `percentHundredths` / 10 000 (or at it, when inclusive); a zero max counts as share 0 */
  shareAbove(score: T, max: T, percentHundredths: number, inclusive: boolean): boolean;
}

export class Overflow extends Error {}

interface N {
  n: number;
  d: number;
}
const safe = (x: number) => {
  if (!Number.isSafeInteger(x)) throw new Overflow();
  return x;
};
const gcdN = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};
const reduce = (n: number, d: number): N => {
  const g = gcdN(n, d);
  return g > 1 ? { n: n / g, d: d / g } : { n, d };
};
/** ⌊p / q⌋ for safe non-negative integers, without trusting a float quotient */
const floorDiv = (p: number, q: number) => (p - (p % q)) / q;

/** A safe integer, or Overflow (the integer path's sums, as NUM checks them). */
export const safeInt = safe;
/** round2 of a whole number of hundredths, as NUM.round2({ n, d: 1 }) computes it. */
export const round2Int = (n: number) => floorDiv(safe(2 * n + 1), 2) / 100;

export const NUM: Arith<N> = {
  int: (n) => ({ n, d: 1 }),
  add: (a, b) =>
    a.d === b.d ? { n: safe(a.n + b.n), d: a.d } : reduce(safe(safe(a.n * b.d) + safe(b.n * a.d)), safe(a.d * b.d)),
  mul: (a, b) => reduce(safe(a.n * b.n), safe(a.d * b.d)),
  div: (a, b) => reduce(safe(a.n * b.d), safe(a.d * b.n)),
  min: (a, b) => (safe(a.n * b.d) <= safe(b.n * a.d) ? a : b),
  gt: (a, b) => safe(a.n * b.d) > safe(b.n * a.d),
  isZero: (a) => a.n === 0,
  round2: (a) => floorDiv(safe(2 * a.n + a.d), safe(2 * a.d)) / 100,
  percent: (s, m) => (m.n === 0 ? 0 : NUM.round2({ n: safe(safe(s.n * m.d) * 10_000), d: safe(s.d * m.n) })),
  shareAbove: (s, m, p, inclusive) => {
    const lhs = m.n === 0 ? 0 : safe(safe(s.n * m.d) * 10_000);
    const rhs = m.n === 0 ? p : safe(safe(p * m.n) * s.d);
    return inclusive ? lhs >= rhs : lhs > rhs;
  },
};

interface B {
  n: bigint;
  d: bigint;
}
export const BIG: Arith<B> = {
  int: (n) => ({ n: BigInt(n), d: 1n }),
  add: (a, b) => (a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d }),
  mul: (a, b) => ({ n: a.n * b.n, d: a.d * b.d }),
  div: (a, b) => ({ n: a.n * b.d, d: a.d * b.n }),
  min: (a, b) => (a.n * b.d <= b.n * a.d ? a : b),
  gt: (a, b) => a.n * b.d > b.n * a.d,
  isZero: (a) => a.n === 0n,
  round2: (a) => Number((2n * a.n + a.d) / (2n * a.d)) / 100,
  percent: (s, m) => (m.n === 0n ? 0 : BIG.round2({ n: s.n * m.d * 10_000n, d: s.d * m.n })),
  shareAbove: (s, m, p, inclusive) => {
    const lhs = m.n === 0n ? 0n : s.n * m.d * 10_000n;
    const rhs = m.n === 0n ? BigInt(p) : BigInt(p) * m.n * s.d;
    return inclusive ? lhs >= rhs : lhs > rhs;
  },
};
