import { Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics';
import { QueryState } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { useCommuneShapes } from './api';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);
const MAP = 'hanoi-communes-2025';

/** Choropleth of the mean level per commune; suppressed communes are hatched grey. Features are matched by GSO code. */
export function CommuneMap({ result }: { result: BreakdownResult }) {
  const shapes = useCommuneShapes();
  return <QueryState query={shapes}>{(geo) => <MapBody geo={geo} result={result} />}</QueryState>;
}

function MapBody({ geo, result }: { geo: object; result: BreakdownResult }) {
  const { t } = useTranslation();
  useMemo(() => {
    if (!echarts.getMap(MAP)) echarts.registerMap(MAP, geo as Parameters<typeof echarts.registerMap>[1]);
  }, [geo]);
  const k = result.suppressBelow;
  const data = result.rows
    .filter((r) => r.key.commune?.code)
    .map((r) => ({
      name: r.key.commune!.code!.replace(/^HN\./, ''),
      label: r.key.commune!.name,
      value: r.stats.suppressed ? null : r.stats.meanLevel,
      n: r.stats.suppressed ? null : r.stats.n,
      // withheld too when only its mean level is (a level count of the commune is withheld)
      itemStyle:
        r.stats.suppressed || r.stats.meanLevel === null
          ? { areaColor: '#d9d9d9', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -0.8 } }
          : undefined,
    }));
  const option = {
    aria: { enabled: true, decal: { show: true } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { label: string; value: number | null; n: number | null } | null; name: string }) =>
        !p.data
          ? p.name
          : p.data.value === null
            ? `${p.data.label}<br/>${t('dxAnalytics.mapSuppressed', { k })}`
            : `${p.data.label}<br/>${t('dxAnalytics.meanLevel')}: ${formatNumber(p.data.value, 2)}<br/>${t('dxAnalytics.enterprises')}: ${formatNumber(p.data.n)}`,
    },
    visualMap: {
      min: 0,
      max: 5,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fff7e6', '#ffd591', '#69b1ff', '#0958d9', '#237804'] },
    },
    series: [
      {
        type: 'map',
        map: MAP,
        nameProperty: 'code',
        roam: true,
        data,
        emphasis: { label: { show: false } },
        itemStyle: { borderColor: '#fff', borderWidth: 0.5 },
      },
    ],
  };
  return (
    <>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 420 }} notMerge />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dxAnalytics.mapAttribution')}
      </Typography.Text>
    </>
  );
}
