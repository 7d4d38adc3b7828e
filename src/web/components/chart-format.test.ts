import { describe, expect, it } from 'vitest';
import { chartGrid, chartValue, valueAxis } from './chart-format';

describe('chart number formats', () => {
  it('labels value axes and tooltips in the UI language (Vietnamese by default), not echarts’ own format', () => {
    expect(valueAxis().axisLabel.formatter(4800)).toBe('4.800');
    expect(valueAxis().axisLabel.formatter(139.5)).toBe('139,5');
    expect(chartValue(91.66, ' tỷ')).toBe('91,66 tỷ');
    expect(chartValue(null)).toBe('—');
  });

  it('centres an axis name off the legend, with room for it in the grid', () => {
    const axis = valueAxis('Tỷ đồng', true);
    expect(axis).toMatchObject({ name: 'Tỷ đồng', nameLocation: 'middle' });
    expect(chartGrid(true).bottom).toBeGreaterThanOrEqual(axis.nameGap ?? Infinity);
    expect(valueAxis()).not.toHaveProperty('name');
  });
});
