import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  enterpriseInput,
  type EnterpriseInput,
  enterprisePatch,
  type EnterprisePatch,
} from '../../../shared/contracts/enterprises';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { emptyToNull, zodRule } from '../../lib/zod-rule';
import { useLabel } from '../../lib/use-label';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { useCreateEnterprise, useUpdateEnterprise, useVsicSections } from './api';
import type { EnterpriseDetail } from '../../api/types';

/** Registering an enterprise, validated with the API's own contract. */
export function EnterpriseCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<EnterpriseInput>();
  const create = useCreateEnterprise();
  const sections = useVsicSections();
  const f = enterpriseInput.shape;
  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(values, {
      onSuccess: () => {
        void message.success(t('enterprises.created'));
        form.resetFields();
        onClose();
      },
      onError: (err) => {
        if (!applyFieldErrors(form, err)) void message.error(errorMessage(t, err));
      },
    });
  };
  const money = {
    style: { width: '100%' },
    min: 0,
    step: 1_000_000,
    formatter: (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
    parser: (v: string | undefined) => Number((v ?? '').replace(/\./g, '')),
  };
  return (
    <Modal
      open={open}
      title={t('enterprises.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ sectorCode: 'G' }}>
        <Form.Item name="taxCode" label={t('enterprises.taxCode')} rules={[zodRule(f.taxCode)]}>
          <Input maxLength={14} />
        </Form.Item>
        <Form.Item name="name" label={t('enterprises.name')} rules={[zodRule(f.name)]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="communeCode"
          label={t('enterprises.commune')}
          extra={t('enterprises.communeCodeHint')}
          rules={[zodRule(f.communeCode)]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="address" label={t('enterprises.address')} normalize={emptyToNull} rules={[zodRule(f.address)]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="sectorCode" label={t('enterprises.sector')} rules={[zodRule(f.sectorCode)]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(sections.data ?? []).map((s) => ({
              value: s.code,
              label: `${s.code} — ${label({ vi: s.nameVi, en: s.nameEn })}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="industryCode"
          label={t('enterprises.industry')}
          normalize={emptyToNull}
          rules={[zodRule(f.industryCode)]}
        >
          <Input maxLength={5} />
        </Form.Item>
        <Form.Item name="employees" label={t('enterprises.employees')} rules={[zodRule(f.employees)]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="revenueVnd" label={`${t('enterprises.revenue')} (₫)`} rules={[zodRule(f.revenueVnd)]}>
          <InputNumber {...money} />
        </Form.Item>
        <Form.Item name="capitalVnd" label={`${t('enterprises.capital')} (₫)`} rules={[zodRule(f.capitalVnd)]}>
          <InputNumber {...money} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Changing an enterprise (the secretariat, or the enterprise itself); the size class is recomputed by the server.
 * `cellFieldsLocked` (the enterprise itself): employees, revenue and capital set the size class, hence the peer
 * group, and only the secretariat changes them (the server refuses them too).
 */
export function EnterpriseEditModal({
  e,
  open,
  onClose,
  cellFieldsLocked = false,
}: {
  e: EnterpriseDetail;
  open: boolean;
  onClose: () => void;
  cellFieldsLocked?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterprisePatch>();
  const update = useUpdateEnterprise(e.taxCode);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const f = enterprisePatch.shape;
  const submit = async () => {
    const values = await form.validateFields();
    const patch = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== ''),
    ) as EnterprisePatch;
    setStale(null);
    // the version the form was opened on: a record changed meanwhile is refused (STALE_VERSION), not overwritten
    update.mutate(
      { ...patch, version: e.version },
      {
        onSuccess: () => {
          void message.success(t('enterprises.saved'));
          onClose();
        },
        onError: (err) => {
          if (isStaleVersion(err)) setStale(err);
          else if (!applyFieldErrors(form, err)) void message.error(errorMessage(t, err));
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('enterprises.edit')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: ['enterprises'] });
          onClose();
        }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: e.name,
          address: e.address,
          employees: e.employees,
          revenueVnd: e.revenueVnd,
          capitalVnd: e.capitalVnd,
        }}
      >
        <Form.Item name="name" label={t('enterprises.name')} rules={[zodRule(f.name)]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="address" label={t('enterprises.address')} normalize={emptyToNull} rules={[zodRule(f.address)]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="communeCode"
          label={t('enterprises.commune')}
          extra={t('enterprises.communeCodeHint')}
          rules={[zodRule(f.communeCode)]}
        >
          <Input maxLength={40} placeholder={e.commune?.code} />
        </Form.Item>
        <Form.Item
          name="employees"
          label={t('enterprises.employees')}
          rules={[zodRule(f.employees)]}
          extra={cellFieldsLocked ? t('enterprises.cellFieldsLocked') : undefined}
        >
          <InputNumber min={0} style={{ width: '100%' }} disabled={cellFieldsLocked} />
        </Form.Item>
        <Form.Item name="revenueVnd" label={`${t('enterprises.revenue')} (₫)`} rules={[zodRule(f.revenueVnd)]}>
          <InputNumber min={0} style={{ width: '100%' }} disabled={cellFieldsLocked} />
        </Form.Item>
        <Form.Item name="capitalVnd" label={`${t('enterprises.capital')} (₫)`} rules={[zodRule(f.capitalVnd)]}>
          <InputNumber min={0} style={{ width: '100%' }} disabled={cellFieldsLocked} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
