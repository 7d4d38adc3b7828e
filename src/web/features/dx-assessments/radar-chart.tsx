import ReactEChartsCore from 'echarts-for-react/esm/core';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([RadarChart, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Pillars on a radar, as % of each pillar's maximum, so pillars of different weight compare. */
export function PillarRadar({ pillars, name }: { pillars: { label: string; share: number }[]; name: string }) {
  const option = {
    animation: false,
    tooltip: {},
    radar: { indicator: pillars.map((p) => ({ name: p.label, max: 100 })), radius: '55%', axisName: { color: '#333', fontSize: 11 } },
    series: [{ type: 'radar', name, data: [{ value: pillars.map((p) => p.share), name, areaStyle: { opacity: 0.25 } }] }],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 340, width: '100%' }} notMerge />;
}
