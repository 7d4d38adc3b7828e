import ReactEChartsCore from 'echarts-for-react/esm/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export interface TimelinePoint {
  year: number;
  total: number;
  level: number;
  label: string;
  frameworkChanged: boolean;
}

/** One point per assessment (year, total, level); a dashed vertical line where the framework changed. */
export function AssessmentTimeline({ points, changedLabel }: { points: TimelinePoint[]; changedLabel: string }) {
  const option = {
    animation: false,
    grid: { left: 48, right: 24, top: 32, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const p = points[ps[0]?.dataIndex ?? 0];
        return p ? `${p.year}<br/>${p.label}` : '';
      },
    },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.total),
        label: { show: true, formatter: (x: { dataIndex: number }) => `L${points[x.dataIndex].level}` },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#d4380d' },
          label: { formatter: changedLabel },
          data: points.filter((p) => p.frameworkChanged).map((p) => ({ xAxis: String(p.year) })),
        },
      },
    ],
  };
  return (
    <div data-testid="assessment-timeline">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 240, width: '100%' }} notMerge />
    </div>
  );
}
