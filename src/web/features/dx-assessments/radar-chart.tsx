import ReactEChartsCore from 'echarts-for-react/esm/core';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useElementWidth } from '../../lib/use-element-width';
import { formatPercent } from '../../lib/format';
import { radarLayout, wrapLabel, wrapWidthAt } from './radar-layout';

echarts.use([RadarChart, TooltipComponent, LegendComponent, CanvasRenderer]);

const FONT_FAMILY = 'sans-serif'; // ECharts' default, set explicitly so the measuring below matches what is drawn
let measuring: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, fontSize: number) {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * fontSize * 0.6;
  measuring.font = `${fontSize}px ${FONT_FAMILY}`;
  return measuring.measureText(text).width;
}

/** Pillars on a radar, as % of each pillar's maximum, so pillars of different weight compare. */
export function PillarRadar({ pillars, name }: { pillars: { label: string; share: number }[]; name: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const layout = radarLayout(width);
  const option = {
    animation: false,
    tooltip: { valueFormatter: (v: number | null) => formatPercent(v, 0) },
    radar: {
      // long pillar names wrap at word boundaries instead of running off the canvas
      indicator: pillars.map((p, i) => ({
        name: wrapLabel(p.label, wrapWidthAt(i, pillars.length, layout, width), (s) => textWidth(s, layout.fontSize)),
        max: 100,
      })),
      radius: layout.radius,
      axisNameGap: layout.nameGap,
      axisName: { color: '#333', fontSize: layout.fontSize, fontFamily: FONT_FAMILY, lineHeight: layout.fontSize + 3 },
    },
    series: [
      { type: 'radar', name, data: [{ value: pillars.map((p) => p.share), name, areaStyle: { opacity: 0.25 } }] },
    ],
  };
  return (
    <div ref={ref} data-testid="pillar-radar">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: layout.height, width: '100%' }} notMerge />
    </div>
  );
}
