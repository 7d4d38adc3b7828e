import ReactEChartsCore from 'echarts-for-react/esm/core';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useElementWidth } from '../../lib/use-element-width';
import { radarLayout } from './radar-layout';

echarts.use([RadarChart, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Pillars on a radar, as % of each pillar's maximum, so pillars of different weight compare. */
export function PillarRadar({ pillars, name }: { pillars: { label: string; share: number }[]; name: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const layout = radarLayout(width);
  const option = {
    animation: false,
    tooltip: {},
    radar: {
      indicator: pillars.map((p) => ({ name: p.label, max: 100 })), radius: layout.radius, axisNameGap: layout.nameGap,
      // long pillar names wrap at word boundaries instead of running off the canvas
      axisName: { color: '#333', fontSize: layout.fontSize, width: layout.nameWidth, overflow: 'break' },
    },
    series: [{ type: 'radar', name, data: [{ value: pillars.map((p) => p.share), name, areaStyle: { opacity: 0.25 } }] }],
  };
  return (
    <div ref={ref} data-testid="pillar-radar">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: layout.height, width: '100%' }} notMerge />
    </div>
  );
}
