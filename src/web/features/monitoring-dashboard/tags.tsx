import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus, TaskStatus, Timeliness, TrafficLight } from '../../../shared/monitoring-domain';
import { formatNumber, formatVnd } from '../../lib/format';

export const lightColors: Record<TrafficLight, string> = {
  green: '#52c41a',
  amber: '#faad14',
  red: '#f5222d',
  none: '#bfbfbf',
};

export function LightTag({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  const color = { green: 'success', amber: 'warning', red: 'error', none: 'default' }[light];
  return <Tag color={color}>{t(`monitoring.light.${light}`)}</Tag>;
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  const color = { not_started: 'default', in_progress: 'processing', completed: 'success', cancelled: 'default' }[
    status
  ];
  return <Tag color={color}>{t(`monitoring.taskStatus.${status}`)}</Tag>;
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  const color = { draft: 'default', submitted: 'processing', approved: 'success', returned: 'warning' }[status];
  return <Tag color={color}>{t(`monitoring.reportStatus.${status}`)}</Tag>;
}

export function TimelinessTag({ value }: { value: Timeliness }) {
  const { t } = useTranslation();
  const color = { on_time: 'success', late: 'warning', missing: 'error', pending: 'default' }[value];
  return <Tag color={color}>{t(`monitoring.timelinessState.${value}`)}</Tag>;
}

/** A figure in its unit of measure: VND as money, percent with a sign, others grouped vi-VN. */
export function figure(value: number | null | undefined, measureUnit: string): string {
  if (value === null || value === undefined) return '—';
  if (measureUnit === 'vnd') return formatVnd(value);
  if (measureUnit === 'percent') return `${formatNumber(value, 1)}%`;
  return formatNumber(value, 2);
}
