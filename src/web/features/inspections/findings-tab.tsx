import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { EmptyState } from '../../components/empty-state';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/contracts/findings';
import { findingKinds } from '../../../shared/domain';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { useDeleteFinding } from './api';
import { FindingForm } from './finding-form';
import { FindingLinkControl } from '../unit-overview';
import type { InspectionDetail } from '../../api/types';

/** Cause type, addressee and due date of a finding, as small tags. */
export function FindingMeta({ f }: { f: Finding }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {f.causeType && <Tag>{t(`inspections.causeType.${f.causeType}`)}</Tag>}
      {f.addresseeName && <Tag color="blue">{f.addresseeName}</Tag>}
      {f.dueDate && (
        <Tag color="purple">
          {t('inspections.dueDate')}: {formatDate(f.dueDate)}
        </Tag>
      )}
    </Flex>
  );
}

/** Findings grouped by kind, then by content area in plan order. */
export function FindingsTab({ d, hidden }: { d: InspectionDetail; hidden: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ finding: Finding | null } | null>(null);
  const remove = useDeleteFinding(d.id);
  if (hidden) return <Alert type="info" showIcon title={t('inspections.hiddenUntilDraft')} />;
  const canEdit = d.permissions.canEdit;

  return (
    <Flex vertical gap={16}>
      {canEdit && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ finding: null })}>
            {t('inspections.addFinding')}
          </Button>
        </div>
      )}
      {d.findings.length === 0 && (
        <EmptyState
          title={t('inspections.noFindings')}
          hint={
            d.status === 'planned' || d.status === 'notified'
              ? t('inspections.findingsOpenWhenStarted', { date: formatDate(d.windowStart) })
              : canEdit
                ? t('inspections.findingsNextAdd')
                : t('inspections.findingsNextWait')
          }
        />
      )}
      {findingKinds.map((kind) => {
        const ofKind = d.findings.filter((f) => f.kind === kind);
        if (!ofKind.length) return null;
        return (
          <Card key={kind} size="small" title={t(`inspections.kind.${kind}`)}>
            {d.contentAreas
              .filter((a) => ofKind.some((f) => f.contentAreaId === a.id))
              .map((area) => (
                <div key={area.id} style={{ marginBottom: 8 }}>
                  <Typography.Text italic type="secondary">
                    {area.position}. {area.title}
                  </Typography.Text>
                  <List
                    size="small"
                    dataSource={ofKind.filter((f) => f.contentAreaId === area.id)}
                    renderItem={(f) => (
                      <List.Item
                        actions={
                          canEdit
                            ? [
                                <Button
                                  key="e"
                                  size="small"
                                  icon={<EditOutlined />}
                                  aria-label={t('common.edit')}
                                  onClick={() => setEditing({ finding: f })}
                                />,
                                <Popconfirm
                                  key="d"
                                  title={t('common.confirmDelete')}
                                  okText={t('common.delete')}
                                  cancelText={t('common.cancel')}
                                  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd awaits it (loading), though typed void
                                  onConfirm={() =>
                                    remove
                                      .mutateAsync(f.id)
                                      .catch((e: unknown) => void message.error(errorMessage(t, e)))
                                  }
                                >
                                  <Button
                                    size="small"
                                    danger
                                    icon={<DeleteOutlined />}
                                    aria-label={t('common.delete')}
                                  />
                                </Popconfirm>,
                              ]
                            : []
                        }
                      >
                        <Flex vertical gap={4} style={{ minWidth: 0 }}>
                          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.text}</Typography.Text>
                          <FindingMeta f={f} />
                          <FindingLinkControl inspectionId={d.id} findingId={f.id} canLink={d.permissions.canLink} />
                        </Flex>
                      </List.Item>
                    )}
                  />
                </div>
              ))}
          </Card>
        );
      })}
      <FindingForm d={d} finding={editing?.finding ?? null} open={!!editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
