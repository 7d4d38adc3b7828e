import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentInput } from '../../../shared/contracts/inspections';
import { ratings } from '../../../shared/domain';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { errorMessage } from '../../i18n/error-message';
import { inspectionKeys, useSaveAssessment } from './api';
import { EvidenceFiles } from './evidence-files';
import { parseForm } from './form-helpers';
import type { InspectionDetail } from '../../api/types';

type Area = InspectionDetail['contentAreas'][number];

function AreaCard({ d, area }: { d: InspectionDetail; area: Area }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSaveAssessment(d.id);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const canEdit = d.permissions.canEdit;
  const ratingOptions = [
    { value: '', label: t('inspections.rating.none') },
    ...ratings.map((r) => ({ value: r, label: t(`inspections.rating.${r}`) })),
  ];
  const submit = (values: { rating: string; notes?: string }) => {
    const input = parseForm(form, assessmentInput, { rating: values.rating || null, notes: values.notes ?? '' });
    if (!input) return;
    setStale(null);
    save.mutate(
      // the version the card shows (0: never assessed): a save by someone else meanwhile is refused, not overwritten
      { contentAreaId: area.id, input: { ...input, version: area.assessment?.version ?? 0 } },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => {
          if (isStaleVersion(e)) setStale(e);
          else if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
        },
      },
    );
  };

  return (
    <Card
      size="small"
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {area.position}. {area.title}
        </Typography.Text>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          {area.description && <Typography.Paragraph type="secondary">{area.description}</Typography.Paragraph>}
          <StaleVersionAlert
            error={stale}
            onReload={() => void client.invalidateQueries({ queryKey: inspectionKeys.detail(d.id) })}
          />
          {canEdit ? (
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ rating: area.assessment?.rating ?? '', notes: area.assessment?.notes ?? '' }}
            >
              <Form.Item name="rating" label={t('inspections.rating.label')}>
                <Select options={ratingOptions} style={{ maxWidth: 240 }} />
              </Form.Item>
              <Form.Item name="notes" label={t('inspections.notes')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          ) : (
            <Flex vertical gap={4}>
              <Typography.Text>
                {t('inspections.rating.label')}:{' '}
                <strong>{t(`inspections.rating.${area.assessment?.rating ?? 'none'}`)}</strong>
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {area.assessment?.notes}
              </Typography.Paragraph>
            </Flex>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <EvidenceFiles inspectionId={d.id} contentAreaId={area.id} files={area.attachments} canEdit={canEdit} />
        </Col>
      </Row>
    </Card>
  );
}

/** One card per content area, in plan order: rating, notes and evidence. */
export function AssessmentsTab({ d, hidden }: { d: InspectionDetail; hidden: boolean }) {
  const { t } = useTranslation();
  if (hidden) return <Alert type="info" showIcon title={t('inspections.hiddenUntilDraft')} />;
  return (
    <Flex vertical gap={16}>
      {d.contentAreas.map((area) => (
        // a new version (a save, or a reload after a refused one) opens the card afresh on what is stored
        <AreaCard key={`${area.id}:${area.assessment?.version ?? 0}`} d={d} area={area} />
      ))}
    </Flex>
  );
}
