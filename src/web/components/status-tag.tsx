import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionStatuses, type InspectionStatus } from '../../shared/domain';

const colors: Record<InspectionStatus, string> = {
  planned: 'default',
  notified: 'cyan',
  in_progress: 'processing',
  drafting: 'gold',
  issued: 'geekblue',
  follow_up: 'orange',
  closed: 'success',
};

const isInspectionStatus = (value: string): value is InspectionStatus =>
  (inspectionStatuses as readonly string[]).includes(value);

/** The inspection lifecycle status as a coloured, translated tag (a status it does not know shows as it is). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isInspectionStatus(status)) return <Tag>{status}</Tag>;
  return <Tag color={colors[status]}>{t(`status.${status}`)}</Tag>;
}
