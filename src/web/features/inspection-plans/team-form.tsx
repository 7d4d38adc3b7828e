import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamInput, teamMembersInput, type Team, type TeamInput } from '../../../shared/contracts/inspection-plans';
import { teamRoles } from '../../../shared/domain';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { MemberListField } from '../../components/member-list-field';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { errorMessage } from '../../i18n/error-message';
import { zodRule } from '../../lib/zod-rule';
import { planKeys, useSaveTeam } from './api';

const member = teamMembersInput.element.shape;

/** Adds a team (`team` undefined) or edits one: name and the whole member list; the number is fixed once created. */
export function TeamForm({
  planId,
  team,
  nextNumber,
  onClose,
}: {
  planId: string;
  team?: Team;
  nextNumber: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamInput>();
  const save = useSaveTeam(planId);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  // a new team starts with an empty head row: no person yet, so the field shows its placeholder
  const initialValues = team
    ? {
        number: team.number,
        name: team.name,
        members: team.members.map((m) => ({
          personId: m.personId,
          role: m.role,
          representedOrgUnitId: m.representedOrgUnitId,
        })),
      }
    : {
        number: nextNumber,
        name: t('inspectionPlans.defaultTeamName', { number: nextNumber }),
        members: [{ role: 'head' }],
      };

  const submit = async (values: TeamInput) => {
    setStale(null);
    try {
      // an edit names the version the form was opened on: a team changed meanwhile is refused, not overwritten
      await save.mutateAsync({ team, input: values });
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
      title={team ? t('inspectionPlans.editTeam') : t('inspectionPlans.addTeam')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={880}
      destroyOnHidden
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: planKeys.all });
          onClose();
        }}
      />
      <Form<TeamInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initialValues}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
          <Form.Item name="number" label={t('inspectionPlans.teamNumber')} rules={[zodRule(teamInput.shape.number)]}>
            <InputNumber min={1} max={99} disabled={!!team} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('inspectionPlans.teamName')}
            rules={[zodRule(teamInput.shape.name)]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input />
          </Form.Item>
        </div>
        <MemberListField
          list={teamMembersInput}
          member={member}
          roles={teamRoles}
          roleLabel={(r) => t(`inspectionPlans.roles.${r}`)}
          newRole="member"
          legend={t('inspectionPlans.members')}
          labels={{
            person: t('inspectionPlans.person'),
            role: t('inspectionPlans.role'),
            add: t('inspectionPlans.addMember'),
          }}
          extra={(name) => (
            <Form.Item
              name={[name, 'representedOrgUnitId']}
              rules={[zodRule(member.representedOrgUnitId)]}
              style={{ flex: '2 1 220px' }}
            >
              <OrgUnitSelect
                aria-label={t('inspectionPlans.representedOrgUnit')}
                placeholder={t('inspectionPlans.representedOrgUnit')}
              />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}
