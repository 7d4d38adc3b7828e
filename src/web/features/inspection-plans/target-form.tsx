import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { targetInput, targetPatch, type Target } from '../../../shared/contracts/inspection-plans';
import { isApiError, type ApiError } from '../../api/client';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { errorMessage } from '../../i18n/error-message';
import i18n from '../../i18n';
import { issueMessage } from '../../lib/issue-message';
import { zodRule } from '../../lib/zod-rule';
import { planKeys, useAddTarget, useMoveTarget } from './api';
import { DATE_FORMAT, isoRangeItem } from '../../lib/iso-date';

interface Values {
  targetOrgUnitId: string;
  window: [string, string];
}

/**
 * Adds a target unit to a team, or (given `target`) moves its window; the window is one range picker,
 * sent as windowStart and windowEnd.
 */
export function TargetForm({ teamId, target, onClose }: { teamId: string; target?: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddTarget();
  const move = useMoveTarget();
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);

  // the contract's issues name windowStart/windowEnd: both belong to the one range field here
  const showIssues = (issues: { field: string; message: string; code?: string }[]) =>
    form.setFields(
      issues.map((issue) => ({
        name: issue.field.endsWith('targetOrgUnitId') ? 'targetOrgUnitId' : 'window',
        errors: [issueMessage(i18n.t, issue)],
      })),
    );

  const submit = async ({ targetOrgUnitId, window }: Values) => {
    const windowFields = { windowStart: window[0], windowEnd: window[1] };
    const parsed = target
      ? targetPatch.safeParse(windowFields)
      : targetInput.safeParse({ targetOrgUnitId, ...windowFields });
    if (!parsed.success) return showIssues(parsed.error.issues.map((i) => ({ ...i, field: i.path.join('.') })));
    setStale(null);
    try {
      // the version the form was opened on: an inspection changed meanwhile (a status move too) is refused
      if (target)
        await move.mutateAsync({
          teamId,
          inspectionId: target.inspectionId,
          patch: { ...parsed.data, version: target.version },
        });
      else await add.mutateAsync({ teamId, input: targetInput.parse(parsed.data) });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) setStale(error);
      else if (isApiError(error) && error.issues.length) showIssues(error.issues);
      else message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open
      title={target ? t('inspectionPlans.moveTarget') : t('inspectionPlans.addTarget')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || move.isPending}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: planKeys.all });
          onClose();
        }}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          target
            ? { targetOrgUnitId: target.targetOrgUnitId, window: [target.windowStart, target.windowEnd] }
            : undefined
        }
      >
        <Form.Item
          name="targetOrgUnitId"
          label={t('inspectionPlans.target')}
          rules={[zodRule(targetInput.shape.targetOrgUnitId)]}
        >
          <OrgUnitSelect disabled={!!target} />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('inspectionPlans.window')}
          rules={[{ required: true, message: t('validation.required') }]}
          {...isoRangeItem}
        >
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
