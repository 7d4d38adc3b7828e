import { App, Button, Flex, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain';
import { errorMessage } from '../../i18n/error-message';
import { useTransition } from './api';
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
  const confirm = (to: InspectionStatus) =>
    modal.confirm({
      title: label(to),
      content: t('inspections.move.confirm', { status: t(`status.${to}`) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        transition.mutateAsync(to).then(
          () => void message.success(t('inspections.move.done', { status: t(`status.${to}`) })),
          (e: unknown) => void message.error(errorMessage(t, e)),
        ),
    });

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
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
