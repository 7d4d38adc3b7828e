import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgUnitInput, orgUnitKinds, type OrgUnitInput } from '../../../shared/contracts/org-units';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PersonSelect } from '../../components/person-select';
import { errorMessage } from '../../i18n/error-message';
import { emptyToNull, zodRule } from '../../lib/zod-rule';
import { useSaveOrgUnit, type OrgUnitDetail } from './api';

const DISPLAY_DATE = 'DD/MM/YYYY';
// the form holds ISO dates (what the schema validates); the picker shows dd/mm/yyyy
const isoDateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/** Create (`unit` null) or edit an org unit; validated with the API's own schema. */
export function OrgUnitForm({ unit, onClose }: { unit: OrgUnitDetail | null; onClose: (savedId?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgUnitInput>();
  const save = useSaveOrgUnit(unit);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const shape = orgUnitInput.shape;

  const submit = (values: OrgUnitInput) => {
    setStale(null);
    save.mutate(values, {
      onSuccess: (saved) => {
        void message.success(t('common.saved'));
        onClose(saved.id);
      },
      onError: (e) => {
        if (isStaleVersion(e)) setStale(e);
        else if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
      },
    });
  };

  return (
    <Modal
      open
      title={t(unit ? 'orgUnits.editTitle' : 'orgUnits.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: ['org-units'] });
          onClose();
        }}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          unit
            ? {
                code: unit.code,
                name: unit.name,
                shortName: unit.shortName,
                kind: unit.kind,
                parentId: unit.parentId,
                validFrom: unit.validFrom,
                validTo: unit.validTo,
                headPersonId: unit.headPersonId,
              }
            : undefined
        }
      >
        <Form.Item name="code" label={t('orgUnits.code')} rules={[zodRule(shape.code)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('orgUnits.name')} rules={[zodRule(shape.name)]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('orgUnits.shortName')}
          rules={[zodRule(shape.shortName)]}
          normalize={emptyToNull}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="kind" label={t('orgUnits.kindLabel')} rules={[zodRule(shape.kind)]}>
          <Select options={orgUnitKinds.map((k) => ({ value: k, label: t(`orgUnits.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('orgUnits.parent')}
          rules={[zodRule(shape.parentId)]}
          normalize={(v: unknown) => v ?? null}
        >
          <OrgUnitSelect />
        </Form.Item>
        {unit && (
          // one of the unit's own people (the server refuses another); none: escalations go by job title
          <Form.Item
            name="headPersonId"
            label={t('orgUnits.head')}
            extra={t('orgUnits.headHelp')}
            rules={[zodRule(shape.headPersonId)]}
            normalize={(v: unknown) => v ?? null}
          >
            <PersonSelect />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="validFrom"
            label={t('orgUnits.validFrom')}
            rules={[zodRule(shape.validFrom)]}
            {...isoDateProps}
            style={{ flex: '1 1 180px' }}
          >
            <DatePicker format={DISPLAY_DATE} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('orgUnits.validTo')}
            rules={[zodRule(shape.validTo)]}
            {...isoDateProps}
            style={{ flex: '1 1 180px' }}
          >
            <DatePicker format={DISPLAY_DATE} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
