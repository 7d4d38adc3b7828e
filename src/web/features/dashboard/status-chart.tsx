import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

// the lifecycle reads left to right: grey before the visit, blue during it, green once concluded
const colors: Record<InspectionStatus, string> = {
  planned: '#bfbfbf',
  notified: '#69b1ff',
  in_progress: '#1677ff',
  drafting: '#faad14',
  issued: '#2f54eb',
  follow_up: '#fa8c16',
  closed: '#52c41a',
};

export function StatusChart({ counts }: { counts: Record<InspectionStatus, number> }) {
  const { t } = useTranslation();
  const option = {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: inspectionStatuses.map((s) => t(`status.${s}`)) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
        data: inspectionStatuses.map((s) => ({ value: counts[s], itemStyle: { color: colors[s] } })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />;
}
