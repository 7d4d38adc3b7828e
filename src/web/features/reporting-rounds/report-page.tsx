import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CellIssue, ReportSaveInput } from '../../../shared/contracts/reporting-rounds';
import { taskStatuses } from '../../../shared/monitoring-domain';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError, type ApiError } from '../../api/client';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { applyFieldErrors } from '../../api/form-errors';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage, reasonMessage } from '../../i18n/error-message';
import { formatDate, formatDateTime, formatVnd } from '../../lib/format';
import {
  downloadMonitoringFile,
  downloadReportTemplate,
  useImportReport,
  useReport,
  useReportEvidence,
  useReviewReport,
  useReviseReport,
  useSaveReport,
  useSubmitReport,
  monitoringKey,
  ReportStatusTag,
  TimelinessTag,
  figure,
} from '../monitoring-dashboard';
import { ValueEvidence } from './value-evidence';
import type { ReportDetail } from '../../api/types';

type FormValues = Required<Omit<ReportSaveInput, 'version'>> & { reason?: string };

export default function ReportPage() {
  const { id = '', orgUnitId = '' } = useParams();
  const query = useReport(id, orgUnitId);
  // remount the form when the server's version changes, so fields show what was saved
  return (
    <QueryState query={query}>
      {(d) => <ReportForm key={`${d.status}:${d.revision}:${d.events.length}:${d.version}`} d={d} />}
    </QueryState>
  );
}

const toForm = (d: ReportDetail): FormValues => ({
  narrative: d.narrative,
  values: d.indicators.map((i) => ({ indicatorId: i.indicatorId, value: i.value, comment: i.comment })),
  tasks: d.tasks.map((x) => ({
    taskId: x.taskId,
    status: x.status,
    progressPercent: x.progressPercent,
    spentVnd: x.spentVnd,
    note: x.note,
  })),
});

function ReportForm({ d }: { d: ReportDetail }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [cellIssues, setCellIssues] = useState<CellIssue[]>([]);
  const save = useSaveReport(d.round.id, d.orgUnit.id);
  const submit = useSubmitReport(d.round.id, d.orgUnit.id);
  const review = useReviewReport(d.round.id, d.orgUnit.id);
  const revise = useReviseReport(d.round.id, d.orgUnit.id);
  const importXlsx = useImportReport(d.round.id, d.orgUnit.id);
  const evidence = useReportEvidence(d.round.id, d.orgUnit.id);
  const [reviewComment, setReviewComment] = useState('');
  const editable = d.permissions.canEdit || d.permissions.canRevise;
  const client = useQueryClient();
  // the version this page read, moved on by its own saves: someone else's change in between is refused, not overwritten
  const [version, setVersion] = useState(d.version);
  const [stale, setStale] = useState<ApiError | null>(null);
  const saved = (r: ReportDetail) => setVersion(r.version);
  const fail = (e: unknown) => {
    if (isStaleVersion(e)) setStale(e);
    else if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
  };
  const content = (): ReportSaveInput & { version: number } => {
    const v = form.getFieldsValue(true) as FormValues;
    return {
      version,
      narrative: v.narrative ?? '',
      values: v.values.map((x) => ({ indicatorId: x.indicatorId, value: x.value ?? null, comment: x.comment || null })),
      tasks: v.tasks.map((x) => ({ ...x, note: x.note || null })),
    };
  };
  const onSave = () =>
    save.mutate(content(), {
      onSuccess: (r) => {
        saved(r);
        void message.success(t('monitoring.saved'));
      },
      onError: fail,
    });
  // submitting locks the report until the secretariat returns it: confirmed first, like every irreversible action
  const onSubmit = () => {
    void modal.confirm({
      title: t('monitoring.submitConfirmTitle'),
      content: t('monitoring.submitConfirmText', { round: d.round.title }),
      okText: t('monitoring.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save.mutate(content(), {
          onSuccess: (r) => {
            saved(r);
            submit.mutate(undefined, {
              onSuccess: () => void message.success(t('monitoring.submitted')),
              onError: fail,
            });
          },
          onError: fail,
        }),
    });
  };
  const onRevise = async () => {
    const { reason } = await form.validateFields(['reason']);
    revise.mutate(
      { ...content(), reason: reason! },
      {
        onSuccess: (r) => {
          saved(r);
          void message.success(t('monitoring.revised'));
        },
        onError: fail,
      },
    );
  };
  const onReview = (decision: 'approve' | 'return') => {
    if (decision === 'return' && !reviewComment.trim()) {
      void message.warning(t('monitoring.returnCommentRequired'));
      return;
    }
    review.mutate(
      { decision, ...(reviewComment.trim() ? { comment: reviewComment.trim() } : {}) },
      {
        onSuccess: () =>
          void message.success(t(decision === 'approve' ? 'monitoring.approved' : 'monitoring.returned')),
        onError: fail,
      },
    );
  };
  const onImport = (file: File) => {
    setCellIssues([]);
    importXlsx.mutate(file, {
      onSuccess: () => void message.success(t('monitoring.imported')),
      onError: (e) => {
        const cells = isApiError(e) ? (e.details as { cells?: CellIssue[] } | null)?.cells : undefined;
        if (cells?.length) setCellIssues(cells);
        else void message.error(errorMessage(t, e));
      },
    });
    return false;
  };
  const name = (i: { nameVi: string; nameEn: string | null }) =>
    i18n.language === 'en' && i.nameEn ? i.nameEn : i.nameVi;

  return (
    <>
      <PageHeader
        title={t('monitoring.reportTitle', { period: d.round.period, unit: d.orgUnit.name })}
        breadcrumbs={[
          { title: t('monitoring.roundsTitle'), to: '/reporting-rounds' },
          { title: d.round.title, to: `/reporting-rounds/${d.round.id}` },
          { title: d.orgUnit.name },
        ]}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadReportTemplate(d.round.id, d.orgUnit.id)}>
              {t('monitoring.templateXlsx')}
            </Button>
            {d.permissions.canEdit && (
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={onImport}>
                <Button icon={<UploadOutlined />} loading={importXlsx.isPending}>
                  {t('monitoring.importXlsx')}
                </Button>
              </Upload>
            )}
          </>
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <ReportStatusTag status={d.status} />
        <TimelinessTag value={d.timeliness} />
        <Typography.Text type="secondary">
          {t('monitoring.dueDate')}: {formatDate(d.round.dueDate)}
        </Typography.Text>
        {d.revision > 0 && (
          <Typography.Text type="secondary">{t('monitoring.revision', { n: d.revision })}</Typography.Text>
        )}
      </Flex>
      {d.status === 'returned' && d.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('monitoring.reviewComment')}
          description={d.reviewComment}
        />
      )}
      {d.status === 'approved' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('monitoring.lockedApproved')} />
      )}
      {d.status === 'submitted' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('monitoring.lockedSubmitted')} />
      )}
      {cellIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('monitoring.importErrors')}
          closable
          onClose={() => setCellIssues([])}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {cellIssues.map((c) => (
                <li key={`${c.sheet}${c.cell}${c.field}`}>
                  {c.sheet}!{c.cell} ({c.field}): {(c.code && reasonMessage(c.code, c.params)) || c.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <StaleVersionAlert
        error={stale}
        onReload={() => {
          setStale(null);
          void client.invalidateQueries({ queryKey: monitoringKey });
        }}
      />
      <Form form={form} name="report" layout="vertical" initialValues={toForm(d)} disabled={!editable}>
        <Card size="small" title={t('monitoring.indicatorsSection')} style={{ marginBottom: 16 }}>
          {d.indicators.length === 0 && (
            <Typography.Text type="secondary">{t('monitoring.noIndicators')}</Typography.Text>
          )}
          <List
            dataSource={d.indicators}
            renderItem={(i, idx) => (
              <List.Item key={i.indicatorId} style={{ display: 'block' }}>
                <Typography.Text strong>{i.code}</Typography.Text> · {name(i)}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`monitoring.measureUnit.${i.measureUnit}`)} · {i.period} · {t('monitoring.target')}:{' '}
                    {figure(i.target, i.measureUnit)}
                  </Typography.Text>
                </div>
                <Flex wrap gap={8} style={{ marginTop: 6 }}>
                  <Form.Item
                    name={['values', idx, 'value']}
                    label={t('monitoring.value')}
                    style={{ marginBottom: 0, width: 180 }}
                  >
                    <InputNumber style={{ width: '100%' }} min={-1e15} max={1e15} />
                  </Form.Item>
                  <Form.Item
                    name={['values', idx, 'comment']}
                    label={t('monitoring.comment')}
                    style={{ marginBottom: 0, flex: '1 1 200px' }}
                  >
                    <Input maxLength={2000} />
                  </Form.Item>
                  <div style={{ alignSelf: 'flex-end' }}>
                    <ValueEvidence d={d} row={i} />
                  </div>
                </Flex>
              </List.Item>
            )}
          />
        </Card>

        <Card size="small" title={t('monitoring.tasksSection')} style={{ marginBottom: 16 }}>
          {d.tasks.length === 0 && <Typography.Text type="secondary">{t('monitoring.noTasks')}</Typography.Text>}
          <List
            dataSource={d.tasks}
            renderItem={(x, idx) => (
              <List.Item key={x.taskId} style={{ display: 'block' }}>
                <Typography.Text strong>{x.code}</Typography.Text> · {x.title}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('monitoring.deadline')}: {formatDate(x.deadline)} · {t('monitoring.allocated')}:{' '}
                    {formatVnd(x.budgetAllocatedVnd)}
                  </Typography.Text>
                </div>
                <Flex wrap gap={8} style={{ marginTop: 6 }}>
                  <Form.Item
                    name={['tasks', idx, 'status']}
                    label={t('monitoring.taskStatusLabel')}
                    style={{ marginBottom: 0, width: 170 }}
                  >
                    <Select options={taskStatuses.map((s) => ({ value: s, label: t(`monitoring.taskStatus.${s}`) }))} />
                  </Form.Item>
                  <Form.Item
                    name={['tasks', idx, 'progressPercent']}
                    label={t('monitoring.progress')}
                    style={{ marginBottom: 0, width: 100 }}
                  >
                    <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item
                    name={['tasks', idx, 'spentVnd']}
                    label={t('monitoring.spentVnd')}
                    style={{ marginBottom: 0, width: 190 }}
                  >
                    <InputNumber
                      min={0}
                      max={1e15}
                      step={1_000_000}
                      style={{ width: '100%' }}
                      formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
                      parser={(v) => Number((v ?? '').replace(/\./g, '')) as 0}
                    />
                  </Form.Item>
                  <Form.Item
                    name={['tasks', idx, 'note']}
                    label={t('monitoring.note')}
                    style={{ marginBottom: 0, flex: '1 1 200px' }}
                  >
                    <Input maxLength={5000} />
                  </Form.Item>
                </Flex>
              </List.Item>
            )}
          />
        </Card>

        <Card size="small" title={t('monitoring.narrative')} style={{ marginBottom: 16 }}>
          <Form.Item name="narrative" style={{ marginBottom: 0 }}>
            {/* the card's title labels it visually; the field needs the name too */}
            <Input.TextArea rows={4} maxLength={20_000} showCount aria-label={t('monitoring.narrative')} />
          </Form.Item>
        </Card>

        {d.permissions.canEdit && (
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Button onClick={onSave} loading={save.isPending}>
              {t('monitoring.saveDraft')}
            </Button>
            <Button type="primary" onClick={onSubmit} loading={submit.isPending}>
              {t('monitoring.submit')}
            </Button>
          </Flex>
        )}
        {d.permissions.canRevise && (
          <Card size="small" title={t('monitoring.revise')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="reason"
              label={t('monitoring.reviseReason')}
              rules={[{ required: true, whitespace: true, max: 2000 }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button onClick={() => void onRevise()} loading={revise.isPending}>
              {t('monitoring.revise')}
            </Button>
          </Card>
        )}
      </Form>

      {d.permissions.canReview && (
        <Card size="small" title={t('monitoring.reviewComment')} style={{ marginBottom: 16 }}>
          <Input.TextArea
            id="review-comment"
            rows={3}
            maxLength={5000}
            value={reviewComment}
            onChange={(e) => setReviewComment(e.target.value)}
            placeholder={t('monitoring.returnComment')}
          />
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Button type="primary" onClick={() => onReview('approve')} loading={review.isPending}>
              {t('monitoring.approve')}
            </Button>
            <Button danger onClick={() => onReview('return')} loading={review.isPending}>
              {t('monitoring.returnReport')}
            </Button>
          </Flex>
        </Card>
      )}

      <Card
        size="small"
        title={t('monitoring.evidence')}
        style={{ marginBottom: 16 }}
        extra={
          d.permissions.canEdit && (
            <Upload
              showUploadList={false}
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx"
              beforeUpload={(file) => {
                evidence.mutate(file, { onSuccess: () => void message.success(t('monitoring.saved')), onError: fail });
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={evidence.isPending}>
                {t('monitoring.uploadEvidence')}
              </Button>
            </Upload>
          )
        }
      >
        {d.evidence.length === 0 ? (
          <Typography.Text type="secondary">{t('monitoring.noData')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={d.evidence}
            renderItem={(f) => (
              <List.Item>
                <Typography.Link onClick={() => void downloadMonitoringFile(f.id, f.fileName)}>
                  {f.fileName}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(f.uploadedAt)} · {f.uploadedByName}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('monitoring.history')}>
        {d.events.length === 0 ? (
          <Typography.Text type="secondary">{t('monitoring.noHistory')}</Typography.Text>
        ) : (
          <Timeline
            items={d.events.map((e) => ({
              key: e.id,
              color:
                e.action === 'approve'
                  ? 'green'
                  : e.action === 'return'
                    ? 'orange'
                    : e.action === 'revise'
                      ? 'purple'
                      : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{t(`monitoring.action.${e.action}`)}</Typography.Text>
                  {(e.action === 'approve' || e.action === 'revise') && (
                    <Typography.Text type="secondary"> · {t('monitoring.revision', { n: e.revision })}</Typography.Text>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(e.at)} · {e.actorName}
                    </Typography.Text>
                  </div>
                  {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
