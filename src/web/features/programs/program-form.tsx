import { App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { programInput, type ProgramDetail, type ProgramInput } from '../../../shared/contracts/programs';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { errorMessage } from '../../i18n/error-message';
import { emptyToNull, zodRule } from '../../lib/zod-rule';
import { programKeys, useSaveProgram } from './api';

const f = programInput.shape;

/** Creates a program (`program` undefined, then opens it) or edits one. */
export function ProgramForm({ program, onClose }: { program?: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProgramInput>();
  const save = useSaveProgram();
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const year = new Date().getFullYear();
  const initialValues: Partial<ProgramInput> = program
    ? {
        code: program.code,
        title: program.title,
        issuerOrgUnitId: program.issuerOrgUnitId,
        steeringCommitteeOrgUnitId: program.steeringCommitteeOrgUnitId,
        periodStart: program.periodStart,
        periodEnd: program.periodEnd,
        description: program.description,
        escalationDays: program.escalationDays,
      }
    : { periodStart: year, periodEnd: year + 4 };

  const submit = async (values: ProgramInput) => {
    setStale(null);
    try {
      const saved = await save.mutateAsync({ program, input: values });
      message.success(t('common.saved'));
      onClose();
      if (!program) void navigate(`/programs/${saved.id}`);
    } catch (error) {
      if (isStaleVersion(error)) setStale(error);
      else if (!applyFieldErrors(form, error)) message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open
      title={program ? t('programs.edit') : t('programs.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: programKeys.all });
          onClose();
        }}
      />
      <Form<ProgramInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initialValues}>
        <Space wrap size={[16, 0]} align="start">
          <Form.Item name="code" label={t('programs.code')} rules={[zodRule(f.code)]}>
            <Input placeholder="07-CTr/TU" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="periodStart" label={t('programs.periodStart')} rules={[zodRule(f.periodStart)]}>
            <InputNumber min={1990} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('programs.periodEnd')} rules={[zodRule(f.periodEnd)]}>
            <InputNumber min={1990} max={2100} style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('programs.name')} rules={[zodRule(f.title)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="issuerOrgUnitId" label={t('programs.issuer')} rules={[zodRule(f.issuerOrgUnitId)]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item
          name="steeringCommitteeOrgUnitId"
          label={t('programs.steeringCommittee')}
          rules={[zodRule(f.steeringCommitteeOrgUnitId)]}
          normalize={emptyToNull}
        >
          <OrgUnitSelect />
        </Form.Item>
        {program && (
          <Form.Item
            name="escalationDays"
            label={t('programs.escalationDays')}
            extra={t('programs.escalationDaysHelp', { days: program.defaultEscalationDays })}
            rules={[zodRule(f.escalationDays)]}
            normalize={(v: number | null | undefined) => v ?? null}
          >
            <InputNumber min={1} max={365} style={{ width: 110 }} />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('programs.description')}
          rules={[zodRule(f.description)]}
          normalize={emptyToNull}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
