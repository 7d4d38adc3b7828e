import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics';
import { currentLanguage } from '../../i18n';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Level 0 (grey) to 5 (deep green): reads as "further along" without a legend. */
export const levelColors = ['#bfbfbf', '#ffd666', '#ffa940', '#69b1ff', '#1677ff', '#389e0d'];

/** Enterprises per overall level; a withheld count is drawn as nothing and labelled "<k". */
export function LevelChart({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  const s = result.total ?? { suppressed: true };
  const levels = s.suppressed ? [] : s.levels;
  const option = {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: levels.map((_, i) => t('dxAnalytics.level', { level: i })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) =>
            levels[p.dataIndex] === null ? `<${result.suppressBelow}` : String(levels[p.dataIndex]),
        },
        data: levels.map((v, i) => ({ value: v ?? 0, itemStyle: { color: levelColors[i] ?? '#597ef7' } })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}

export function PillarChart({ result }: { result: BreakdownResult }) {
  const en = currentLanguage() === 'en';
  const s = result.total ?? { suppressed: true };
  const means = s.suppressed ? [] : s.meanPillars;
  const option = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
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
        label: { show: true, position: 'right' },
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
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}

export function TrendChart({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  const rows = result.rows.filter((r) => !r.stats.suppressed);
  const option = {
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.key.year?.code) },
    yAxis: [
      { type: 'value', name: t('dxAnalytics.meanTotal') },
      { type: 'value', name: t('dxAnalytics.meanLevel'), max: 5, min: 0 },
    ],
    series: [
      {
        type: 'line',
        name: t('dxAnalytics.meanTotal'),
        data: rows.map((r) => (r.stats.suppressed ? null : r.stats.meanTotal)),
        label: { show: true },
      },
      {
        type: 'line',
        name: t('dxAnalytics.meanLevel'),
        yAxisIndex: 1,
        data: rows.map((r) => (r.stats.suppressed ? null : r.stats.meanLevel)),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}
