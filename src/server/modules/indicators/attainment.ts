import { DEFAULT_THRESHOLDS, type Direction, type TrafficLight } from '../../../shared/monitoring-domain.js';

export interface Thresholds {
  green: number;
  amber: number;
}

/** The indicator's own thresholds, else its program's, else the platform default (green ≥ 90 %, amber ≥ 70 %). */
export function resolveThresholds(
  indicator: { greenPct: number | null; amberPct: number | null },
  program: Thresholds | null,
): Thresholds {
  const base = program ?? DEFAULT_THRESHOLDS;
  return { green: indicator.greenPct ?? base.green, amber: indicator.amberPct ?? base.amber };
}

/**
 * Percent of target reached. Higher-is-better: actual / target. Lower-is-better: target / actual
 * (half the allowed value is 200 %). Null when either side is missing or the ratio is undefined.
 */
export function attainmentPercent(actual: number | null, target: number | null, direction: Direction): number | null {
  if (actual === null || target === null) return null;
  if (direction === 'higher') {
    if (target === 0) return actual >= 0 ? 100 : 0;
    return (actual / target) * 100;
  }
  if (actual === 0) return target >= 0 ? 100 : 0;
  return (target / actual) * 100;
}

export function trafficLight(percent: number | null, t: Thresholds): TrafficLight {
  if (percent === null) return 'none';
  if (percent >= t.green) return 'green';
  if (percent >= t.amber) return 'amber';
  return 'red';
}
