import { CalendarOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanDetail, Target, Team, TeamMember } from '../../../shared/contracts/inspection-plans';
import type { TeamRole } from '../../../shared/domain';
import { StatusTag } from '../../components/status-tag';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { useDeleteTeam, useRemoveTarget } from './api';
import { TargetForm } from './target-form';
import { TeamForm } from './team-form';
import { memberWarnings, targetWarnings, WarningMark } from './warnings';
import { DataTable } from '../../components/data-table';

const roleColors: Record<TeamRole, string> = {
  head: 'blue',
  deputyHead: 'geekblue',
  member: 'default',
  secretary: 'purple',
};

/** One team: its members and its targets, with edit actions for those who may write. */
export function TeamCard({ plan, team, canWrite }: { plan: PlanDetail; team: Team; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<Target | null>(null);
  const [adding, setAdding] = useState(false);
  const deleteTeam = useDeleteTeam();
  const removeTarget = useRemoveTarget();
  const fail = (error: unknown) => message.error(errorMessage(t, error));

  return (
    <Card
      title={team.name}
      extra={
        canWrite && (
          <>
            <Button
              type="text"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              aria-label={t('inspectionPlans.editTeam')}
              title={t('inspectionPlans.editTeam')}
            />
            <Popconfirm
              title={t('inspectionPlans.deleteTeamConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd awaits it (loading), though typed void
              onConfirm={() => deleteTeam.mutateAsync(team.id).then(() => message.success(t('common.deleted')), fail)}
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('inspectionPlans.deleteTeam')}
                title={t('inspectionPlans.deleteTeam')}
              />
            </Popconfirm>
          </>
        )
      }
    >
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('inspectionPlans.members')}
      </Typography.Title>
      <DataTable<TeamMember>
        phoneColumns={['fullName', 'role', 'actions']}
        rowKey="id"
        size="small"
        dataSource={team.members}
        pagination={false}
        scroll={{ x: 870 }}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('inspectionPlans.person'),
            dataIndex: 'fullName',
            width: 200,
            render: (name: string, m) => (
              <>
                {name}
                <WarningMark warnings={memberWarnings(plan, team.id, m.personId)} />
              </>
            ),
          },
          {
            title: t('inspectionPlans.role'),
            dataIndex: 'role',
            width: 150,
            render: (role: TeamRole) => <Tag color={roleColors[role]}>{t(`inspectionPlans.roles.${role}`)}</Tag>,
          },
          { title: t('inspectionPlans.positionTitle'), dataIndex: 'positionTitle', width: 300 },
          {
            title: t('inspectionPlans.representedOrgUnit'),
            key: 'unit',
            width: 220,
            render: (_, m) => m.representedOrgUnitName ?? m.personOrgUnitName,
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t('inspectionPlans.targets')}
        </Typography.Title>
        {canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('inspectionPlans.addTarget')}
          </Button>
        )}
      </div>
      <DataTable<Target>
        phoneColumns={['targetName', 'status', 'window', 'actions']}
        rowKey="inspectionId"
        size="small"
        dataSource={team.targets}
        pagination={false}
        locale={{ emptyText: t('inspectionPlans.noTargets') }}
        scroll={{ x: 640 }}
        style={{ marginTop: 8 }}
        columns={[
          {
            title: t('inspectionPlans.target'),
            dataIndex: 'targetName',
            render: (name: string, g) => (
              <>
                <Link to={`/inspections/${g.inspectionId}`} title={t('inspectionPlans.openInspection')}>
                  {name}
                </Link>
                <WarningMark warnings={targetWarnings(plan, g.inspectionId)} />
              </>
            ),
          },
          {
            title: t('inspectionPlans.window'),
            key: 'window',
            width: 210,
            render: (_, g) => `${formatDate(g.windowStart)} – ${formatDate(g.windowEnd)}`,
          },
          {
            title: t('inspectionPlans.status'),
            dataIndex: 'status',
            width: 170,
            render: (s: string) => <StatusTag status={s} />,
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, g: Target) => (
                    <>
                      {(g.status === 'planned' || g.status === 'notified') && (
                        <Button
                          type="text"
                          size="small"
                          icon={<CalendarOutlined />}
                          aria-label={t('inspectionPlans.moveTarget')}
                          title={t('inspectionPlans.moveTarget')}
                          onClick={() => setMoving(g)}
                        />
                      )}
                      {g.status === 'planned' && (
                        <Popconfirm
                          title={t('inspectionPlans.removeTargetConfirm')}
                          okText={t('common.delete')}
                          cancelText={t('common.cancel')}
                          // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd awaits it (loading), though typed void
                          onConfirm={() =>
                            removeTarget
                              .mutateAsync({ teamId: team.id, inspectionId: g.inspectionId })
                              .then(() => message.success(t('common.deleted')), fail)
                          }
                        >
                          <Button
                            type="text"
                            danger
                            size="small"
                            icon={<DeleteOutlined />}
                            aria-label={t('inspectionPlans.removeTarget')}
                            title={t('inspectionPlans.removeTarget')}
                          />
                        </Popconfirm>
                      )}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <TeamForm planId={plan.id} team={team} nextNumber={team.number} onClose={() => setEditing(false)} />}
      {adding && <TargetForm teamId={team.id} onClose={() => setAdding(false)} />}
      {moving && <TargetForm teamId={team.id} target={moving} onClose={() => setMoving(null)} />}
    </Card>
  );
}
