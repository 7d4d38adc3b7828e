import { Alert, App, Button, Card, Flex, Modal, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { useLabel } from '../../lib/use-label';
import { useDiff, useFrameworks, useImportFramework, usePublish } from './api';
import { useCan } from '../auth';
import type { FieldIssue } from '../../../shared/errors';
import { issueMessage } from '../../lib/issue-message';
import type { FrameworkSummary, FrameworkVersionInfo } from '../../api/types';
import { DataTable } from '../../components/data-table';

/** Frameworks as data: import a version from JSON (a draft), publish it (frozen), export any version, compare two. */
export default function FrameworksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = useCan()('dxFramework.manage');
  const imp = useImportFramework();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const readFile = async (file: File) => {
    setIssues([]);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      void message.error(t('dxFrameworks.notJson'));
      return;
    }
    imp.mutate(json, {
      onSuccess: (r) =>
        void message.success(
          t('dxFrameworks.imported', { version: r.version, status: t(`dxFrameworks.status.${r.status as 'draft'}`) }),
        ),
      onError: (err) => {
        if (isApiError(err) && err.issues.length) setIssues(err.issues);
        else void message.error(errorMessage(t, err));
      },
    });
  };
  return (
    <>
      <PageHeader
        title={t('dxFrameworks.title')}
        extra={
          admin && (
            <Upload
              accept="application/json,.json"
              showUploadList={false}
              beforeUpload={(file) => {
                void readFile(file);
                return false;
              }}
            >
              <Button type="primary" loading={imp.isPending}>
                {t('dxFrameworks.importJson')}
              </Button>
            </Upload>
          )
        }
      />
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setIssues([])}
          style={{ marginBottom: 16 }}
          message={t('dxFrameworks.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={i.field + i.message}>
                  <code>{i.field}</code>: {issueMessage(t, i)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <QueryState query={useFrameworks()}>
        {(list) => (
          <Space direction="vertical" style={{ width: '100%' }} size="large">
            {list.map((f) => (
              <FrameworkCard key={f.code} f={f} admin={admin} />
            ))}
          </Space>
        )}
      </QueryState>
    </>
  );
}

function FrameworkCard({ f, admin }: { f: FrameworkSummary; admin: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const publish = usePublish();
  const versions = f.versions.map((v) => v.version);
  const [from, setFrom] = useState<number | undefined>(versions.at(-2));
  const [to, setTo] = useState<number | undefined>(versions.at(-1));
  const diff = useDiff(f.code, from, to);
  const onPublish = (v: number) =>
    Modal.confirm({
      title: t('dxFrameworks.publish'),
      content: t('dxFrameworks.publishConfirm'),
      onOk: () =>
        publish.mutateAsync({ code: f.code, version: v }).then(
          () => void message.success(t('dxFrameworks.published')),
          (e) => void message.error(errorMessage(t, e)),
        ),
    });
  return (
    <Card title={`${f.code} — ${label(f.name)}`}>
      <DataTable<FrameworkVersionInfo>
        phoneColumns={['version', 's', 'p', 'a']}
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={f.versions}
        scroll={{ x: 520 }}
        columns={[
          { title: t('dxFrameworks.version'), dataIndex: 'version', width: 90 },
          {
            title: t('dxFrameworks.statusLabel'),
            key: 's',
            render: (_, v) => (
              <Tag color={v.status === 'published' ? 'green' : 'default'}>{t(`dxFrameworks.status.${v.status}`)}</Tag>
            ),
          },
          {
            title: t('dxFrameworks.publishedAt'),
            key: 'p',
            render: (_, v) => (v.publishedAt ? formatDate(v.publishedAt) : '—'),
          },
          { title: 'SHA-256', key: 'h', render: (_, v) => <code>{v.definitionSha256.slice(0, 12)}…</code> },
          {
            title: '',
            key: 'a',
            render: (_, v) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    void api.download('/api/dx/frameworks/{code}/versions/{version}', {
                      params: { code: f.code, version: v.version },
                      filename: `${f.code}-v${v.version}.json`,
                    })
                  }
                >
                  {t('dxFrameworks.export')}
                </Button>
                {admin && v.status === 'draft' && (
                  <Button size="small" type="primary" onClick={() => onPublish(v.version)}>
                    {t('dxFrameworks.publish')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {versions.length > 1 && (
        <div style={{ marginTop: 16 }}>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
            <strong>{t('dxFrameworks.diff')}</strong>
            <Select
              style={{ width: 100 }}
              value={from}
              onChange={setFrom}
              options={versions.map((v) => ({ value: v, label: `v${v}` }))}
              aria-label={t('dxFrameworks.from')}
            />
            →
            <Select
              style={{ width: 100 }}
              value={to}
              onChange={setTo}
              options={versions.map((v) => ({ value: v, label: `v${v}` }))}
              aria-label={t('dxFrameworks.to')}
            />
          </Flex>
          <DataTable
            phoneColumns={['c', 'code', 'f']}
            rowKey={(c) => `${c.kind}:${c.code}`}
            size="small"
            loading={diff.isFetching}
            dataSource={diff.data?.changes ?? []}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('dxFrameworks.noChanges') }}
            columns={[
              {
                title: '',
                key: 'c',
                width: 90,
                render: (_, c) => (
                  <Tag color={c.change === 'added' ? 'green' : c.change === 'removed' ? 'red' : 'blue'}>
                    {t(`dxFrameworks.change.${c.change}`)}
                  </Tag>
                ),
              },
              { title: '', key: 'k', width: 110, render: (_, c) => t(`dxFrameworks.kind.${c.kind}`) },
              { title: 'Code', dataIndex: 'code' },
              {
                title: t('dxFrameworks.field'),
                key: 'f',
                render: (_, c) =>
                  c.fields.map((x) => (
                    <div key={x.field}>
                      <code>{x.field}</code>: {JSON.stringify(x.before)?.slice(0, 80)} →{' '}
                      {JSON.stringify(x.after)?.slice(0, 80)}
                    </div>
                  )),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
