import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Enrolment, EnrolmentImportResult, SupportKind } from '../../../shared/contracts/support-programs';
import { enrolmentInput, supportGivenInput, supportKinds } from '../../../shared/contracts/support-programs';
import { formatVnd } from '../../../shared/support/decree80';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { issueMessage } from '../../lib/issue-message';
import { DATE_FORMAT, isoDateItem } from '../../lib/iso-date';
import { zodRule } from '../../lib/zod-rule';
import {
  useAddSupport,
  useEnrol,
  useEnrolments,
  useImpact,
  useImportEnrolments,
  useSupportProgram,
  useUpdateSupportProgram,
} from './api';
import { SupportProgramForm } from './programs-page';
import { SupportList } from './support-list';

function ImpactCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const impact = useImpact(id, true);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Card title={t('supportPrograms.impactTitle')} style={{ marginBottom: 16 }}>
      <QueryState query={impact}>
        {(r) => {
          const withheld = t('supportPrograms.withheld', { k: r.suppressBelow });
          const side = (s: { n: number; meanChange: number } | null) =>
            s ? `${s.n} · ${s.meanChange >= 0 ? '+' : ''}${s.meanChange}` : withheld;
          return (
            <>
              {/* the caveat stands beside the figures, always */}
              <Alert type="warning" showIcon message={r.caveat[lang]} style={{ marginBottom: 12 }} />
              <Typography.Paragraph>{t('supportPrograms.impactIntro', { year: r.baselineYear })}</Typography.Paragraph>
              {/* the app's DataTable: wider than a phone, its scroll region is reachable from the keyboard */}
              <DataTable
                size="small"
                rowKey={(c) => `${c.sectorCode}|${c.sizeClass}|${c.startLevel}`}
                dataSource={r.cells}
                pagination={false}
                scroll={{ x: 700 }}
                phoneColumns={['sectorCode', 'size', 'd']}
                columns={[
                  { title: t('supportPrograms.sector'), dataIndex: 'sectorCode', width: 80 },
                  {
                    title: t('enterprises.sizeClassLabel'),
                    key: 'size',
                    width: 110,
                    render: (_, c) => t(`supportPrograms.sizeClass.${c.sizeClass}`),
                  },
                  { title: t('supportPrograms.startLevel'), dataIndex: 'startLevel', width: 110 },
                  { title: t('supportPrograms.enrolledChange'), key: 'e', render: (_, c) => side(c.enrolled) },
                  { title: t('supportPrograms.othersChange'), key: 'o', render: (_, c) => side(c.others) },
                  {
                    title: t('supportPrograms.difference'),
                    key: 'd',
                    render: (_, c) => (c.difference === null ? withheld : c.difference),
                  },
                ]}
              />
              {r.overall && (
                <Typography.Paragraph strong style={{ marginTop: 12 }}>
                  {t('supportPrograms.overall', { value: r.overall.weightedDifference })}
                </Typography.Paragraph>
              )}
              {r.notComparable > 0 && (
                <Typography.Paragraph type="secondary">
                  {t('supportPrograms.notComparable', { count: r.notComparable })}
                </Typography.Paragraph>
              )}
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}

const given = supportGivenInput.shape;

function EnrolmentsCard({ id, canEnrol }: { id: string; canEnrol: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useEnrolments(id);
  const enrol = useEnrol(id);
  const upload = useImportEnrolments(id);
  const addSupport = useAddSupport();
  const [result, setResult] = useState<EnrolmentImportResult | null>(null);
  const [supportFor, setSupportFor] = useState<Enrolment | null>(null);
  const [enrolForm] = Form.useForm<{ taxCode: string; enrolledOn: string; note?: string }>();
  const [supportForm] = Form.useForm<{ kind: SupportKind; provider: string; amountVnd: number; givenOn: string }>();
  const fail = (err: unknown) => void message.error(errorMessage(t, err));
  return (
    <Card title={t('supportPrograms.enrolments')} style={{ marginBottom: 16 }}>
      {canEnrol && (
        <>
          <Form
            form={enrolForm}
            layout="inline"
            style={{ marginBottom: 12, rowGap: 8 }}
            onFinish={(v) =>
              enrol.mutate({ ...v, note: v.note || null }, { onSuccess: () => enrolForm.resetFields(), onError: fail })
            }
          >
            <Form.Item name="taxCode" rules={[zodRule(enrolmentInput.shape.taxCode)]}>
              <Input placeholder={t('supportPrograms.taxCode')} aria-label={t('supportPrograms.taxCode')} />
            </Form.Item>
            <Form.Item name="enrolledOn" rules={[zodRule(enrolmentInput.shape.enrolledOn)]} {...isoDateItem}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('supportPrograms.enrolledOn')}
                aria-label={t('supportPrograms.enrolledOn')}
              />
            </Form.Item>
            <Form.Item name="note" rules={[zodRule(enrolmentInput.shape.note)]}>
              <Input placeholder={t('supportPrograms.note')} aria-label={t('supportPrograms.note')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={enrol.isPending}>
              {t('supportPrograms.enrol')}
            </Button>
            <Upload
              accept=".csv,.xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file, {
                  onSuccess: (r) => {
                    setResult(r);
                    if (r.applied)
                      void message.success(
                        t('supportPrograms.importDone', { created: r.created, already: r.alreadyEnrolled }),
                      );
                  },
                  onError: fail,
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                {t('supportPrograms.import')}
              </Button>
            </Upload>
          </Form>
          <Typography.Paragraph type="secondary">{t('supportPrograms.importHint')}</Typography.Paragraph>
          {result && !result.applied && (
            <Alert
              type="error"
              showIcon
              closable
              onClose={() => setResult(null)}
              message={t('supportPrograms.importErrors', { count: result.errors.length })}
              description={
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}|${e.field}`}
                  dataSource={result.errors}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: t('supportPrograms.row'), dataIndex: 'row', width: 70 },
                    { title: t('supportPrograms.column'), dataIndex: 'field', width: 120 },
                    {
                      title: t('supportPrograms.reason'),
                      key: 'reason',
                      render: (_, e) => issueMessage(t, { message: e.reason, code: e.code, params: e.params }),
                    },
                  ]}
                />
              }
              style={{ marginBottom: 12 }}
            />
          )}
        </>
      )}
      <DataTable<Enrolment>
        phoneColumns={['enterprise', 'given']}
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: 800 }}
        expandable={{ expandedRowRender: (e) => <SupportList items={e.support} /> }}
        columns={[
          {
            title: t('supportPrograms.enterprise'),
            key: 'enterprise',
            render: (_, e) => `${e.enterprise.name} · ${e.enterprise.taxCode}`,
          },
          {
            title: t('enterprises.sizeClassLabel'),
            key: 'size',
            width: 110,
            render: (_, e) => t(`supportPrograms.sizeClass.${e.enterprise.sizeClass}`),
          },
          {
            title: t('supportPrograms.enrolledOn'),
            key: 'enrolledOn',
            width: 130,
            render: (_, e) => formatDate(e.enrolledOn),
          },
          { title: t('supportPrograms.given'), key: 'given', width: 160, render: (_, e) => formatVnd(e.givenVnd) },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_, e) =>
              e.permissions.edit && (
                <Button size="small" onClick={() => setSupportFor(e)}>
                  {t('supportPrograms.addSupport')}
                </Button>
              ),
          },
        ]}
      />
      {supportFor && (
        <Modal
          open
          title={`${t('supportPrograms.addSupport')}: ${supportFor.enterprise.name}`}
          onCancel={() => setSupportFor(null)}
          onOk={() => supportForm.submit()}
          confirmLoading={addSupport.isPending}
          destroyOnHidden
        >
          <Form
            form={supportForm}
            layout="vertical"
            onFinish={(v) =>
              addSupport.mutate(
                { ...v, enrolmentId: supportFor.id },
                { onSuccess: () => setSupportFor(null), onError: fail },
              )
            }
          >
            <Form.Item name="kind" label={t('supportPrograms.kinds')} rules={[zodRule(given.kind)]}>
              <Select options={supportKinds.map((k) => ({ value: k, label: t(`supportPrograms.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="provider" label={t('supportPrograms.provider')} rules={[zodRule(given.provider)]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="amountVnd" label={t('supportPrograms.amount')} rules={[zodRule(given.amountVnd)]}>
              <InputNumber min={0} step={1_000_000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="givenOn"
              label={t('supportPrograms.givenOn')}
              rules={[zodRule(given.givenOn)]}
              {...isoDateItem}
            >
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}

export default function SupportProgramPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const program = useSupportProgram(id);
  const update = useUpdateSupportProgram(id);
  const [editing, setEditing] = useState(false);
  return (
    <QueryState query={program}>
      {(p) => (
        <>
          <PageHeader
            title={p.name}
            breadcrumbs={[{ title: t('supportPrograms.title'), to: '/support-programs' }, { title: p.name }]}
            extra={p.permissions.edit && <Button onClick={() => setEditing(true)}>{t('supportPrograms.edit')}</Button>}
          />
          {editing && (
            <SupportProgramForm
              title={t('supportPrograms.edit')}
              initial={p}
              saving={update.isPending}
              onClose={() => setEditing(false)}
              onSubmit={(v) =>
                update.mutate(
                  { ...v, version: p.version },
                  { onSuccess: () => setEditing(false), onError: (err) => void message.error(errorMessage(t, err)) },
                )
              }
            />
          )}
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('supportPrograms.legalBasis')}>{p.legalBasis}</Descriptions.Item>
              <Descriptions.Item label={t('supportPrograms.period')}>
                {formatDate(p.periodFrom)} – {formatDate(p.periodTo)}
              </Descriptions.Item>
              <Descriptions.Item label={t('supportPrograms.budget')}>{formatVnd(p.budgetVnd)}</Descriptions.Item>
              <Descriptions.Item label={t('supportPrograms.kinds')}>
                <Space wrap>
                  {p.kinds.map((k) => (
                    <Tag key={k}>{t(`supportPrograms.kind.${k}`)}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('supportPrograms.enrolled')}>{p.enrolled}</Descriptions.Item>
              <Descriptions.Item label={t('supportPrograms.given')}>{formatVnd(p.givenVnd)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('supportPrograms.cohortTitle')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="sizeClass"
              dataSource={p.cohortBudget.byClass}
              pagination={false}
              columns={[
                {
                  title: t('enterprises.sizeClassLabel'),
                  key: 'c',
                  render: (_, c) => t(`supportPrograms.sizeClass.${c.sizeClass}`),
                },
                { title: t('supportPrograms.cohortFirms'), dataIndex: 'firms' },
                { title: t('supportPrograms.cohortPerFirm'), key: 'p', render: (_, c) => formatVnd(c.perFirmVnd) },
                { title: t('supportPrograms.cohortTotal'), key: 't', render: (_, c) => formatVnd(c.totalVnd) },
              ]}
            />
            <Typography.Paragraph strong style={{ marginTop: 12 }}>
              {t('supportPrograms.cohortSum', { total: p.cohortBudget.totalText })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {p.cohortBudget.items.length
                ? t('supportPrograms.cohortCounted', {
                    items: p.cohortBudget.items
                      .map((i) => `${t(`supportPrograms.kind.${i.kind}`)} (${i.citation})`)
                      .join('; '),
                  })
                : t('supportPrograms.cohortNone')}
            </Typography.Paragraph>
            {p.cohortBudget.unconfirmed && (
              <Typography.Paragraph type="secondary">{t('supportPrograms.unconfirmed')}</Typography.Paragraph>
            )}
          </Card>
          {p.permissions.readImpact && <ImpactCard id={p.id} />}
          {p.permissions.readEnrolments && <EnrolmentsCard id={p.id} canEnrol={p.permissions.enrol} />}
        </>
      )}
    </QueryState>
  );
}
