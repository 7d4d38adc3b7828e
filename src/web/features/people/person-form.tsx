import { App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personInput, type Person, type PersonInput } from '../../../shared/contracts/people';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { errorMessage } from '../../i18n/error-message';
import { emptyToNull, zodRule } from '../../lib/zod-rule';
import { useSavePerson } from './api';

export function PersonForm({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonInput>();
  const save = useSavePerson(person);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const shape = personInput.shape;
  const submit = (values: PersonInput) => {
    setStale(null);
    save.mutate(values, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
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
      title={t(person ? 'people.editTitle' : 'people.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: ['people'] });
          onClose();
        }}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          person
            ? {
                fullName: person.fullName,
                positionTitle: person.positionTitle,
                orgUnitId: person.orgUnitId,
                email: person.email,
                phone: person.phone,
              }
            : undefined
        }
      >
        <Form.Item name="fullName" label={t('people.fullName')} rules={[zodRule(shape.fullName)]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="positionTitle"
          label={t('people.positionTitle')}
          rules={[zodRule(shape.positionTitle)]}
          normalize={emptyToNull}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('people.orgUnit')}
          rules={[zodRule(shape.orgUnitId)]}
          normalize={(v: unknown) => v ?? null}
        >
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="email" label={t('people.email')} rules={[zodRule(shape.email)]} normalize={emptyToNull}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')} rules={[zodRule(shape.phone)]} normalize={emptyToNull}>
          <Input type="tel" maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
