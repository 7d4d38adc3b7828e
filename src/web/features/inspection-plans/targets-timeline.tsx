import { Grid } from 'antd';
import type { CustomSeriesRenderItem, EChartsCoreOption } from 'echarts';
import { CustomChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { PlanDetail } from '../../../shared/contracts/inspection-plans';
import { formatDate } from '../../lib/format';

echarts.use([CustomChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const DAY = 86_400_000;
const TEAM_COLORS = ['#1f4e9c', '#d46b08', '#389e0d', '#722ed1', '#c41d7f', '#08979c'];
// calendar dates drawn on a UTC time axis, so no time zone can shift a window by a day
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const ddmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

const renderBar: CustomSeriesRenderItem = (_params, api) => {
  const row = api.value(0) as number;
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const height = (api.size?.([0, 1]) as number[])[1] * 0.55;
  return {
    type: 'rect',
    shape: { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height, r: 3 },
    style: api.style(),
  };
};

/** Each target's window as a horizontal bar, one row per target; rows grouped by team, one colour (and legend entry) per team. */
export function TargetsTimeline({ plan }: { plan: PlanDetail }) {
  const compact = Grid.useBreakpoint().md === false;
  const rows = plan.teams.flatMap((team) => team.targets.map((g) => ({ team, g })));
  if (!rows.length) return null;
  const option: EChartsCoreOption = {
    color: TEAM_COLORS,
    legend: { top: 0, left: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      formatter: (p: { value: number[] }) => {
        const { team, g } = rows[p.value[0]];
        return `${team.name}<br/><b>${g.targetName}</b><br/>${formatDate(g.windowStart)} – ${formatDate(g.windowEnd)}`;
      },
    },
    xAxis: {
      type: 'time',
      min: Math.min(...rows.map((r) => utc(r.g.windowStart))) - 2 * DAY,
      max: Math.max(...rows.map((r) => utc(r.g.windowEnd))) + 3 * DAY,
      axisLabel: { formatter: (v: number) => ddmm(v), hideOverlap: true },
      splitLine: { show: true, lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.g.targetName),
      axisLabel: { width: compact ? 110 : 240, overflow: 'truncate' },
    },
    // the end date is inclusive: a bar runs to the end of that day
    series: plan.teams.map((team) => ({
      type: 'custom',
      name: team.name,
      renderItem: renderBar,
      encode: { x: [1, 2], y: 0 },
      data: rows.flatMap((r, i) =>
        r.team.id === team.id ? [[i, utc(r.g.windowStart), utc(r.g.windowEnd) + DAY]] : [],
      ),
    })),
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: Math.max(180, rows.length * 36 + 72), width: '100%' }}
    />
  );
}
