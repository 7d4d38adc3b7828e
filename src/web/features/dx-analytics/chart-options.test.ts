import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics';
import { levelOption, pillarOption, trendOption } from './chart-options';

const t = ((key: string) => key) as unknown as TFunction;
const stats = (meanTotal: number, meanLevel: number | null) => ({
  suppressed: false as const,
  n: 4800,
  levels: [4800, 1234, null, 7, 0, 0],
  meanTotal,
  meanLevel,
  meanPillars: [139.5, 12.25],
});
const result: BreakdownResult = {
  frameworkVersion: null,
  groupBy: ['year'],
  year: null,
  suppressBelow: 5,
  pillars: [
    { code: 'A', nameVi: 'Trụ cột A', nameEn: 'Pillar A', max: 200 },
    { code: 'B', nameVi: 'Trụ cột B', nameEn: 'Pillar B', max: 50 },
  ],
  rows: [
    { key: { year: { code: '2025', name: '2025' } }, stats: stats(139.04, 2.5) },
    { key: { year: { code: '2026', name: '2026' } }, stats: { suppressed: true } },
  ],
  total: stats(139.5, 2.25),
};

// echarts calls these with more fields; the options read only these
const call = <A, R>(f: ((a: A) => R) | undefined, a: unknown) => f!(a as A);

describe('DX analytics charts print numbers in the UI language (issue 15: "4,800" and "139.0" in Vietnamese)', () => {
  it('levels: axis, bar labels and tooltip in Vietnamese digits; a withheld count is "<k"', () => {
    const o = levelOption(result, t);
    expect(o.yAxis.axisLabel.formatter(4800)).toBe('4.800');
    expect(call(o.series[0].label.formatter, { dataIndex: 0 })).toBe('4.800');
    expect(call(o.series[0].label.formatter, { dataIndex: 1 })).toBe('1.234');
    expect(call(o.series[0].label.formatter, { dataIndex: 2 })).toBe('<5');
    expect(o.tooltip.valueFormatter(1234.5)).toBe('1.234,5');
  });

  it('pillars: the mean labels and the value axis use a decimal comma', () => {
    const o = pillarOption(result, false);
    expect(call(o.series[0].label?.formatter, { value: 139.5 })).toBe('139,5');
    expect(o.xAxis.axisLabel.formatter(139.25)).toBe('139,25');
    expect(o.yAxis.data).toEqual(['Trụ cột A', 'Trụ cột B']);
    expect(pillarOption(result, true).yAxis.data).toEqual(['Pillar A', 'Pillar B']);
  });

  it('trend: labels and tooltip in the UI language; no axis name under the legend', () => {
    const o = trendOption(result, t);
    expect(call(o.series[0].label?.formatter, { value: 139.04 })).toBe('139,04');
    expect(o.tooltip.valueFormatter(2.5)).toBe('2,5');
    for (const axis of o.yAxis) expect(axis).not.toHaveProperty('name');
    expect(o.legend.top).toBe(0);
    expect(o.grid.top).toBeGreaterThanOrEqual(30);
    expect(o.xAxis.data).toEqual(['2025']);
  });
});
