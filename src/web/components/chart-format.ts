import { formatNumber } from '../lib/format';

/**
 * The number parts of every chart's options, in the UI language (echarts' own format is always "4,800"):
 * a value axis whose labels and tooltip go through `formatNumber`, its name (when it has one) centred under or beside
 * the axis instead of at its end, where it was clipped by the grid and ran into the legend at the top.
 */
export function valueAxis(name?: string, horizontal = false) {
  return {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => formatNumber(v, 2) },
    ...(name ? { name, nameLocation: 'middle' as const, nameGap: horizontal ? 28 : 48 } : {}),
  };
}

/** A tooltip's value in the UI language; `—` for a missing value. */
export const chartValue = (v: number | null | undefined, suffix = '') =>
  v === null || v === undefined ? '—' : `${formatNumber(v, 2)}${suffix}`;

/** The plot area: room for the legend above, and for a centred axis name below. */
export const chartGrid = (axisNameBelow = false) => ({
  left: 8,
  right: 16,
  top: 36,
  bottom: axisNameBelow ? 36 : 8,
  containLabel: true,
});
