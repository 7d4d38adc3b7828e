import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { IndicatorSummary, MonitoringDashboard, Reminder } from '../../../shared/contracts/monitoring';
import type { Task } from '../../../shared/contracts/program-tasks';
import { isApiError } from '../../api/client';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate, formatNumber, formatVnd } from '../../lib/format';
import { roleCanEverywhere, useCan, useSession } from '../auth';
import { downloadDashboard, useMonitoringDashboard, usePlans } from './api';
import { LightTag, TaskStatusTag, figure } from './tags';
import { EmptyState } from '../../components/empty-state';
import { recordPath } from '../../../shared/record-paths';
import { reasonMessage } from '../../i18n/error-message';
import { lazyChart } from '../../components/lazy-chart';
import { DataTable } from '../../components/data-table';
import { Stat } from '../../components/stat';

const BudgetChart = lazyChart(() => import('./charts').then((m) => m.BudgetChart));
const TargetActualChart = lazyChart(() => import('./charts').then((m) => m.TargetActualChart));
const TaskStatusChart = lazyChart(() => import('./charts').then((m) => m.TaskStatusChart));
const TrendChart = lazyChart(() => import('./charts').then((m) => m.TrendChart));

type Table_ = 'indicators' | 'tasks' | 'budget' | 'timeliness' | 'reminders';

/** The program dashboard; filters (year, unit, plan) live in the URL. */
export default function MonitoringDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const q = {
    year: params.get('year') ?? undefined,
    orgUnitId: params.get('orgUnitId') ?? undefined,
    planId: params.get('planId') ?? undefined,
  };
  const query = useMonitoringDashboard(q);
  const plans = usePlans();
  const set = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const years = query.data
    ? Array.from(
        { length: query.data.program.periodEnd - query.data.program.periodStart + 1 },
        (_, i) => query.data.program.periodStart + i,
      )
    : [];
  const exportTable = (table?: Table_) => downloadDashboard({ ...q, year: query.data?.year, table });

  return (
    <>
      <PageHeader
        title={t('monitoring.dashboardTitle')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void exportTable()}>
            {t('monitoring.exportXlsx')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('monitoring.year')}
          style={{ width: 120 }}
          value={query.data?.year}
          onChange={(v) => set('year', String(v))}
          options={years.map((y) => ({ value: y, label: `${t('monitoring.year')} ${y}` }))}
        />
        {roleCanEverywhere(user?.role, 'unitOverview.read') && (
          <OrgUnitSelect
            style={{ width: 280, maxWidth: '100%' }}
            placeholder={t('monitoring.allUnits')}
            value={q.orgUnitId ?? null}
            onChange={(v) => set('orgUnitId', (v as string | null) ?? undefined)}
          />
        )}
        <Select
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          placeholder={t('monitoring.allPlans')}
          aria-label={t('monitoring.allPlans')}
          value={q.planId}
          onChange={(v) => set('planId', v)}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.code }))}
        />
      </Flex>
      {noProgramYet(query.error) ? (
        <NoProgramYet />
      ) : (
        <QueryState query={query}>{(d) => <Body d={d} exportTable={exportTable} />}</QueryState>
      )}
    </>
  );
}

/** A fresh install answers NO_PROGRAM_YET: say so, and send those who may create one to do it. */
const noProgramYet = (error: unknown) =>
  isApiError(error) && (error.details as { reason?: string } | null)?.reason === 'NO_PROGRAM_YET';

function NoProgramYet() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const mayCreate = can('program.manage');
  return (
    <EmptyState
      title={reasonMessage('NO_PROGRAM_YET') ?? ''}
      hint={mayCreate ? t('monitoring.noProgramHint') : t('monitoring.noProgramAsk')}
      action={
        mayCreate && (
          <Button type="primary" onClick={() => void navigate('/programs')}>
            {t('monitoring.createProgram')}
          </Button>
        )
      }
    />
  );
}

function ExportButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<DownloadOutlined />} onClick={onClick}>
      {t('monitoring.exportXlsx')}
    </Button>
  );
}

function Body({ d, exportTable }: { d: MonitoringDashboard; exportTable: (t: Table_) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [trendId, setTrendId] = useState<string>();
  const trendItem = d.indicators.find((i) => i.id === trendId) ?? d.indicators[0];
  const name = (i: { nameVi: string; nameEn: string | null }) =>
    i18n.language === 'en' && i.nameEn ? i.nameEn : i.nameVi;

  const indicatorColumns: TableColumnsType<IndicatorSummary> = [
    { title: t('monitoring.code'), dataIndex: 'code', width: 150 },
    { title: t('monitoring.name'), key: 'name', width: 320, render: (_, i) => name(i) },
    {
      title: t('monitoring.target'),
      key: 'target',
      align: 'right',
      width: 140,
      render: (_, i) => figure(i.current.target, i.measureUnit),
    },
    {
      title: t('monitoring.actual'),
      key: 'actual',
      align: 'right',
      width: 140,
      render: (_, i) => figure(i.current.actual, i.measureUnit),
    },
    {
      title: t('monitoring.attainment'),
      key: 'pct',
      align: 'right',
      width: 90,
      render: (_, i) => (i.current.attainmentPct === null ? '—' : `${formatNumber(i.current.attainmentPct, 1)}%`),
    },
    {
      title: '',
      key: 'light',
      width: 150,
      render: (_, i) => (
        <Flex vertical gap={2}>
          <LightTag light={i.current.light} />
          {i.current.reason && i.current.reason !== 'no_data' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`monitoring.reason.${i.current.reason}` as 'monitoring.reason.no_data')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
  const taskColumns: TableColumnsType<Task> = [
    { title: t('monitoring.code'), dataIndex: 'code', width: 90 },
    { title: t('monitoring.title'), dataIndex: 'title', width: 300 },
    {
      title: t('monitoring.delegatedUnit'),
      key: 'unit',
      width: 200,
      render: (_, x) => (x.delegatedUnit ?? x.leadUnit).name,
    },
    {
      title: t('monitoring.deadline'),
      key: 'deadline',
      width: 150,
      render: (_, x) => (
        <Flex vertical>
          {formatDate(x.deadline)}
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('monitoring.overdueDays', { count: x.daysOverdue })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('monitoring.taskStatusLabel'),
      key: 'status',
      width: 140,
      render: (_, x) => <TaskStatusTag status={x.status} />,
    },
  ];
  const timelinessColumns: TableColumnsType<MonitoringDashboard['timeliness'][number]> = [
    {
      title: t('monitoring.unit'),
      key: 'unit',
      width: 260,
      render: (_, r) => <Link to={`/org-units/${r.orgUnit.id}/overview`}>{r.orgUnit.name}</Link>,
    },
    { title: t('monitoring.expected'), dataIndex: 'expected', align: 'right', width: 90 },
    { title: t('monitoring.onTime'), dataIndex: 'onTime', align: 'right', width: 90 },
    { title: t('monitoring.late'), dataIndex: 'late', align: 'right', width: 80 },
    { title: t('monitoring.missing'), dataIndex: 'missing', align: 'right', width: 90 },
    { title: t('monitoring.pending'), dataIndex: 'pending', align: 'right', width: 110 },
    {
      title: t('monitoring.completeness'),
      key: 'c',
      align: 'right',
      width: 100,
      render: (_, r) => (r.completenessPct === null ? '—' : `${formatNumber(r.completenessPct, 0)}%`),
    },
    {
      title: t('monitoring.timelinessPct'),
      key: 'tl',
      align: 'right',
      width: 100,
      render: (_, r) => (r.timelinessPct === null ? '—' : `${formatNumber(r.timelinessPct, 0)}%`),
    },
  ];
  const reminderColumns: TableColumnsType<Reminder> = [
    {
      title: t('monitoring.unit'),
      key: 'unit',
      width: 240,
      render: (_, r) => <Link to={`/reporting-rounds/${r.roundId}/reports/${r.orgUnit.id}`}>{r.orgUnit.name}</Link>,
    },
    { title: t('monitoring.roundsTitle'), dataIndex: 'roundTitle', width: 180 },
    {
      title: t('monitoring.dueDate'),
      key: 'due',
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          {formatDate(r.dueDate)}
          <Typography.Text type={r.daysLeft < 0 ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
            {r.daysLeft < 0
              ? t('monitoring.daysLate', { count: -r.daysLeft })
              : t('monitoring.daysLeft', { count: r.daysLeft })}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {(['green', 'amber', 'red', 'none'] as const).map((l) => (
          <Col key={l} xs={12} lg={4}>
            <Card size="small" style={{ height: '100%' }}>
              <Stat title={t(`monitoring.light.${l}`)} value={d.lights[l]} />
            </Card>
          </Col>
        ))}
        <Col xs={12} lg={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Stat
              title={t('monitoring.overdueTasks')}
              value={d.tasks.overdue.length}
              styles={{ content: { color: d.tasks.overdue.length ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Stat title={t('monitoring.reminders')} value={d.reminders.length} />
          </Card>
        </Col>
      </Row>

      <Card
        title={t('monitoring.targetVsActual', { year: d.year })}
        extra={<ExportButton onClick={() => void exportTable('indicators')} />}
      >
        {d.indicators.length ? <TargetActualChart items={d.indicators} /> : <NoIndicators />}
        <DataTable<IndicatorSummary>
          phoneColumns={['name', 'pct', 'light']}
          rowKey="id"
          size="small"
          pagination={false}
          columns={indicatorColumns}
          dataSource={d.indicators}
          scroll={{ x: 990 }}
          onRow={(i) => ({ onClick: () => setTrendId(i.id), style: { cursor: 'pointer' } })}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={t('monitoring.trend')}
            style={{ height: '100%' }}
            extra={
              <Select
                style={{ width: 200 }}
                value={trendItem?.id}
                onChange={setTrendId}
                placeholder={t('monitoring.pickIndicator')}
                aria-label={t('monitoring.pickIndicator')}
                options={d.indicators.map((i) => ({ value: i.id, label: i.code }))}
              />
            }
          >
            {trendItem ? (
              <>
                <Typography.Text type="secondary">{name(trendItem)}</Typography.Text>
                <TrendChart item={trendItem} />
              </>
            ) : (
              <NoIndicators />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('monitoring.tasksByStatus')} style={{ height: '100%' }}>
            <TaskStatusChart byStatus={d.tasks.byStatus} />
          </Card>
        </Col>
      </Row>

      <Card title={t('monitoring.budget')} extra={<ExportButton onClick={() => void exportTable('budget')} />}>
        <Flex gap={32} wrap style={{ marginBottom: 8 }}>
          <Stat title={t('monitoring.allocated')} value={formatVnd(d.budget.allocatedVnd)} />
          <Stat title={t('monitoring.spent')} value={formatVnd(d.budget.spentVnd)} />
        </Flex>
        <BudgetChart budget={d.budget} />
      </Card>

      <Card
        title={
          <Typography.Text type="danger" strong>
            {t('monitoring.overdueTasks')}
          </Typography.Text>
        }
        extra={<ExportButton onClick={() => void exportTable('tasks')} />}
      >
        {d.tasks.overdue.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noOverdueTasks')} />
        ) : (
          <DataTable<Task>
            phoneColumns={['title', 'status', 'deadline']}
            rowKey="id"
            size="small"
            pagination={false}
            columns={taskColumns}
            dataSource={d.tasks.overdue}
            scroll={{ x: 880 }}
          />
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('monitoring.timeliness', { year: d.year })}
            extra={<ExportButton onClick={() => void exportTable('timeliness')} />}
            style={{ height: '100%' }}
          >
            <DataTable
              phoneColumns={['unit', 'c', 'tl']}
              rowKey={(r) => r.orgUnit.id}
              size="small"
              pagination={false}
              columns={timelinessColumns}
              dataSource={d.timeliness}
              scroll={{ x: 920 }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('monitoring.reminders')}
            extra={<ExportButton onClick={() => void exportTable('reminders')} />}
            style={{ height: '100%' }}
          >
            {d.reminders.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noReminders')} />
            ) : (
              <DataTable<Reminder>
                phoneColumns={['unit', 'roundTitle', 'due']}
                rowKey={(r) => `${r.roundId}:${r.orgUnit.id}`}
                size="small"
                pagination={false}
                columns={reminderColumns}
                dataSource={d.reminders}
                scroll={{ x: 580 }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** A program without indicators draws no empty axes: it says what is missing and where to add it. */
function NoIndicators() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('monitoring.noProgramIndicators')}
      action={<Link to={recordPath.indicators()}>{t('monitoring.addIndicators')}</Link>}
    />
  );
}
