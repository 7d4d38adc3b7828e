import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { findingInput, type Finding } from '../../../shared/contracts/findings';
import { causeTypes, findingKinds, type FindingKind } from '../../../shared/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { errorMessage } from '../../i18n/error-message';
import { inspectionKeys, useSaveFinding } from './api';
import { DateInput, isoDateItem, parseForm } from './form-helpers';
import type { InspectionDetail } from '../../api/types';

const isAssignment = (kind: FindingKind | undefined) => kind === 'remedy' || kind === 'recommendation';

/** Add or edit a finding; the fields follow the kind (cause type for causes, addressee and due date for remedies and recommendations). */
export function FindingForm({
  d,
  finding,
  open,
  onClose,
}: {
  d: InspectionDetail;
  finding: Finding | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch<FindingKind | undefined>('kind', form);
  const save = useSaveFinding(d.id);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);

  const submit = (values: Record<string, unknown>) => {
    const cleaned = {
      contentAreaId: values.contentAreaId,
      kind: values.kind,
      text: values.text ?? '',
      causeType: values.kind === 'cause' ? (values.causeType ?? null) : null,
      addresseeOrgUnitId: isAssignment(values.kind as FindingKind) ? (values.addresseeOrgUnitId ?? null) : null,
      dueDate: isAssignment(values.kind as FindingKind) ? (values.dueDate ?? null) : null,
    };
    const input = parseForm(form, findingInput, cleaned);
    if (!input) return;
    setStale(null);
    save.mutate(
      // an edit names the version it was opened on: a finding changed meanwhile is refused, not overwritten
      { findingId: finding?.id, input: finding ? { ...input, version: finding.version } : input },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          if (isStaleVersion(e)) setStale(e);
          else if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      destroyOnHidden
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      title={finding ? t('inspections.editFinding') : t('inspections.addFinding')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: inspectionKeys.detail(d.id) });
          onClose();
        }}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={finding ?? { kind: 'strength', contentAreaId: d.contentAreas[0]?.id }}
      >
        <Form.Item name="kind" label={t('inspections.kind.label')} required>
          <Select options={findingKinds.map((k) => ({ value: k, label: t(`inspections.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contentAreaId" label={t('inspections.contentArea')} required>
          <Select options={d.contentAreas.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))} />
        </Form.Item>
        <Form.Item name="text" label={t('inspections.findingText')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} />
        </Form.Item>
        {kind === 'cause' && (
          <Form.Item name="causeType" label={t('inspections.causeType.label')} required>
            <Select options={causeTypes.map((c) => ({ value: c, label: t(`inspections.causeType.${c}`) }))} />
          </Form.Item>
        )}
        {isAssignment(kind) && (
          <>
            <Form.Item name="addresseeOrgUnitId" label={t('inspections.addressee')} required>
              <OrgUnitSelect />
            </Form.Item>
            <Form.Item name="dueDate" label={t('inspections.dueDate')} required {...isoDateItem}>
              <DateInput />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
