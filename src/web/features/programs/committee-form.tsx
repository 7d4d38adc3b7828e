import { App, Form, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { committeeInput, type CommitteeInput, type ProgramDetail } from '../../../shared/contracts/programs';
import { committeeRoles } from '../../../shared/domain';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { MemberListField } from '../../components/member-list-field';
import { errorMessage } from '../../i18n/error-message';
import { programKeys, useSaveCommittee } from './api';

const member = committeeInput.shape.members.element.shape;

/** The steering committee as one ordered list of people and roles, saved whole. */
export function CommitteeForm({ program, onClose }: { program: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitteeInput>();
  const save = useSaveCommittee(program);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const submit = async (values: CommitteeInput) => {
    setStale(null);
    try {
      await save.mutateAsync({ members: values.members ?? [] });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) setStale(error);
      else if (!applyFieldErrors(form, error)) message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open
      title={t('programs.editCommittee')}
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
      <Form<CommitteeInput>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ members: program.committee.map((m) => ({ personId: m.personId, role: m.role })) }}
      >
        <MemberListField
          list={committeeInput.shape.members}
          member={member}
          roles={committeeRoles}
          roleLabel={(r) => t(`programs.roles.${r}`)}
          newRole="member"
          labels={{ person: t('programs.fullName'), role: t('programs.role'), add: t('programs.addMember') }}
        />
      </Form>
    </Modal>
  );
}
