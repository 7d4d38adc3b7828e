import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { responseInput } from '../../../shared/contracts/inspections';
import { findingKinds } from '../../../shared/domain';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { formatDate, formatDateTime } from '../../lib/format';
import { downloadConclusion, useRespond } from './api';
import { FindingMeta } from './findings-tab';
import { parseForm } from './form-helpers';
import type { InspectionDetail } from '../../api/types';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** The conclusion as it will read: sections by kind, findings under their content area. */
function DraftPreview({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const kinds = findingKinds.filter((k) => d.findings.some((f) => f.kind === k));
  return (
    <Card size="small">
      <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 0 }}>
        KẾT LUẬN KIỂM TRA
      </Typography.Title>
      <Typography.Paragraph strong style={{ textAlign: 'center' }}>
        {d.plan.programCode} · {d.target.name}
      </Typography.Paragraph>
      {kinds.map((kind, i) => (
        <div key={kind}>
          <Typography.Text strong>
            {ROMAN[i]}. {t(`inspections.kind.${kind}`).toUpperCase()}
          </Typography.Text>
          {d.contentAreas
            .filter((a) => d.findings.some((f) => f.kind === kind && f.contentAreaId === a.id))
            .map((area) => (
              <div key={area.id} style={{ margin: '4px 0 8px 16px' }}>
                <Typography.Text italic>
                  {area.position}. {area.title}
                </Typography.Text>
                {d.findings
                  .filter((f) => f.kind === kind && f.contentAreaId === area.id)
                  .map((f) => (
                    <div key={f.id} style={{ margin: '4px 0 4px 16px' }}>
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>- {f.text}</Typography.Text>
                      <FindingMeta f={f} />
                    </div>
                  ))}
              </div>
            ))}
        </div>
      ))}
      {kinds.length === 0 && <Empty description={t('inspections.noFindings')} />}
    </Card>
  );
}

function ResponseForm({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const respond = useRespond(d.id);
  const submit = (values: { text?: string }) => {
    const input = parseForm(form, responseInput, { text: values.text ?? '' });
    if (!input) return;
    respond.mutate(input.text, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('inspections.responded'));
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
      },
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item name="text" label={t('inspections.responseText')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={respond.isPending}>
        {t('inspections.respond')}
      </Button>
    </Form>
  );
}

/** The draft conclusion shared with the unit, and the unit's responses. */
export function DraftTab({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hasDraft = d.status === 'drafting';
  return (
    <Flex vertical gap={16}>
      {hasDraft ? (
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text type="secondary">
            {d.draftSharedAt && t('inspections.draftShared', { date: formatDate(d.draftSharedAt) })}
          </Typography.Text>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadConclusion(d.id).catch((e: unknown) => void message.error(errorMessage(t, e)))}
          >
            {t('inspections.downloadDraft')}
          </Button>
        </Flex>
      ) : (
        d.conclusions.length === 0 && <Alert type="info" showIcon title={t('inspections.noDraft')} />
      )}
      {(hasDraft || d.conclusions.length > 0) && <DraftPreview d={d} />}
      <Card size="small" title={t('inspections.responses')}>
        <List
          dataSource={d.responses}
          locale={{ emptyText: t('inspections.noResponses') }}
          renderItem={(r) => (
            <List.Item>
              <Flex vertical>
                <Typography.Text type="secondary">
                  {formatDateTime(r.respondedAt)} · {r.respondedBy}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {d.permissions.canRespond && <ResponseForm d={d} />}
      </Card>
    </Flex>
  );
}
