import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SupportKind, SupportProgram } from '../../../shared/contracts/support-programs';
import { supportKinds, supportProgramInput } from '../../../shared/contracts/support-programs';
import { formatVnd } from '../../../shared/support/decree80';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { errorMessage, reasonMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { DATE_FORMAT, isoDateItem } from '../../lib/iso-date';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { zodRule } from '../../lib/zod-rule';
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

const field = supportProgramInput.shape;

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
        <Form.Item name="name" label={t('supportPrograms.name')} rules={[zodRule(field.name)]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('supportPrograms.legalBasis')} rules={[zodRule(field.legalBasis)]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="periodFrom"
            label={t('supportPrograms.period')}
            rules={[zodRule(field.periodFrom)]}
            {...isoDateItem}
          >
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
          </Form.Item>
          <Form.Item
            name="periodTo"
            label="–"
            dependencies={['periodFrom']}
            rules={[
              zodRule(field.periodTo),
              ({ getFieldValue }) => ({
                // the contract's own rule (periodTo not before periodFrom), said where it is typed
                validator: async (_r, to?: string) => {
                  const from = getFieldValue('periodFrom') as string | undefined;
                  if (from && to && to < from) throw new Error(reasonMessage('DATE_BEFORE_START') ?? '');
                },
              }),
            ]}
            {...isoDateItem}
          >
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
          </Form.Item>
        </Space>
        <Form.Item name="budgetVnd" label={t('supportPrograms.budget')} rules={[zodRule(field.budgetVnd)]}>
          <InputNumber min={0} step={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kinds" label={t('supportPrograms.kinds')} rules={[zodRule(field.kinds)]}>
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
                render: (_, p) => `${formatDate(p.periodFrom)} – ${formatDate(p.periodTo)}`,
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
