import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { teamInput, teamMembersInput, type Team, type TeamInput } from '../../../shared/contracts/inspection-plans';
import { teamRoles } from '../../../shared/domain';
import { applyFieldErrors } from '../../api/form-errors';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PersonSelect } from '../../components/person-select';
import { errorMessage } from '../../i18n/error-message';
import { zodRule } from '../../lib/zod-rule';
import { useSaveTeam } from './api';
import { listRule } from './form-helpers';

const member = teamMembersInput.element.shape;

/** Adds a team (`team` undefined) or edits one: name and the whole member list; the number is fixed once created. */
export function TeamForm({ planId, team, nextNumber, onClose }: { planId: string; team?: Team; nextNumber: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamInput>();
  const save = useSaveTeam(planId);
  // a new team starts with an empty head row: no person yet, so the field shows its placeholder
  const initialValues = team
    ? { number: team.number, name: team.name, members: team.members.map((m) => ({ personId: m.personId, role: m.role, representedOrgUnitId: m.representedOrgUnitId })) }
    : { number: nextNumber, name: t('inspectionPlans.defaultTeamName', { number: nextNumber }), members: [{ role: 'head' }] };

  const submit = async (values: TeamInput) => {
    try {
      await save.mutateAsync({ teamId: team?.id, input: values });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(t, error));
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
      <Form<TeamInput> form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
          <Form.Item name="number" label={t('inspectionPlans.teamNumber')} rules={[zodRule(teamInput.shape.number)]}>
            <InputNumber min={1} max={99} disabled={!!team} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="name" label={t('inspectionPlans.teamName')} rules={[zodRule(teamInput.shape.name)]} style={{ flex: 1, minWidth: 220 }}>
            <Input />
          </Form.Item>
        </div>
        <Form.List name="members" rules={[listRule(teamMembersInput)]}>
          {(fields, { add, remove }, { errors }) => (
            <fieldset>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('inspectionPlans.members')}</legend>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px', alignItems: 'flex-start', borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'personId']} rules={[zodRule(member.personId)]} style={{ flex: '2 1 220px' }}>
                    <PersonSelect aria-label={t('inspectionPlans.person')} allowClear={false} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[zodRule(member.role)]} style={{ flex: '1 1 150px' }}>
                    <Select aria-label={t('inspectionPlans.role')} options={teamRoles.map((r) => ({ value: r, label: t(`inspectionPlans.roles.${r}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'representedOrgUnitId']} rules={[zodRule(member.representedOrgUnitId)]} style={{ flex: '2 1 220px' }}>
                    <OrgUnitSelect aria-label={t('inspectionPlans.representedOrgUnit')} placeholder={t('inspectionPlans.representedOrgUnit')} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>{t('inspectionPlans.addMember')}</Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
