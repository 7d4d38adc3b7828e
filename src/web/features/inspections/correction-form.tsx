import { App, Card, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { correctionInput } from '../../../shared/contracts/conclusions';
import type { Finding } from '../../../shared/contracts/findings';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { useCorrect } from './api';
import { DateInput, isoDateItem, parseForm } from './form-helpers';
import { IssueFields } from './issue-form';
import type { InspectionDetail } from '../../api/types';

/**
 * A corrected conclusion starts from the current findings: each keeps its kind and area, its text and due date
 * may change, and it names the finding it replaces.
 */
export function CorrectionForm({ d, open, onClose }: { d: InspectionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const correct = useCorrect(d.id);
  const latest = d.conclusions[0];
  const areaTitle = (f: Finding) => d.contentAreas.find((a) => a.id === f.contentAreaId)?.title ?? '';

  const submit = (values: { findings: { text: string; dueDate: string | null }[] } & Record<string, unknown>) => {
    const findings = d.findings.map((f, i) => ({
      supersedesFindingId: f.id,
      contentAreaId: f.contentAreaId,
      kind: f.kind,
      text: values.findings[i]?.text ?? '',
      causeType: f.causeType,
      addresseeOrgUnitId: f.addresseeOrgUnitId,
      dueDate: f.dueDate ? (values.findings[i]?.dueDate ?? null) : null,
    }));
    const input = parseForm(form, correctionInput, {
      ...values,
      summary: values.summary || null,
      recipients: values.recipients ?? [],
      findings,
    });
    if (!input) return;
    modal.confirm({
      title: t('inspections.correction.title'),
      content: t('inspections.correction.confirm'),
      okText: t('inspections.correction.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        correct.mutateAsync(input).then(
          (r) => {
            void message.success(t('inspections.correction.done', { number: r.number }));
            onClose();
          },
          (e: unknown) => {
            if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
          },
        ),
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={900}
      destroyOnHidden
      confirmLoading={correct.isPending}
      title={t('inspections.correction.title')}
      okText={t('inspections.correction.submit')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          issuedDate: dayjs().format('YYYY-MM-DD'),
          signerName: latest?.signerName,
          signerTitle: latest?.signerTitle,
          recipients: latest?.recipients,
          findings: d.findings.map((f) => ({ text: f.text, dueDate: f.dueDate })),
        }}
      >
        <Form.Item name="reason" label={t('inspections.correction.reason')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2_000} />
        </Form.Item>
        <IssueFields />
        <Typography.Title level={5}>{t('inspections.correction.findings')}</Typography.Title>
        {d.findings.map((f, i) => (
          <Card
            key={f.id}
            size="small"
            style={{ marginBottom: 8 }}
            title={
              <Typography.Text style={{ whiteSpace: 'normal' }}>
                {t(`inspections.kind.${f.kind}`)} · {areaTitle(f)}
              </Typography.Text>
            }
          >
            <Form.Item name={['findings', i, 'text']} label={t('inspections.findingText')} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
            </Form.Item>
            {f.dueDate && (
              <Form.Item
                name={['findings', i, 'dueDate']}
                label={t('inspections.dueDate')}
                required
                {...isoDateItem}
                style={{ maxWidth: 240 }}
              >
                <DateInput />
              </Form.Item>
            )}
          </Card>
        ))}
      </Form>
    </Modal>
  );
}
