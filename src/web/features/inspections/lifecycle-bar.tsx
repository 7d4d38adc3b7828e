import { App, Button, Flex, Modal, Steps } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain';
import { startConflict, type ScheduleConflict } from '../../../shared/inspection-schedule';
import { errorMessage } from '../../i18n/error-message';
import { useTransition } from './api';
import { ScheduleReasonField } from './schedule-warning';
import type { InspectionDetail } from '../../api/types';

/** The lifecycle as steps, with a button for each move this user may make now (confirmed first). */
export function LifecycleBar({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const transition = useTransition(d.id);
  const label = (to: InspectionStatus) =>
    to === 'in_progress' && d.status === 'drafting'
      ? t('inspections.move.back_in_progress')
      : t(`inspections.move.${to as Exclude<InspectionStatus, 'planned' | 'issued'>}`);
  const run = (to: InspectionStatus, reason?: string) =>
    transition.mutateAsync({ to, reason }).then(
      () => void message.success(t('inspections.move.done', { status: t(`status.${to}`) })),
      (e: unknown) => void message.error(errorMessage(t, e)),
    );
  // starting before the scheduled start: a dialog says so and asks why (the API refuses it without a reason)
  const [early, setEarly] = useState<{ to: InspectionStatus; conflict: ScheduleConflict } | null>(null);
  const [reason, setReason] = useState('');
  const confirm = (to: InspectionStatus) => {
    const conflict =
      to === 'in_progress' && d.status === 'notified'
        ? startConflict(dayjs().format('YYYY-MM-DD'), d.windowStart)
        : null;
    if (conflict) {
      setReason('');
      setEarly({ to, conflict });
      return;
    }
    modal.confirm({
      title: label(to),
      content: t('inspections.move.confirm', { status: t(`status.${to}`) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => run(to),
    });
  };

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      {early && (
        <Modal
          open
          title={label(early.to)}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: !reason.trim(), loading: transition.isPending }}
          onCancel={() => setEarly(null)}
          onOk={() => void run(early.to, reason.trim()).then(() => setEarly(null))}
        >
          <Flex vertical gap={8}>
            {t('inspections.move.confirm', { status: t(`status.${early.to}`) })}
            <ScheduleReasonField conflict={early.conflict} reason={reason} onReason={setReason} />
          </Flex>
        </Modal>
      )}
      <div style={{ overflowX: 'auto' }}>
        <Steps
          size="small"
          current={inspectionStatuses.indexOf(d.status)}
          items={inspectionStatuses.map((s) => ({ title: t(`status.${s}`) }))}
          style={{ minWidth: 900 }}
        />
      </div>
      {d.allowedTransitions.length > 0 && (
        <Flex wrap gap={8}>
          {d.allowedTransitions.map((to) => (
            <Button
              key={to}
              type={to === 'in_progress' && d.status === 'drafting' ? 'default' : 'primary'}
              loading={transition.isPending}
              onClick={() => void confirm(to)}
            >
              {label(to)}
            </Button>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
