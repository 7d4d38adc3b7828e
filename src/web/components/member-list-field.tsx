import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { listRule, zodRule } from '../lib/zod-rule';
import { PersonSelect } from './person-select';

/**
 * The `members` list of a form: people with a role each, in order, saved whole (a steering committee, an inspection
 * team). `list` is the contract's array schema, so the list's own rules (one head, a person twice) show under it;
 * `extra` adds fields to each row, e.g. the org unit a team member represents.
 */
export function MemberListField<R extends string>({
  list,
  member,
  roles,
  roleLabel,
  newRole,
  labels,
  legend,
  extra,
}: {
  list: z.ZodType;
  member: { personId: z.ZodType; role: z.ZodType };
  roles: readonly R[];
  roleLabel: (role: R) => string;
  /** the role of a row added with the button */
  newRole: R;
  labels: { person: string; role: string; add: string };
  legend?: string;
  extra?: (name: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name="members" rules={[listRule(list)]}>
      {(fields, { add, remove }, { errors }) => {
        const rows = (
          <>
            {fields.map((field) => (
              <div
                key={field.key}
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  gap: '0 8px',
                  alignItems: 'flex-start',
                  borderBottom: '1px solid #f0f0f0',
                  marginBottom: 8,
                }}
              >
                <Form.Item
                  name={[field.name, 'personId']}
                  rules={[zodRule(member.personId)]}
                  style={{ flex: '2 1 220px' }}
                >
                  <PersonSelect aria-label={labels.person} allowClear={false} />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} rules={[zodRule(member.role)]} style={{ flex: '1 1 150px' }}>
                  <Select aria-label={labels.role} options={roles.map((r) => ({ value: r, label: roleLabel(r) }))} />
                </Form.Item>
                {extra?.(field.name)}
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: newRole })}>
              {labels.add}
            </Button>
          </>
        );
        return legend ? (
          <fieldset>
            <legend style={{ fontSize: 14, fontWeight: 600 }}>{legend}</legend>
            {rows}
          </fieldset>
        ) : (
          rows
        );
      }}
    </Form.List>
  );
}
