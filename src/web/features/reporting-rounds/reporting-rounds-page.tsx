import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RoundInput } from '../../../shared/contracts/reporting-rounds';
import { applyFieldErrors } from '../../api/form-errors';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { useCan } from '../auth';
import { useCreateRound, useMonitoringDashboard, usePlans, useRounds } from '../monitoring-dashboard';
import type { Round } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-state';

export default function ReportingRoundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useRounds({ limit: 20, offset: (page - 1) * 20 });
  const columns: TableColumnsType<Round> = [
    {
      title: t('monitoring.roundTitle'),
      key: 'title',
      width: 240,
      render: (_, r) => <Link to={`/reporting-rounds/${r.id}`}>{r.title}</Link>,
    },
    { title: t('monitoring.period'), dataIndex: 'period', width: 90 },
    { title: t('monitoring.plan'), key: 'plan', width: 140, render: (_, r) => r.plan?.code ?? '' },
    { title: t('monitoring.dueDate'), key: 'due', width: 110, render: (_, r) => formatDate(r.dueDate) },
    {
      title: '',
      key: 'status',
      width: 100,
      render: (_, r) => (
        <Tag color={r.status === 'open' ? 'blue' : 'default'}>{t(`monitoring.roundStatus.${r.status}`)}</Tag>
      ),
    },
    {
      title: t('monitoring.completeness'),
      key: 'counts',
      width: 260,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Progress
            aria-label={t('monitoring.completeness')}
            size="small"
            percent={r.counts.expected ? Math.round((r.counts.submitted / r.counts.expected) * 100) : 0}
          />
          <span style={{ fontSize: 12 }}>
            {t('monitoring.submittedCount', r.counts)} · {t('monitoring.approvedCount', { count: r.counts.approved })} ·{' '}
            <Tag color="success">{r.counts.onTime}</Tag>
            <Tag color="warning">{r.counts.late}</Tag>
            <Tag color="error">{r.counts.missing}</Tag>
          </span>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('monitoring.roundsTitle')}
        extra={
          can('indicator.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('monitoring.createRound')}
            </Button>
          )
        }
      />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Round>
          phoneColumns={['title', 'status', 'due']}
          locale={{ emptyText: <EmptyList title={t('emptyList.rounds')} hint={t('emptyList.roundsHint')} /> }}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 940 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      )}
      {creating && <RoundForm onClose={() => setCreating(false)} />}
    </>
  );
}

function RoundForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateRound();
  const dash = useMonitoringDashboard({});
  const plans = usePlans();
  const periodType = Form.useWatch<RoundInput['periodType']>('periodType', form);
  const submit = (v: Omit<RoundInput, 'dueDate' | 'programId'> & { dueDate: { format(f: string): string } }) => {
    if (!dash.data) return;
    create.mutate(
      {
        ...v,
        programId: dash.data.program.id,
        dueDate: v.dueDate.format('YYYY-MM-DD'),
        quarter: v.periodType === 'quarter' ? v.quarter : null,
      },
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
  };
  return (
    <Modal
      open
      title={t('monitoring.createRound')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ periodType: 'quarter', year: new Date().getFullYear(), quarter: 1 }}
        onFinish={submit}
      >
        <Form.Item name="title" label={t('monitoring.roundTitle')} rules={[{ required: true, max: 200 }]}>
          <Input placeholder="Q4/2025" />
        </Form.Item>
        <Form.Item name="planId" label={t('monitoring.plan')}>
          <Select allowClear options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.code }))} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="periodType" label={t('monitoring.periodTypeLabel')}>
            <Select
              style={{ width: 120 }}
              options={(['quarter', 'year'] as const).map((p) => ({
                value: p,
                label: t(`monitoring.periodType.${p}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t('monitoring.year')} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          {periodType === 'quarter' && (
            <Form.Item name="quarter" label={t('monitoring.quarter')}>
              <Select style={{ width: 80 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: q }))} />
            </Form.Item>
          )}
          <Form.Item name="dueDate" label={t('monitoring.dueDate')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
