import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { committeeInput, type CommitteeInput, type ProgramDetail } from '../../../shared/contracts/programs';
import { committeeRoles } from '../../../shared/domain';
import { applyFieldErrors } from '../../api/form-errors';
import { PersonSelect } from '../../components/person-select';
import { errorMessage } from '../../i18n/error-message';
import { zodRule } from '../../lib/zod-rule';
import { listRule } from '../inspection-plans/form-helpers';
import { useSaveCommittee } from './api';

const member = committeeInput.shape.members.element.shape;

/** The steering committee as one ordered list of people and roles, saved whole. */
export function CommitteeForm({ program, onClose }: { program: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitteeInput>();
  const save = useSaveCommittee(program.id);
  const submit = async (values: CommitteeInput) => {
    try {
      await save.mutateAsync({ members: values.members ?? [] });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(t, error));
    }
  };

  return (
    <Modal
      open title={t('programs.editCommittee')} onCancel={onClose} onOk={() => form.submit()}
      okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} width={720} destroyOnHidden
    >
      <Form<CommitteeInput> form={form} layout="vertical" onFinish={submit}
        initialValues={{ members: program.committee.map((m) => ({ personId: m.personId, role: m.role })) }}>
        <Form.List name="members" rules={[listRule(committeeInput.shape.members)]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px', alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'personId']} rules={[zodRule(member.personId)]} style={{ flex: '2 1 240px' }}>
                    <PersonSelect aria-label={t('programs.fullName')} allowClear={false} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[zodRule(member.role)]} style={{ flex: '1 1 180px' }}>
                    <Select aria-label={t('programs.role')} options={committeeRoles.map((r) => ({ value: r, label: t(`programs.roles.${r}`) }))} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>{t('programs.addMember')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
