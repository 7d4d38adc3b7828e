import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { IndicatorSummary, MonitoringDashboard } from '../../../shared/contracts/monitoring';
import { taskStatuses } from '../../../shared/monitoring-domain';
import { chartGrid, chartValue, valueAxis } from '../../components/chart-format';
import { formatNumber } from '../../lib/format';
import { lightColors } from './tags';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const BASELINE_COLOR = '#595959';

const chart = (option: object, height = 300) => (
  <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
);

/**
 * Target and actual of the year side by side, actual bars coloured by their light, each indicator's baseline a dash
 * across its pair (one value per indicator, so a markLine across the whole chart would not fit); VND indicators sit in
 * the budget chart.
 */
export function TargetActualChart({ items }: { items: IndicatorSummary[] }) {
  const { t } = useTranslation();
  const shown = items.filter((i) => i.measureUnit !== 'vnd');
  const baselines = shown.some((i) => i.baselineValue !== null)
    ? [
        {
          name: t('monitoring.baseline'),
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [28, 3],
          itemStyle: { color: BASELINE_COLOR },
          z: 3,
          data: shown.map((i) => i.baselineValue),
        },
      ]
    : [];
  return chart(
    {
      grid: chartGrid(),
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number | null) => chartValue(v),
      },
      xAxis: { type: 'category', data: shown.map((i) => i.code), axisLabel: { rotate: 40, fontSize: 10 } },
      yAxis: valueAxis(),
      series: [
        {
          name: t('monitoring.target'),
          type: 'bar',
          itemStyle: { color: '#d9d9d9' },
          data: shown.map((i) => i.current.target),
        },
        {
          name: t('monitoring.actual'),
          type: 'bar',
          data: shown.map((i) => ({ value: i.current.actual, itemStyle: { color: lightColors[i.current.light] } })),
        },
        ...baselines,
      ],
    },
    320,
  );
}

/** Target and actual by year; the baseline, when the indicator has one, as a dashed level line the years are read against. */
export function TrendChart({ item }: { item: IndicatorSummary }) {
  const { t } = useTranslation();
  const baseline =
    item.baselineValue === null
      ? []
      : [
          {
            name: item.baselineYear
              ? t('monitoring.baselineOf', { year: item.baselineYear })
              : t('monitoring.baseline'),
            type: 'line',
            symbol: 'none',
            lineStyle: { type: [6, 4], width: 1.5, color: BASELINE_COLOR },
            itemStyle: { color: BASELINE_COLOR },
            data: item.trend.map(() => item.baselineValue),
          },
        ];
  return chart(
    {
      grid: chartGrid(),
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => chartValue(v) },
      xAxis: { type: 'category', data: item.trend.map((y) => String(y.year)) },
      yAxis: valueAxis(),
      series: [
        {
          name: t('monitoring.target'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: item.trend.map((y) => y.target),
        },
        { name: t('monitoring.actual'), type: 'line', connectNulls: false, data: item.trend.map((y) => y.actual) },
        ...baseline,
      ],
    },
    260,
  );
}

export function TaskStatusChart({ byStatus }: { byStatus: MonitoringDashboard['tasks']['byStatus'] }) {
  const { t } = useTranslation();
  const colors = { not_started: '#bfbfbf', in_progress: '#1677ff', completed: '#52c41a', cancelled: '#8c8c8c' };
  return chart(
    {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '65%'],
          label: { formatter: (p: { value: number }) => formatNumber(p.value) },
          data: taskStatuses.map((s) => ({
            name: t(`monitoring.taskStatus.${s}`),
            value: byStatus[s],
            itemStyle: { color: colors[s] },
          })),
        },
      ],
    },
    260,
  );
}

export function BudgetChart({ budget }: { budget: MonitoringDashboard['budget'] }) {
  const { t } = useTranslation();
  const billions = (v: number) => Math.round(v / 1e7) / 100;
  return chart(
    {
      grid: chartGrid(true),
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => chartValue(v, ` ${t('monitoring.billionsUnit')}`),
      },
      xAxis: valueAxis(t('monitoring.billionsAxis'), true),
      yAxis: {
        type: 'category',
        inverse: true,
        data: budget.byUnit.map((b) => b.orgUnit.name),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          name: t('monitoring.allocated'),
          type: 'bar',
          itemStyle: { color: '#91caff' },
          data: budget.byUnit.map((b) => billions(b.allocatedVnd)),
        },
        {
          name: t('monitoring.spent'),
          type: 'bar',
          itemStyle: { color: '#1677ff' },
          data: budget.byUnit.map((b) => billions(b.spentVnd)),
        },
      ],
    },
    260,
  );
}
