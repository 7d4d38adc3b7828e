import { EditOutlined, FileExcelOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { downloadPlan, usePlan } from './api';
import { PlanForm } from './plan-form';
import { TeamCard } from './team-card';
import { TeamForm } from './team-form';
import { WarningList } from './warnings';
import { lazyChart } from '../../components/lazy-chart';

const TargetsTimeline = lazyChart(() => import('./targets-timeline').then((m) => m.TargetsTimeline));

export default function InspectionPlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const [addingTeam, setAddingTeam] = useState(false);
  const [editing, setEditing] = useState(false);
  const download = (ext: 'docx' | 'xlsx') =>
    downloadPlan(id, ext).catch((error: unknown) => message.error(errorMessage(t, error)));

  return (
    <QueryState query={plan}>
      {(p) => (
        <>
          <PageHeader
            title={t('inspectionPlans.planTitle', { code: p.code })}
            breadcrumbs={[{ title: t('inspectionPlans.title'), to: '/inspection-plans' }, { title: p.code }]}
            extra={
              <>
                <Button icon={<FileWordOutlined />} onClick={() => void download('docx')}>
                  {t('common.exportDocx')}
                </Button>
                <Button icon={<FileExcelOutlined />} onClick={() => void download('xlsx')}>
                  {t('common.exportXlsx')}
                </Button>
                {p.permissions.canManage && (
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                    {t('inspectionPlans.editPlan')}
                  </Button>
                )}
                {p.permissions.canManage && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingTeam(true)}>
                    {t('inspectionPlans.addTeam')}
                  </Button>
                )}
              </>
            }
          />
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <WarningList warnings={p.warnings} />
            <Card>
              <Descriptions
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'title', label: t('inspectionPlans.name'), children: p.title, span: 'filled' },
                  {
                    key: 'program',
                    label: t('inspectionPlans.program'),
                    children: <Link to={`/programs/${p.program.id}`}>{p.program.code}</Link>,
                  },
                  { key: 'year', label: t('inspectionPlans.year'), children: p.year },
                  { key: 'issueDate', label: t('inspectionPlans.issueDate'), children: formatDate(p.issueDate) },
                  ...(p.requirements
                    ? [
                        {
                          key: 'requirements',
                          label: t('inspectionPlans.requirements'),
                          children: p.requirements,
                          span: 'filled' as const,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title={t('inspectionPlans.contentAreas')}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {p.contentAreas.map((a) => (
                  <li key={a.id} style={{ marginBottom: 6 }}>
                    <Typography.Text strong>{a.title}</Typography.Text>
                    {a.description && (
                      <div>
                        <Typography.Text type="secondary">{a.description}</Typography.Text>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </Card>
            {p.teams.some((team) => team.targets.length > 0) && (
              <Card title={t('inspectionPlans.timeline')}>
                <TargetsTimeline plan={p} />
              </Card>
            )}
            {p.teams.length === 0 && (
              <Card>
                <Empty description={t('inspectionPlans.noTeams')} />
              </Card>
            )}
            {p.teams.map((team) => (
              <TeamCard key={team.id} plan={p} team={team} canWrite={p.permissions.canManage} />
            ))}
          </Space>
          {editing && <PlanForm open plan={p} onClose={() => setEditing(false)} />}
          {addingTeam && (
            <TeamForm
              planId={p.id}
              nextNumber={Math.max(0, ...p.teams.map((team) => team.number)) + 1}
              onClose={() => setAddingTeam(false)}
            />
          )}
        </>
      )}
    </QueryState>
  );
}
