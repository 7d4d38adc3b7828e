import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics';
import { currentLanguage } from '../../i18n';
import { levelOption, pillarOption, trendOption } from './chart-options';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function LevelChart({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  return <ReactEChartsCore echarts={echarts} option={levelOption(result, t)} style={{ height: 260 }} notMerge />;
}

export function PillarChart({ result }: { result: BreakdownResult }) {
  const option = pillarOption(result, currentLanguage() === 'en');
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}

export function TrendChart({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  return <ReactEChartsCore echarts={echarts} option={trendOption(result, t)} style={{ height: 260 }} notMerge />;
}
