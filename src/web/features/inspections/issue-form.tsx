import { Alert, App, Button, Col, Form, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { issueInput } from '../../../shared/contracts/conclusions';
import { issueConflict } from '../../../shared/inspection-schedule';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { useIssue } from './api';
import { DateInput, isoDateItem, linesItem, parseForm } from './form-helpers';
import { scheduleWarningText } from './schedule-warning';
import type { InspectionDetail } from '../../api/types';

/** Date, signer and recipients of the conclusion; the shared fields of the issue and correction forms. */
export function IssueFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="issuedDate" label={t('inspections.issue.issuedDate')} required {...isoDateItem}>
          <DateInput disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="signerName" label={t('inspections.issue.signerName')} required>
          <Input maxLength={120} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="signerTitle" label={t('inspections.issue.signerTitle')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="recipients"
          label={t('inspections.issue.recipients')}
          extra={t('inspections.issue.recipientsHint')}
          required
          {...linesItem}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="summary" label={t('inspections.issue.summary')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const defaultRecipients = (d: InspectionDetail) => [
  d.target.name,
  `Ban Chỉ đạo Chương trình ${d.plan.programCode}`,
  'Lưu hồ sơ Đoàn kiểm tra',
];

export function IssueForm({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const issue = useIssue(d.id);
  const head = d.team.members.find((m) => m.role === 'head');
  // a date before the inspection's start or its scheduled end: warned here, and the API wants the reason
  const issuedDate = Form.useWatch('issuedDate', form) as string | undefined;
  const conflict = issuedDate ? issueConflict(issuedDate, { startedOn: d.startedOn, windowEnd: d.windowEnd }) : null;
  const submit = (values: Record<string, unknown>) => {
    const input = parseForm(form, issueInput, {
      ...values,
      summary: values.summary || null,
      recipients: values.recipients ?? [],
      reason: conflict ? values.reason : undefined,
    });
    if (!input) return;
    modal.confirm({
      title: t('inspections.issue.title'),
      content: t('inspections.issue.confirm'),
      okText: t('inspections.issue.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        issue.mutateAsync(input).then(
          (r) => void message.success(t('inspections.issue.done', { number: r.number })),
          (e: unknown) => {
            if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
          },
        ),
    });
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        issuedDate: dayjs().format('YYYY-MM-DD'),
        signerName: head?.fullName,
        signerTitle: 'Trưởng đoàn',
        recipients: defaultRecipients(d),
      }}
    >
      <IssueFields />
      {conflict && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('inspections.schedule.title')}
            description={scheduleWarningText(conflict)}
          />
          <Form.Item
            name="reason"
            label={t('inspections.schedule.reason')}
            rules={[{ required: true, whitespace: true, message: t('inspections.schedule.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2_000} />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={issue.isPending}>
        {t('inspections.issue.submit')}
      </Button>
    </Form>
  );
}
