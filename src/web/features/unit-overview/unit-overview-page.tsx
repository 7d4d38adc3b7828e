import { Card, Col, Empty, List, Row, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { UnitOverview } from '../../../shared/contracts/monitoring';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import {
  useUnitOverview,
  LightTag,
  ReportStatusTag,
  TaskStatusTag,
  TimelinessTag,
  figure,
} from '../monitoring-dashboard';
import { DataTable } from '../../components/data-table';
import { conclusionRef } from '../../../shared/conclusion-number';

/** One page per unit: what it must achieve and report, and what inspections found — to prepare or follow an inspection. */
export default function UnitOverviewPage() {
  const { id = '' } = useParams();
  const query = useUnitOverview(id);
  return <QueryState query={query}>{(d) => <Body d={d} />}</QueryState>;
}

function Body({ d }: { d: UnitOverview }) {
  const { t } = useTranslation();
  const latestYear = (i: UnitOverview['indicators'][number]) =>
    [...i.years].reverse().find((y) => y.actual !== null) ?? i.years.at(-1);
  const indicatorColumns: TableColumnsType<UnitOverview['indicators'][number]> = [
    { title: t('monitoring.code'), dataIndex: 'code', width: 140 },
    { title: t('monitoring.name'), dataIndex: 'nameVi', width: 280 },
    { title: t('monitoring.year'), key: 'y', width: 70, render: (_, i) => latestYear(i)?.year },
    {
      title: t('monitoring.target'),
      key: 't',
      width: 120,
      align: 'right',
      render: (_, i) => figure(latestYear(i)?.target, i.measureUnit),
    },
    {
      title: t('monitoring.actual'),
      key: 'a',
      width: 120,
      align: 'right',
      render: (_, i) => figure(latestYear(i)?.actual, i.measureUnit),
    },
    { title: '', key: 'l', width: 120, render: (_, i) => <LightTag light={latestYear(i)?.light ?? 'none'} /> },
  ];
  const section = (title: string, empty: boolean, body: React.ReactNode) => (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noData')} /> : body}
    </Card>
  );
  return (
    <>
      <PageHeader
        title={d.orgUnit.name}
        breadcrumbs={[{ title: t('orgUnits.title'), to: '/org-units' }, { title: t('monitoring.overviewTitle') }]}
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          {section(
            t('monitoring.indicatorsTitle'),
            !d.indicators.length,
            <DataTable
              phoneColumns={['nameVi', 'a', 'l']}
              rowKey="id"
              size="small"
              pagination={false}
              columns={indicatorColumns}
              dataSource={d.indicators}
              scroll={{ x: 850 }}
            />,
          )}
        </Col>
        <Col xs={24} lg={12}>
          {section(
            t('monitoring.tasksTitle'),
            !d.tasks.length,
            <List
              size="small"
              dataSource={d.tasks}
              renderItem={(x) => (
                <List.Item>
                  <div>
                    <Typography.Text strong>{x.code}</Typography.Text> · {x.title}
                    <div>
                      <Tag>{t(`monitoring.role.${x.role}`)}</Tag>
                      <TaskStatusTag status={x.status} /> {x.progressPercent}% · {formatDate(x.deadline)}
                      {x.overdue && (
                        <Typography.Text type="danger">
                          {' '}
                          · {t('monitoring.overdueDays', { count: x.daysOverdue })}
                        </Typography.Text>
                      )}
                    </div>
                  </div>
                </List.Item>
              )}
            />,
          )}
        </Col>
        <Col xs={24} lg={12}>
          {section(
            t('monitoring.reports'),
            !d.reports.length,
            <List
              size="small"
              dataSource={d.reports}
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/reporting-rounds/${r.roundId}/reports/${d.orgUnit.id}`}>{r.roundTitle}</Link>
                  <span>
                    <ReportStatusTag status={r.status} />
                    <TimelinessTag value={r.timeliness} />
                  </span>
                </List.Item>
              )}
            />,
          )}
        </Col>
        <Col xs={24} lg={12}>
          {section(
            t('monitoring.inspections'),
            !d.inspections.length,
            <List
              size="small"
              dataSource={d.inspections}
              renderItem={(i) => (
                <List.Item>
                  <Link to={`/inspections/${i.id}`}>
                    {i.planCode} · {formatDate(i.windowStart)}–{formatDate(i.windowEnd)}
                  </Link>
                  <span>
                    {i.conclusionNumber && i.conclusionYear && (
                      <Tag color="blue">{conclusionRef({ number: i.conclusionNumber, year: i.conclusionYear })}</Tag>
                    )}
                    <Tag>{t(`status.${i.status}` as 'status.planned')}</Tag>
                  </span>
                </List.Item>
              )}
            />,
          )}
        </Col>
        <Col xs={24} lg={12}>
          {section(
            t('monitoring.followUps'),
            !d.followUps.length,
            <List
              size="small"
              dataSource={d.followUps}
              renderItem={(f) => (
                <List.Item>
                  <Link to={`/follow-ups?id=${f.id}`}>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: 'inherit' }}>
                      {f.text}
                    </Typography.Paragraph>
                  </Link>
                  <span>
                    {formatDate(f.dueDate)} {f.overdue && <Tag color="error">!</Tag>}
                  </span>
                </List.Item>
              )}
            />,
          )}
        </Col>
        <Col span={24}>
          {section(
            t('monitoring.findingLinks'),
            !d.findingLinks.length,
            <List
              size="small"
              dataSource={d.findingLinks}
              renderItem={(l) => (
                <List.Item>
                  <Link to={`/inspections/${l.inspectionId}`}>
                    <Typography.Text>{l.findingText}</Typography.Text>
                  </Link>
                  <Tag color="purple">{l.indicator ? l.indicator.code : l.task?.code}</Tag>
                </List.Item>
              )}
            />,
          )}
        </Col>
      </Row>
    </>
  );
}
