import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SupportKind, SupportProgram } from '../../../shared/contracts/support-programs';
import { supportKinds } from '../../../shared/contracts/support-programs';
import { formatVnd } from '../../../shared/support/decree80';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import { useCreateSupportProgram, useSupportPrograms } from './api';

interface FormValues {
  name: string;
  legalBasis: string;
  periodFrom: string;
  periodTo: string;
  budgetVnd: number;
  kinds: SupportKind[];
}

/** Create (or, with `initial`, edit) a program: the fields the contract checks, vi first. */
export function SupportProgramForm({
  initial,
  onSubmit,
  onClose,
  saving,
  title,
}: {
  initial?: Partial<FormValues>;
  onSubmit: (v: FormValues) => void;
  onClose: () => void;
  saving: boolean;
  title: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onSubmit}>
        <Form.Item name="name" label={t('supportPrograms.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('supportPrograms.legalBasis')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="periodFrom" label={t('supportPrograms.period')} rules={[{ required: true }]}>
            <Input type="date" aria-label={t('supportPrograms.period')} />
          </Form.Item>
          <Form.Item name="periodTo" label="–" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="budgetVnd" label={t('supportPrograms.budget')} rules={[{ required: true }]}>
          <InputNumber min={0} step={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kinds" label={t('supportPrograms.kinds')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={supportKinds.map((k) => ({ value: k, label: t(`supportPrograms.kind.${k}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function SupportProgramsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const programs = useSupportPrograms(q);
  const canWrite = useCan()('supportProgram.manage');
  const [creating, setCreating] = useState(false);
  const create = useCreateSupportProgram();
  return (
    <>
      <PageHeader
        title={t('supportPrograms.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('supportPrograms.create')}
            </Button>
          )
        }
      />
      {creating && (
        <SupportProgramForm
          title={t('supportPrograms.create')}
          saving={create.isPending}
          onClose={() => setCreating(false)}
          onSubmit={(v) =>
            create.mutate(v, {
              onSuccess: () => setCreating(false),
              onError: (err) => void message.error(errorMessage(t, err)),
            })
          }
        />
      )}
      <Card>
        <Input.Search
          allowClear
          placeholder={t('supportPrograms.searchPlaceholder')}
          aria-label={t('common.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {programs.isError ? (
          <ErrorResult error={programs.error} onRetry={() => void programs.refetch()} />
        ) : (
          <DataTable<SupportProgram>
            phoneColumns={['name', 'period']}
            rowKey="id"
            loading={programs.isPending}
            dataSource={programs.data?.items}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('supportPrograms.name'),
                dataIndex: 'name',
                key: 'name',
                render: (name: string, p) => <Link to={`/support-programs/${p.id}`}>{name}</Link>,
              },
              {
                title: t('supportPrograms.period'),
                key: 'period',
                width: 200,
                render: (_, p) => `${p.periodFrom} – ${p.periodTo}`,
              },
              {
                title: t('supportPrograms.kinds'),
                key: 'kinds',
                render: (_, p) => p.kinds.map((k) => <Tag key={k}>{t(`supportPrograms.kind.${k}`)}</Tag>),
              },
              {
                title: t('supportPrograms.budget'),
                key: 'budget',
                width: 170,
                render: (_, p) => formatVnd(p.budgetVnd),
              },
              { title: t('supportPrograms.enrolled'), dataIndex: 'enrolled', width: 110 },
              { title: t('supportPrograms.given'), key: 'given', width: 170, render: (_, p) => formatVnd(p.givenVnd) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
