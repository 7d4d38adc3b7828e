import { App, DatePicker, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { targetInput } from '../../../shared/contracts/inspection-plans';
import { isApiError } from '../../api/client';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { errorMessage } from '../../i18n/error-message';
import i18n from '../../i18n';
import { issueMessage } from '../../lib/issue-message';
import { zodRule } from '../../lib/zod-rule';
import { useAddTarget } from './api';
import { DATE_FORMAT, isoRangeItem } from './form-helpers';

interface Values { targetOrgUnitId: string; window: [string, string] }

/** Adds a target unit to a team; the window is one range picker, sent as windowStart and windowEnd. */
export function TargetForm({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddTarget();

  // the contract's issues name windowStart/windowEnd: both belong to the one range field here
  const showIssues = (issues: { field: string; message: string; code?: string }[]) => form.setFields(issues.map((issue) => ({
    name: issue.field.endsWith('targetOrgUnitId') ? 'targetOrgUnitId' : 'window',
    errors: [issueMessage(i18n.t, issue)],
  })));

  const submit = async ({ targetOrgUnitId, window }: Values) => {
    const parsed = targetInput.safeParse({ targetOrgUnitId, windowStart: window[0], windowEnd: window[1] });
    if (!parsed.success) return showIssues(parsed.error.issues.map((i) => ({ ...i, field: i.path.join('.') })));
    try {
      await add.mutateAsync({ teamId, input: parsed.data });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.issues.length) showIssues(error.issues);
      else message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open
      title={t('inspectionPlans.addTarget')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="targetOrgUnitId" label={t('inspectionPlans.target')} rules={[zodRule(targetInput.shape.targetOrgUnitId)]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="window" label={t('inspectionPlans.window')} rules={[{ required: true, message: t('validation.required') }]} {...isoRangeItem}>
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
