import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { planInput, type PlanInput } from '../../../shared/contracts/inspection-plans';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { emptyToNull, zodRule } from '../../lib/zod-rule';
import { usePrograms } from '../programs/api';
import { useCreatePlan } from './api';
import { DATE_FORMAT, isoDateItem, listRule } from './form-helpers';

const area = planInput.shape.contentAreas.element.shape;

export function PlanForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanInput>();
  const programs = usePrograms('');
  const create = useCreatePlan();

  const submit = async (values: PlanInput) => {
    try {
      const plan = await create.mutateAsync(values);
      message.success(t('inspectionPlans.created'));
      onClose();
      navigate(`/inspection-plans/${plan.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('inspectionPlans.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<PlanInput> form={form} layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear(), contentAreas: [{ title: '' }] }}>
        <Form.Item name="programId" label={t('inspectionPlans.program')} rules={[zodRule(planInput.shape.programId)]}>
          <Select loading={programs.isPending} options={programs.data?.items.map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` }))} />
        </Form.Item>
        <Space wrap size={[16, 0]} align="start">
          <Form.Item name="code" label={t('inspectionPlans.code')} rules={[zodRule(planInput.shape.code)]}>
            <Input placeholder="15-KH/BCĐ" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="year" label={t('inspectionPlans.year')} rules={[zodRule(planInput.shape.year)]}>
            <InputNumber min={1990} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="issueDate" label={t('inspectionPlans.issueDate')} rules={[zodRule(planInput.shape.issueDate)]} {...isoDateItem}>
            <DatePicker format={DATE_FORMAT} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('inspectionPlans.name')} rules={[zodRule(planInput.shape.title)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="requirements" label={t('inspectionPlans.requirements')} rules={[zodRule(planInput.shape.requirements)]} normalize={emptyToNull}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.List name="contentAreas" rules={[listRule(planInput.shape.contentAreas)]}>
          {(fields, { add, remove }, { errors }) => (
            <fieldset>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('inspectionPlans.contentAreas')}</legend>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <span style={{ paddingTop: 5, minWidth: 20 }}>{index + 1}.</span>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Form.Item name={[field.name, 'title']} rules={[zodRule(area.title)]} style={{ marginBottom: 4 }}>
                      <Input placeholder={t('inspectionPlans.contentAreaTitle')} aria-label={t('inspectionPlans.contentAreaTitle')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'description']} rules={[zodRule(area.description)]} normalize={emptyToNull}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('inspectionPlans.contentAreaDescription')} aria-label={t('inspectionPlans.contentAreaDescription')} />
                    </Form.Item>
                  </div>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} disabled={fields.length >= 20}>
                {t('inspectionPlans.addContentArea')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
