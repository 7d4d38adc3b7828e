import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Progress, Select, Space, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage, reasonMessage } from '../../i18n/error-message';
import { useImportJobs, useStartImport } from './api';
import type { ImportJob } from '../../api/types';
import { DataTable } from '../../components/data-table';

const statusColor = { running: 'processing', done: 'success', failed: 'error' } as const;

/** Admin: upload a CSV/XLSX of enterprises or assessments; the job row is polled for the progress bar. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<'enterprises' | 'assessments'>('enterprises');
  const [file, setFile] = useState<File | null>(null);
  const jobs = useImportJobs();
  const start = useStartImport();
  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('dxAnalytics.imports.fileName'),
      key: 'file',
      render: (_, j) => (
        <>
          {j.fileName}
          <br />
          <Typography.Text type="secondary">{t(`dxAnalytics.imports.kinds.${j.kind}`)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('dxAnalytics.imports.started'),
      key: 'at',
      width: 150,
      render: (_, j) => dayjs(j.createdAt).format('DD/MM/YYYY HH:mm'),
    },
    {
      title: t('dxAnalytics.imports.progress'),
      key: 'progress',
      width: 260,
      render: (_, j) => (
        <Flex vertical>
          <Progress
            aria-label={t('dxAnalytics.imports.progress')}
            percent={
              j.status === 'done' ? 100 : j.totalRows ? Math.min(99, Math.floor((100 * j.rowsDone) / j.totalRows)) : 0
            }
            status={j.status === 'failed' ? 'exception' : j.status === 'running' ? 'active' : 'success'}
            size="small"
          />
          <Typography.Text type="secondary">
            {t('dxAnalytics.imports.rows', { ok: j.rowsOk, failed: j.rowsFailed })}
          </Typography.Text>
          {j.takeovers > 0 && j.status !== 'failed' && (
            <Typography.Text type="warning">{t('dxAnalytics.imports.resumed')}</Typography.Text>
          )}
          {j.failure && (
            <Typography.Text type="danger">
              {(j.failureReason && reasonMessage(j.failureReason)) || j.failure}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'status',
      width: 120,
      render: (_, j) => <Tag color={statusColor[j.status]}>{t(`dxAnalytics.imports.status.${j.status}`)}</Tag>,
    },
    {
      title: '',
      key: 'errors',
      width: 200,
      render: (_, j) =>
        j.rowsFailed > 0 ? (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              void api
                .download('/api/dx/imports/{id}/errors.csv', { params: { id: j.id } })
                .catch((e: unknown) => message.error(errorMessage(t, e)))
            }
          >
            {t('dxAnalytics.imports.errors')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader title={t('dxAnalytics.importsTitle')} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex vertical gap={12}>
            <Space wrap>
              <Select
                value={kind}
                onChange={setKind}
                style={{ width: 180 }}
                aria-label={t('dxAnalytics.imports.kind')}
                options={(['enterprises', 'assessments'] as const).map((k) => ({
                  value: k,
                  label: t(`dxAnalytics.imports.kinds.${k}`),
                }))}
              />
              <Upload
                accept=".csv,.xlsx"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined />}>{t('dxAnalytics.imports.file')}</Button>
              </Upload>
              <Button
                type="primary"
                disabled={!file}
                loading={start.isPending}
                onClick={() =>
                  file &&
                  start.mutate(
                    { kind, file },
                    { onError: (e) => void message.error(errorMessage(t, e)), onSuccess: () => setFile(null) },
                  )
                }
              >
                {t('dxAnalytics.imports.upload')}
              </Button>
            </Space>
            <Typography.Text type="secondary">{t('dxAnalytics.imports.hint')}</Typography.Text>
          </Flex>
        </Card>
        <Card size="small" title={t('dxAnalytics.imports.jobs')}>
          <QueryState query={jobs}>
            {(list) => (
              <DataTable<ImportJob>
                phoneColumns={['file', 'status', 'progress']}
                size="small"
                rowKey="id"
                columns={columns}
                dataSource={list}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            )}
          </QueryState>
        </Card>
      </Flex>
    </>
  );
}
