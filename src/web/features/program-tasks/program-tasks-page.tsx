import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Timeline,
  Typography,
  type FormInstance,
  type TableColumnsType,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Task, TaskInput, TaskProgressInput } from '../../../shared/contracts/program-tasks';
import { taskStatuses, type TaskStatus } from '../../../shared/monitoring-domain';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PageHeader } from '../../components/page-header';
import { ErrorResult, QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate, formatDateTime, formatVnd } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import {
  useCreateTask,
  useMonitoringDashboard,
  usePlans,
  useTask,
  useTaskProgress,
  useTasks,
  useUpdateTask,
  TaskStatusTag,
} from '../monitoring-dashboard';
import dayjs from 'dayjs';
import type { TaskDetail } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-state';

export default function ProgramTasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [status, setStatus] = useState<TaskStatus>();
  const [planId, setPlanId] = useState<string>();
  // links from elsewhere (the home page) open a task (`?id=`) or the overdue ones (`?overdue=true`)
  const [params] = useSearchParams();
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(params.get('id'));
  const [creating, setCreating] = useState(false);
  const plans = usePlans();
  const list = useTasks({
    q: q || undefined,
    status,
    planId,
    overdue: overdue ? 'true' : undefined,
    limit: 50,
    offset: (page - 1) * 50,
  });
  const columns: TableColumnsType<Task> = [
    { title: t('monitoring.code'), dataIndex: 'code', width: 100 },
    {
      title: t('monitoring.title'),
      key: 'title',
      width: 340,
      render: (_, x) => <Typography.Link onClick={() => setOpenId(x.id)}>{x.title}</Typography.Link>,
    },
    {
      title: t('monitoring.leadUnit'),
      key: 'lead',
      width: 200,
      render: (_, x) => (
        <>
          {x.leadUnit.name}
          {x.delegatedUnit && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                → {x.delegatedUnit.name}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('monitoring.deadline'),
      key: 'deadline',
      width: 140,
      render: (_, x) => (
        <>
          {formatDate(x.deadline)}
          {x.overdue && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('monitoring.overdueDays', { count: x.daysOverdue })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('monitoring.progress'),
      key: 'progress',
      width: 160,
      render: (_, x) => (
        <Flex vertical>
          <TaskStatusTag status={x.status} />
          <Progress aria-label={t('monitoring.progress')} size="small" percent={x.progressPercent} />
        </Flex>
      ),
    },
    {
      title: t('monitoring.budget'),
      key: 'budget',
      width: 200,
      render: (_, x) => (
        <span style={{ fontSize: 12 }}>
          {formatVnd(x.budgetSpentVnd)} / {formatVnd(x.budgetAllocatedVnd)}
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('monitoring.tasksTitle')}
        extra={
          can('indicator.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('monitoring.createTask')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          value={text}
          placeholder={t('monitoring.search')}
          style={{ width: 280, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('monitoring.taskStatusLabel')}
          aria-label={t('monitoring.taskStatusLabel')}
          style={{ width: 180 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={taskStatuses.map((s) => ({ value: s, label: t(`monitoring.taskStatus.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('monitoring.allPlans')}
          aria-label={t('monitoring.allPlans')}
          style={{ width: 200 }}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            setPage(1);
          }}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.code }))}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t('monitoring.overdueOnly')}
        </Checkbox>
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Task>
          phoneColumns={['title', 'progress', 'deadline']}
          locale={{ emptyText: <EmptyList title={t('emptyList.tasks')} hint={t('emptyList.tasksHint')} /> }}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1140 }}
          onRow={(x) => ({ style: x.overdue ? { background: '#fff1f0' } : undefined })}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      )}
      <TaskDrawer id={openId} onClose={() => setOpenId(null)} />
      {creating && <TaskForm onClose={() => setCreating(false)} />}
    </>
  );
}

function TaskDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useTask(id);
  return (
    <Drawer open={!!id} onClose={onClose} width={560} title={t('monitoring.taskDetail')}>
      {id && <QueryState query={query}>{(d) => <TaskBody d={d} />}</QueryState>}
    </Drawer>
  );
}

function TaskBody({ d }: { d: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskProgressInput>();
  const progress = useTaskProgress(d.id);
  const client = useQueryClient();
  // a write from the version this drawer read; someone else's change since is named here, with "Tải lại"
  const [stale, setStale] = useState<ApiError | null>(null);
  const failed = (f: FormInstance) => (e: unknown) => {
    if (isStaleVersion(e)) setStale(e);
    else if (!applyFieldErrors(f, e)) void message.error(errorMessage(t, e));
  };
  return (
    <Flex vertical gap={16}>
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          setStale(null);
          void client.invalidateQueries({ queryKey: ['monitoring'] });
        }}
      />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 't', label: t('monitoring.title'), children: `${d.code} — ${d.title}` },
          { key: 'l', label: t('monitoring.legalBasis'), children: d.legalBasis ?? '' },
          { key: 'u', label: t('monitoring.leadUnit'), children: d.leadUnit.name },
          { key: 'd', label: t('monitoring.delegatedUnit'), children: d.delegatedUnit?.name ?? '' },
          {
            key: 'c',
            label: t('monitoring.coordinatingUnits'),
            children: d.coordinatingUnits.map((c) => c.name).join('; '),
          },
          { key: 'p', label: t('monitoring.deliverable'), children: d.deliverable ?? '' },
          {
            key: 'dl',
            label: t('monitoring.deadline'),
            children: (
              <>
                {formatDate(d.deadline)}{' '}
                {d.overdue && (
                  <Typography.Text type="danger">
                    ({t('monitoring.overdueDays', { count: d.daysOverdue })})
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 's',
            label: t('monitoring.progress'),
            children: (
              <>
                <TaskStatusTag status={d.status} /> {d.progressPercent}%
              </>
            ),
          },
          {
            key: 'b',
            label: t('monitoring.budget'),
            children: `${formatVnd(d.budgetSpentVnd)} / ${formatVnd(d.budgetAllocatedVnd)}`,
          },
        ]}
      />
      {/* keyed by version: a reload (or a save) starts the forms again from what the server holds now */}
      {d.canEdit && <TaskEditForm key={`edit-${d.version}`} d={d} onError={failed} />}
      {d.canReport && (
        <Form
          key={`progress-${d.version}`}
          form={form}
          layout="vertical"
          initialValues={{ status: d.status, progressPercent: d.progressPercent, spentVnd: d.budgetSpentVnd }}
          onFinish={(v) =>
            progress.mutate(
              { ...v, version: d.version },
              {
                onSuccess: () => {
                  form.resetFields(['note']);
                  void message.success(t('monitoring.saved'));
                },
                onError: failed(form),
              },
            )
          }
        >
          <Typography.Text strong>{t('monitoring.reportProgress')}</Typography.Text>
          <Flex gap={8} wrap>
            <Form.Item name="status" label={t('monitoring.taskStatusLabel')}>
              <Select
                style={{ width: 170 }}
                options={taskStatuses.map((s) => ({ value: s, label: t(`monitoring.taskStatus.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="progressPercent" label={t('monitoring.progress')}>
              <InputNumber min={0} max={100} suffix="%" />
            </Form.Item>
            <Form.Item name="spentVnd" label={t('monitoring.spentVnd')}>
              <InputNumber min={0} style={{ width: 180 }} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="note"
            label={t('monitoring.note')}
            rules={[{ required: true, whitespace: true, max: 10_000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={progress.isPending}>
            {t('monitoring.send')}
          </Button>
        </Form>
      )}
      <div>
        <Typography.Text strong>{t('monitoring.history')}</Typography.Text>
        {d.history.length === 0 ? (
          <div>
            <Typography.Text type="secondary">{t('monitoring.noHistory')}</Typography.Text>
          </div>
        ) : (
          <Timeline
            style={{ marginTop: 8 }}
            items={d.history.map((h) => ({
              key: h.id,
              title: `${formatDateTime(h.at)} · ${h.authorName}`,
              content: (
                <div>
                  <TaskStatusTag status={h.status} /> {h.progressPercent}% · {formatVnd(h.spentVnd)}
                  {h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
                </div>
              ),
            }))}
          />
        )}
      </div>
    </Flex>
  );
}

/** The secretariat's changes to a task: delegation to a sub-unit of the lead, deadline, budget. */
function TaskEditForm({ d, onError }: { d: TaskDetail; onError: (form: FormInstance) => (e: unknown) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const update = useUpdateTask(d.id);
  const submit = (v: {
    delegatedOrgUnitId?: string | null;
    deadline: { format(f: string): string };
    budgetAllocatedVnd: number;
  }) =>
    update.mutate(
      {
        delegatedOrgUnitId: v.delegatedOrgUnitId ?? null,
        deadline: v.deadline.format('YYYY-MM-DD'),
        budgetAllocatedVnd: v.budgetAllocatedVnd,
        version: d.version,
      },
      {
        onSuccess: () => void message.success(t('monitoring.saved')),
        onError: onError(form),
      },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        delegatedOrgUnitId: d.delegatedUnit?.id ?? null,
        deadline: dayjs(d.deadline),
        budgetAllocatedVnd: d.budgetAllocatedVnd,
      }}
    >
      <Form.Item name="delegatedOrgUnitId" label={t('monitoring.delegatedUnit')}>
        <OrgUnitSelect />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="deadline" label={t('monitoring.deadline')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="budgetAllocatedVnd" label={t('monitoring.allocated')}>
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
      </Flex>
      <Button htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

function TaskForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateTask();
  const dash = useMonitoringDashboard({});
  const plans = usePlans();
  const submit = (v: Omit<TaskInput, 'programId' | 'deadline'> & { deadline: { format(f: string): string } }) =>
    create.mutate(
      { ...v, programId: dash.data!.program.id, deadline: v.deadline.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('monitoring.saved'));
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
        },
      },
    );
  return (
    <Modal
      open
      width={640}
      title={t('monitoring.createTask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ budgetAllocatedVnd: 0 }}>
        <Flex gap={8}>
          <Form.Item
            name="code"
            label={t('monitoring.code')}
            rules={[{ required: true, max: 40 }]}
            style={{ width: 140 }}
          >
            <Input />
          </Form.Item>
          <Form.Item name="planId" label={t('monitoring.plan')} style={{ flex: 1 }}>
            <Select allowClear options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.code }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('monitoring.title')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('monitoring.legalBasis')}>
          <Input maxLength={300} placeholder="QĐ 3457/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="leadOrgUnitId" label={t('monitoring.leadUnit')} rules={[{ required: true }]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="delegatedOrgUnitId" label={t('monitoring.delegatedUnit')}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="coordinatingOrgUnitIds" label={t('monitoring.coordinatingUnits')}>
          <OrgUnitSelect mode="multiple" />
        </Form.Item>
        <Form.Item name="deliverable" label={t('monitoring.deliverable')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="deadline" label={t('monitoring.deadline')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="budgetAllocatedVnd" label={t('monitoring.allocated')}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
