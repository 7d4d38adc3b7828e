import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { planInput, planPatch, type PlanDetail, type PlanInput } from '../../../shared/contracts/inspection-plans';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { ProgramSelect } from '../../components/program-select';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { errorMessage } from '../../i18n/error-message';
import { emptyToNull, listRule, zodRule } from '../../lib/zod-rule';
import { planKeys, useCreatePlan, useUpdatePlan } from './api';
import { DATE_FORMAT, isoDateItem } from '../../lib/iso-date';

const area = planInput.shape.contentAreas.element.shape;

/**
 * Creates a plan (then opens it) or, given `plan`, edits it: program, code and year are fixed once created;
 * content areas keep their ids so ratings and findings stay attached to them.
 */
export function PlanForm({ open, onClose, plan }: { open: boolean; onClose: () => void; plan?: PlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanInput>();
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? '');
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const initialValues = plan
    ? {
        programId: plan.program.id,
        code: plan.code,
        year: plan.year,
        issueDate: plan.issueDate,
        title: plan.title,
        requirements: plan.requirements,
        contentAreas: plan.contentAreas.map((a) => ({ id: a.id, title: a.title, description: a.description })),
      }
    : { year: new Date().getFullYear(), contentAreas: [{ title: '' }] };

  const submit = async (values: PlanInput & { contentAreas: { id?: string }[] }) => {
    setStale(null);
    try {
      if (plan) {
        const { title, issueDate, requirements, contentAreas } = values;
        // the version the form was opened on: a plan changed meanwhile is refused (STALE_VERSION), not overwritten
        await update.mutateAsync({
          ...planPatch.parse({ title, issueDate, requirements, contentAreas }),
          version: plan.version,
        });
        message.success(t('common.saved'));
        onClose();
        return;
      }
      const created = await create.mutateAsync(values);
      message.success(t('inspectionPlans.created'));
      onClose();
      void navigate(`/inspection-plans/${created.id}`);
    } catch (error) {
      if (isStaleVersion(error)) setStale(error);
      else if (!applyFieldErrors(form, error)) message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open={open}
      title={plan ? t('inspectionPlans.editPlan') : t('inspectionPlans.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: planKeys.all });
          onClose();
        }}
      />
      <Form<PlanInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initialValues}>
        <Form.Item name="programId" label={t('inspectionPlans.program')} rules={[zodRule(planInput.shape.programId)]}>
          <ProgramSelect disabled={!!plan} />
        </Form.Item>
        <Space wrap size={[16, 0]} align="start">
          <Form.Item name="code" label={t('inspectionPlans.code')} rules={[zodRule(planInput.shape.code)]}>
            <Input placeholder="15-KH/BCĐ" style={{ width: 180 }} disabled={!!plan} />
          </Form.Item>
          <Form.Item name="year" label={t('inspectionPlans.year')} rules={[zodRule(planInput.shape.year)]}>
            <InputNumber min={1990} max={2100} style={{ width: 110 }} disabled={!!plan} />
          </Form.Item>
          <Form.Item
            name="issueDate"
            label={t('inspectionPlans.issueDate')}
            rules={[zodRule(planInput.shape.issueDate)]}
            {...isoDateItem}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('inspectionPlans.name')} rules={[zodRule(planInput.shape.title)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item
          name="requirements"
          label={t('inspectionPlans.requirements')}
          rules={[zodRule(planInput.shape.requirements)]}
          normalize={emptyToNull}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.List name="contentAreas" rules={[listRule(planInput.shape.contentAreas)]}>
          {(fields, { add, remove }, { errors }) => (
            <fieldset>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('inspectionPlans.contentAreas')}</legend>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <span style={{ paddingTop: 5, minWidth: 20 }}>{index + 1}.</span>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Form.Item name={[field.name, 'title']} rules={[zodRule(area.title)]} style={{ marginBottom: 4 }}>
                      <Input
                        placeholder={t('inspectionPlans.contentAreaTitle')}
                        aria-label={t('inspectionPlans.contentAreaTitle')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'description']}
                      rules={[zodRule(area.description)]}
                      normalize={emptyToNull}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        placeholder={t('inspectionPlans.contentAreaDescription')}
                        aria-label={t('inspectionPlans.contentAreaDescription')}
                      />
                    </Form.Item>
                  </div>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '' })}
                disabled={fields.length >= 20}
              >
                {t('inspectionPlans.addContentArea')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
