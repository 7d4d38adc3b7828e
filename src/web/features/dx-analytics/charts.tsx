import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics';
import { EmptyState } from '../../components/empty-state';
import { currentLanguage } from '../../i18n';
import { levelOption, pillarOption, publishedYears, trendOption } from './chart-options';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// a withheld group draws no empty axes: it says why there is no chart
function Withheld({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  return <EmptyState title={t('dxAnalytics.chartWithheld', { k: result.suppressBelow })} />;
}

export function LevelChart({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  if (result.total?.suppressed !== false) return <Withheld result={result} />;
  return <ReactEChartsCore echarts={echarts} option={levelOption(result, t)} style={{ height: 260 }} notMerge />;
}

export function PillarChart({ result }: { result: BreakdownResult }) {
  if (result.total?.suppressed !== false) return <Withheld result={result} />;
  const option = pillarOption(result, currentLanguage() === 'en');
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}

export function TrendChart({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  if (!publishedYears(result).length)
    return <EmptyState title={t('dxAnalytics.noTrend', { k: result.suppressBelow })} />;
  return <ReactEChartsCore echarts={echarts} option={trendOption(result, t)} style={{ height: 260 }} notMerge />;
}
