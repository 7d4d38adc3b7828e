import { Descriptions, Drawer, Empty, Grid, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateTime } from '../../lib/format';
import { useFollowUp } from './api';
import { DecisionForm } from './decision-form';
import { EvidenceList } from './evidence-list';
import { DueDate, FollowUpKindTag, FollowUpStatusTag } from './follow-up-tags';
import { ProgressForm } from './progress-form';
import type { FollowUpDetail } from '../../api/types';
import { conclusionRef } from '../../../shared/conclusion-number';

const actionColors = { report: 'blue', accept: 'green', return: 'red' } as const;

export function FollowUpDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const compact = Grid.useBreakpoint().md === false;
  const query = useFollowUp(id);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={compact ? '100%' : 680}
      title={t('followUps.detailTitle')}
      destroyOnHidden
    >
      {id && <QueryState query={query}>{(fu) => <FollowUpBody fu={fu} />}</QueryState>}
    </Drawer>
  );
}

function FollowUpBody({ fu }: { fu: FollowUpDetail }) {
  const { t } = useTranslation();
  const open = !fu.accepted && !fu.withdrawn;
  // the server's answer for this follow-up (catalogue: followUp.report, followUp.accept)
  const mayReport = open && fu.permissions.report;
  const mayDecide = open && fu.status === 'done' && fu.permissions.accept;

  return (
    <>
      <Typography.Paragraph strong style={{ fontSize: 15 }}>
        {fu.text}
      </Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 170 } }}
        items={[
          { key: 'kind', label: t('followUps.kindLabel'), children: <FollowUpKindTag kind={fu.kind} /> },
          { key: 'status', label: t('followUps.statusLabel'), children: <FollowUpStatusTag item={fu} /> },
          { key: 'addressee', label: t('followUps.addressee'), children: fu.addressee.name },
          { key: 'due', label: t('followUps.dueDate'), children: <DueDate item={fu} /> },
          {
            key: 'inspection',
            label: t('followUps.inspection'),
            children: `${fu.inspection.targetName} (${fu.inspection.planCode})`,
          },
          { key: 'conclusion', label: t('followUps.conclusion'), children: conclusionRef(fu.conclusion) },
          ...(fu.accepted
            ? [
                {
                  key: 'accepted',
                  label: t('followUps.acceptedAt'),
                  children: t('followUps.acceptedBy', {
                    date: formatDate(fu.accepted.at),
                    name: fu.accepted.byName ?? '',
                  }),
                },
              ]
            : []),
          ...(fu.withdrawn
            ? [
                {
                  key: 'withdrawn',
                  label: t('followUps.withdrawn'),
                  children: `${formatDate(fu.withdrawn.at)} — ${fu.withdrawn.reason ? t(`followUps.withdrawnReason.${fu.withdrawn.reason}`) : ''}`,
                },
              ]
            : []),
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('followUps.history')}
      </Typography.Title>
      {fu.history.length ? (
        <Timeline
          items={fu.history.map((h) => ({
            key: h.id,
            color: actionColors[h.action],
            title: `${formatDateTime(h.at)} · ${h.authorName}`,
            content: (
              <div>
                <Typography.Text strong>{t(`followUps.action.${h.action}`)}</Typography.Text>
                {' — '}
                {t(`followUps.status.${h.status}`)}
                {h.note && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {h.note}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUps.noHistory')} />
      )}

      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('followUps.evidence')}
      </Typography.Title>
      <EvidenceList fu={fu} mayUpload={mayReport} />

      {mayReport && <ProgressForm fu={fu} />}
      {mayDecide && <DecisionForm fu={fu} />}
    </>
  );
}
