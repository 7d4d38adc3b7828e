import { App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { followUpUpdateInput, type FollowUpUpdateInput } from '../../../shared/contracts/follow-ups';
import { followUpStatuses } from '../../../shared/domain';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { zodRule } from '../../lib/zod-rule';
import { useReportProgress } from './api';
import type { FollowUpDetail } from '../../api/types';

/** The addressee unit's progress report (the secretariat may report on its behalf). */
export function ProgressForm({ fu }: { fu: FollowUpDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpUpdateInput>();
  const report = useReportProgress(fu.id);
  const submit = (values: FollowUpUpdateInput) =>
    report.mutate(values, {
      onSuccess: () => {
        form.resetFields(['note']);
        void message.success(t('followUps.reported'));
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
      },
    });

  return (
    <Card size="small" title={t('followUps.reportTitle')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" initialValues={{ status: fu.status }} onFinish={submit}>
        <Form.Item name="status" label={t('followUps.statusLabel')} rules={[zodRule(followUpUpdateInput.shape.status)]}>
          <Select options={followUpStatuses.map((s) => ({ value: s, label: t(`followUps.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('followUps.note')} rules={[zodRule(followUpUpdateInput.shape.note)]}>
          <Input.TextArea rows={4} maxLength={10_000} showCount placeholder={t('followUps.notePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={report.isPending}>
          {t('followUps.submitReport')}
        </Button>
      </Form>
    </Card>
  );
}
