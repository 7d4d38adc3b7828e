import { Card, Col, Empty, Flex, Progress, Row, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DueDate } from '../follow-ups';
import { useDashboard } from './api';

import { StatusChart } from './status-chart';
import type { Dashboard, FollowUpItem } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { Stat } from '../../components/stat';
import { conclusionRef } from '../../../shared/conclusion-number';

export default function DashboardPage() {
  const { t } = useTranslation();
  const query = useDashboard();
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <QueryState query={query}>{(d) => <DashboardBody d={d} />}</QueryState>
    </>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const f = d.followUps;
  const overdueLink = '/follow-ups?overdue=true';
  const columns: TableColumnsType<FollowUpItem> = [
    {
      title: t('followUps.text'),
      key: 'text',
      width: 320,
      render: (_, i) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {i.text}
        </Typography.Paragraph>
      ),
    },
    { title: t('followUps.addressee'), key: 'addressee', width: 200, render: (_, i) => i.addressee.name },
    { title: t('followUps.conclusion'), key: 'conclusion', width: 130, render: (_, i) => conclusionRef(i.conclusion) },
    { title: t('followUps.dueDate'), key: 'due', width: 150, render: (_, i) => <DueDate item={i} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Stat title={t('dashboard.inspections')} value={d.inspectionsTotal} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Stat title={t('dashboard.conclusionsIssued')} value={d.conclusionsIssued} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Stat title={t('dashboard.openFollowUps')} value={f.open + f.inProgress} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.followUpSummary', f)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          {/* named by its content (title and count): a shorter aria-label would hide the count from screen readers */}
          <Link to={overdueLink} style={{ display: 'block', height: '100%' }}>
            <Card
              hoverable
              style={{ height: '100%', ...(f.overdue ? { borderColor: '#ffa39e', background: '#fff1f0' } : {}) }}
            >
              <Stat
                title={t('dashboard.overdueFollowUps')}
                value={f.overdue}
                styles={{ content: { color: f.overdue ? '#cf1322' : undefined } }}
              />
            </Card>
          </Link>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.byStatus')} style={{ height: '100%' }}>
            <StatusChart counts={d.inspectionsByStatus} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.planProgress')} style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('dashboard.planProgressHint')}</Typography.Text>
            {d.plans.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noPlans')} />
            )}
            <Flex vertical gap={12} style={{ marginTop: 12 }}>
              {d.plans.map((p) => (
                <div key={p.id}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Link to={`/inspection-plans/${p.id}`}>
                      <Typography.Text strong>{p.code}</Typography.Text> · {p.year}
                    </Link>
                    <Typography.Text type="secondary">
                      {t('dashboard.planInspections', { count: p.inspectionsTotal })}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {p.title}
                  </Typography.Text>
                  <Progress aria-label={`${p.code} · ${p.year}`} percent={p.progressPercent} />
                </div>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>

      <Card
        title={
          <Typography.Text type="danger" strong>
            {t('dashboard.overdueTitle')}
          </Typography.Text>
        }
        extra={<Link to={overdueLink}>{t('dashboard.viewAll')}</Link>}
      >
        {d.overdueFollowUps.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noOverdue')} />
        ) : (
          <DataTable<FollowUpItem>
            phoneColumns={['text', 'due']}
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={d.overdueFollowUps}
            scroll={{ x: 800 }}
            onRow={(i) => ({
              onClick: () => void navigate(`/follow-ups?overdue=true&id=${i.id}`),
              style: { cursor: 'pointer', background: '#fff1f0' },
            })}
          />
        )}
      </Card>
    </Flex>
  );
}
