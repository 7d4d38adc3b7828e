/** sfc32: a small, fast, seedable generator, so the same seed always writes the same files. */
export function rng(seed: number): () => number {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Picks from `items` with the given weights (not necessarily summing to 1). */
export function weighted<T>(items: readonly T[], weights: readonly number[]): (r: () => number) => T {
  const cum: number[] = [];
  let s = 0;
  for (const w of weights) cum.push((s += w));
  return (r) => {
    const x = r() * s;
    let lo = 0,
      hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

export const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];
/** A roughly normal value (mean 0, sd 1). */
export const gauss = (r: () => number) => (r() + r() + r() + r() + r() + r() - 3) * Math.SQRT2;
