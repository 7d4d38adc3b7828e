import { Alert, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScheduleConflict } from '../../../shared/inspection-schedule';
import { reasonMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';

/** What an action contradicts in the schedule, said before the action (the same text the API's refusal carries). */
export const scheduleWarningText = (conflict: ScheduleConflict) =>
  reasonMessage(conflict.reason, { date: formatDate(conflict.date) }) ?? conflict.reason;

/** The warning and the reason box of a confirmation dialog. */
export function ScheduleReasonField({
  conflict,
  reason,
  onReason,
}: {
  conflict: ScheduleConflict;
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Alert
        type="warning"
        showIcon
        title={t('inspections.schedule.title')}
        description={scheduleWarningText(conflict)}
      />
      <label htmlFor="schedule-reason">{t('inspections.schedule.reason')}</label>
      <Input.TextArea
        id="schedule-reason"
        value={reason}
        maxLength={2_000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => onReason(e.target.value)}
      />
    </Flex>
  );
}
