/**
 * Where an enterprise stands among its peers (same framework version, year, sector and size class), as a band.
 *
 * The band is a function of the enterprise's own total and of the peers' *mean* only (never of a single peer's
 * score, a rank or a quantile): sweeping one's own total can at most reveal that mean, an aggregate of at least
 * k other enterprises — what the analytics publish anyway. A quantile band would not do: its boundaries are
 * single peers' scores (with five peers, four of them).
 */
export const peerBands = ['wellBelow', 'below', 'around', 'above', 'wellAbove'] as const;
export type PeerBand = (typeof peerBands)[number];

/** `around` within ±5 % of the framework's maximum of the mean, `well…` beyond ±15 %. */
export function peerBand(own: number, peersMean: number, max: number): PeerBand {
  const d = max > 0 ? ((own - peersMean) / max) * 100 : 0;
  if (d <= -15) return 'wellBelow';
  if (d <= -5) return 'below';
  if (d < 5) return 'around';
  if (d < 15) return 'above';
  return 'wellAbove';
}
