import { LinkOutlined } from '@ant-design/icons';
import { App, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/error-message';
import { useFindingLinks, useIndicators, useLinkFinding, useTasks, useUnlinkFinding } from '../monitoring-dashboard';

/** On a finding row: the indicators or tasks it concerns, and (when allowed) a picker to link one more. */
export function FindingLinkControl({
  inspectionId,
  findingId,
  canLink,
}: {
  inspectionId: string;
  findingId: string;
  canLink: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const links = useFindingLinks(inspectionId);
  const indicators = useIndicators({ limit: 200 });
  const tasks = useTasks({ limit: 200 });
  const link = useLinkFinding();
  const unlink = useUnlinkFinding();
  const mine = (links.data ?? []).filter((l) => l.findingId === findingId);
  const fail = (e: unknown) => void message.error(errorMessage(t, e));
  if (!canLink && !mine.length) return null;
  const options = [
    {
      label: t('monitoring.indicatorsTitle'),
      options: (indicators.data?.items ?? []).map((i) => ({ value: `i:${i.id}`, label: `${i.code} · ${i.nameVi}` })),
    },
    {
      label: t('monitoring.tasksTitle'),
      options: (tasks.data?.items ?? []).map((x) => ({ value: `t:${x.id}`, label: `${x.code} · ${x.title}` })),
    },
  ];
  return (
    <Flex wrap gap={4} align="center">
      <LinkOutlined />
      {mine.map((l) => (
        <Tag
          key={l.id}
          color="purple"
          closable={canLink}
          onClose={(e) => {
            e.preventDefault();
            unlink.mutate(l.id, { onError: fail });
          }}
        >
          {l.indicator?.code ?? l.task?.code}
        </Tag>
      ))}
      {canLink && (
        <Select
          size="small"
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          placeholder={t('monitoring.linkTo')}
          aria-label={t('monitoring.linkTo')}
          value={null}
          options={options}
          onChange={(v: string | null) => {
            if (!v) return;
            const [kind, id] = v.split(':');
            link.mutate(
              { findingId, ...(kind === 'i' ? { indicatorId: id } : { taskId: id }) },
              { onSuccess: () => void message.success(t('monitoring.linked')), onError: fail },
            );
          }}
        />
      )}
    </Flex>
  );
}
