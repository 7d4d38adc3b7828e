import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CommitteeMember } from '../../../shared/contracts/programs';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { usePlans } from '../inspection-plans';
import { useCan } from '../auth';
import { useProgram } from './api';
import { CommitteeForm } from './committee-form';
import { ProgramForm } from './program-form';
import { DataTable } from '../../components/data-table';

function ProgramPlans({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const plans = usePlans({ q: '', programId });
  return (
    <Card title={t('programs.plans')}>
      <DataTable
        phoneColumns={['code', 'title', 'issueDate']}
        rowKey="id"
        size="small"
        loading={plans.isPending}
        dataSource={plans.data?.items}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('inspectionPlans.code'),
            dataIndex: 'code',
            width: 130,
            render: (code: string, p) => <Link to={`/inspection-plans/${p.id}`}>{code}</Link>,
          },
          { title: t('inspectionPlans.name'), dataIndex: 'title' },
          { title: t('inspectionPlans.issueDate'), dataIndex: 'issueDate', width: 130, render: formatDate },
        ]}
      />
    </Card>
  );
}

export default function ProgramPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  const canWrite = useCan()('program.manage');
  const [editing, setEditing] = useState<'program' | 'committee' | null>(null);
  return (
    <QueryState query={program}>
      {(p) => (
        <>
          <PageHeader
            title={p.code}
            breadcrumbs={[{ title: t('programs.title'), to: '/programs' }, { title: p.code }]}
            extra={
              canWrite && (
                <Button icon={<EditOutlined />} onClick={() => setEditing('program')}>
                  {t('programs.edit')}
                </Button>
              )
            }
          />
          {editing === 'program' && <ProgramForm program={p} onClose={() => setEditing(null)} />}
          {editing === 'committee' && <CommitteeForm program={p} onClose={() => setEditing(null)} />}
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'title', label: t('programs.name'), children: p.title, span: 'filled' },
                  { key: 'issuer', label: t('programs.issuer'), children: p.issuerName },
                  {
                    key: 'committee',
                    label: t('programs.steeringCommittee'),
                    children: p.steeringCommitteeName ?? '—',
                  },
                  { key: 'period', label: t('programs.period'), children: `${p.periodStart}–${p.periodEnd}` },
                  {
                    key: 'escalationDays',
                    label: t('programs.escalationDays'),
                    children:
                      p.escalationDays === null
                        ? t('programs.escalationDaysDefault', { days: p.defaultEscalationDays })
                        : t('programs.escalationDaysValue', { days: p.escalationDays }),
                  },
                  ...(p.description
                    ? [
                        {
                          key: 'description',
                          label: t('programs.description'),
                          children: p.description,
                          span: 'filled' as const,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card
              title={t('programs.committee')}
              extra={
                canWrite && (
                  <Button size="small" icon={<TeamOutlined />} onClick={() => setEditing('committee')}>
                    {t('programs.editCommittee')}
                  </Button>
                )
              }
            >
              <DataTable<CommitteeMember>
                phoneColumns={['fullName', 'role']}
                rowKey="id"
                size="small"
                dataSource={p.committee}
                pagination={false}
                locale={{ emptyText: t('programs.committeeEmpty') }}
                scroll={{ x: 910 }}
                columns={[
                  { title: t('programs.fullName'), dataIndex: 'fullName', width: 200 },
                  {
                    title: t('programs.role'),
                    dataIndex: 'role',
                    width: 190,
                    render: (role: CommitteeMember['role']) => (
                      <Tag color={role === 'member' ? 'default' : 'blue'}>{t(`programs.roles.${role}`)}</Tag>
                    ),
                  },
                  { title: t('programs.positionTitle'), dataIndex: 'positionTitle', width: 300 },
                  { title: t('programs.orgUnit'), dataIndex: 'orgUnitName', width: 220 },
                ]}
              />
            </Card>
            <ProgramPlans programId={p.id} />
          </Space>
        </>
      )}
    </QueryState>
  );
}
