import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userInput, userPatch, type UserInput, type UserPatch } from '../../../shared/contracts/users';
import { roles, type Role } from '../../../shared/fields';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PersonSelect } from '../../components/person-select';
import { errorMessage } from '../../i18n/error-message';
import { zodRule } from '../../lib/zod-rule';
import { accountNeedsOrgUnit } from '../auth';
import { useCreateUser, useUpdateUser, type UserAccount } from './api';

const orNull = (v: unknown) => v ?? null;

function useSubmit<V>(
  form: ReturnType<typeof Form.useForm<V>>[0],
  mutate: (v: V, o: { onSuccess: () => void; onError: (e: unknown) => void }) => void,
  done: () => void,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [stale, setStale] = useState<ApiError | null>(null);
  const submit = (values: V) => {
    setStale(null);
    mutate(values, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        done();
      },
      onError: (e) => {
        if (isStaleVersion(e)) setStale(e);
        else if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
      },
    });
  };
  return { submit, stale };
}

/** Someone changed the account since the list was read: who and when, and "Tải lại" (the list, then close). */
function StaleAccount({ error, onClose }: { error: ApiError | null; onClose: () => void }) {
  const client = useQueryClient();
  return (
    <StaleVersionAlert
      error={error}
      onReload={() => {
        void client.invalidateQueries({ queryKey: ['users'] });
        onClose();
      }}
    />
  );
}

/** Role and org unit: the server refuses a `unit` account without a unit, so the form says so up front. */
function RoleAndScope({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const role = Form.useWatch<Role | undefined>('role');
  return (
    <>
      <Form.Item name="role" label={t('users.role')} rules={[zodRule(userInput.shape.role)]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      <Form.Item
        name="orgUnitId"
        label={t('users.orgUnit')}
        normalize={orNull}
        extra={t('users.orgUnitHint')}
        rules={[
          zodRule(userInput.shape.orgUnitId),
          { required: required && accountNeedsOrgUnit(role), message: t('validation.required') },
        ]}
      >
        <OrgUnitSelect />
      </Form.Item>
      <Form.Item
        name="personId"
        label={t('users.person')}
        normalize={orNull}
        rules={[zodRule(userInput.shape.personId)]}
      >
        <PersonSelect />
      </Form.Item>
    </>
  );
}

export function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserInput>();
  const create = useCreateUser();
  const { submit } = useSubmit(form, create.mutate, onClose);
  const shape = userInput.shape;
  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'viewer' }}>
        <Form.Item name="username" label={t('users.username')} rules={[zodRule(shape.username)]}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[zodRule(shape.displayName)]}>
          <Input maxLength={120} />
        </Form.Item>
        <RoleAndScope required />
        <Form.Item name="password" label={t('users.password')} rules={[zodRule(shape.password)]}>
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditUserForm({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserPatch>();
  const update = useUpdateUser(user);
  const { submit, stale } = useSubmit(form, update.mutate, onClose);
  return (
    <Modal
      open
      title={t('users.editTitle', { username: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <StaleAccount error={stale} onClose={onClose} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          displayName: user.displayName,
          role: user.role,
          orgUnitId: user.orgUnitId,
          personId: user.personId,
          active: user.active,
        }}
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[zodRule(userPatch.shape.displayName)]}>
          <Input maxLength={120} />
        </Form.Item>
        <RoleAndScope required />
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordForm({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser(user);
  const { submit, stale } = useSubmit(form, update.mutate, onClose);
  return (
    <Modal
      open
      title={t('users.resetTitle', { username: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <StaleAccount error={stale} onClose={onClose} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('users.newPassword')} rules={[zodRule(userInput.shape.password)]}>
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
