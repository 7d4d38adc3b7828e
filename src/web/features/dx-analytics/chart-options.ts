import type { TFunction } from 'i18next';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics';
import { chartGrid, chartValue, valueAxis } from '../../components/chart-format';
import { formatNumber } from '../../lib/format';

/** Level 0 (grey) to 5 (deep green): reads as "further along" without a legend. */
export const levelColors = ['#bfbfbf', '#ffd666', '#ffa940', '#69b1ff', '#1677ff', '#389e0d'];

const totals = (result: BreakdownResult) => result.total ?? { suppressed: true as const };

/** Enterprises per overall level; a withheld count is drawn as nothing and labelled "<k". */
export function levelOption(result: BreakdownResult, t: TFunction) {
  const s = totals(result);
  const levels = s.suppressed ? [] : s.levels;
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => chartValue(v) },
    xAxis: { type: 'category', data: levels.map((_, i) => t('dxAnalytics.level', { level: i })) },
    yAxis: { ...valueAxis(), minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => {
            const n = levels[p.dataIndex];
            return n === null || n === undefined ? `<${result.suppressBelow}` : formatNumber(n);
          },
        },
        data: levels.map((v, i) => ({ value: v ?? 0, itemStyle: { color: levelColors[i] ?? '#597ef7' } })),
      },
    ],
  };
}

/** Mean points per pillar against the pillar's maximum (a grey bar behind). */
export function pillarOption(result: BreakdownResult, en: boolean) {
  const s = totals(result);
  const means = s.suppressed ? [] : s.meanPillars;
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => chartValue(v) },
    xAxis: valueAxis(),
    yAxis: {
      type: 'category',
      inverse: true,
      data: result.pillars.map((p) => (en ? p.nameEn : p.nameVi)),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: 'mean',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value, 2) },
        data: means,
        itemStyle: { color: '#1677ff' },
        z: 2,
      },
      {
        type: 'bar',
        name: 'max',
        barMaxWidth: 18,
        barGap: '-100%',
        data: result.pillars.map((p) => p.max),
        itemStyle: { color: '#f0f0f0' },
        z: 1,
        silent: true,
      },
    ],
  };
}

/** The years whose figures are published (a withheld year is left out of the trend, not drawn as zero). */
export const publishedYears = (result: BreakdownResult) => result.rows.filter((r) => !r.stats.suppressed);

/**
 * Mean total and mean level by year. The legend names the two lines, so the two value axes carry no names of their
 * own: a name at the top of each axis sat under the legend and was clipped at the chart's edge (issue 15).
 */
export function trendOption(result: BreakdownResult, t: TFunction) {
  const rows = publishedYears(result);
  return {
    grid: chartGrid(),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => chartValue(v) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.key.year?.code) },
    yAxis: [valueAxis(), { ...valueAxis(), max: 5, min: 0 }],
    series: [
      {
        type: 'line',
        name: t('dxAnalytics.meanTotal'),
        data: rows.map((r) => (r.stats.suppressed ? null : r.stats.meanTotal)),
        label: { show: true, formatter: (p: { value: number | null }) => chartValue(p.value) },
      },
      {
        type: 'line',
        name: t('dxAnalytics.meanLevel'),
        yAxisIndex: 1,
        data: rows.map((r) => (r.stats.suppressed ? null : r.stats.meanLevel)),
      },
    ],
  };
}
