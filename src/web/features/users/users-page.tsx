import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/fields';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useUsers, type UserAccount } from './api';
import { CreateUserForm, EditUserForm, ResetPasswordForm } from './user-form';
import { DataTable } from '../../components/data-table';

const PAGE_SIZE = 20;
const roleColors: Record<Role, string> = {
  admin: 'red',
  secretariat: 'purple',
  inspector: 'blue',
  unit: 'green',
  viewer: 'default',
  enterprise: 'gold',
};

export default function UsersPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'password'; user: UserAccount } | null>(
    null,
  );
  const list = useUsers({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const close = () => setDialog(null);

  const columns: TableColumnsType<UserAccount> = [
    { title: t('users.username'), dataIndex: 'username', width: 150 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 260 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 190,
      render: (r: Role) => <Tag color={roleColors[r]}>{t(`roles.${r}`)}</Tag>,
    },
    { title: t('users.orgUnit'), dataIndex: 'orgUnitName', width: 220 },
    {
      title: t('users.active'),
      dataIndex: 'active',
      width: 130,
      render: (a: boolean) => <Tag color={a ? 'success' : 'default'}>{t(a ? 'users.active' : 'users.inactive')}</Tag>,
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', width: 110, render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, user) => (
        <Flex gap={4}>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setDialog({ kind: 'edit', user })}
            />
          </Tooltip>
          <Tooltip title={t('users.resetPassword')}>
            <Button
              size="small"
              icon={<KeyOutlined />}
              aria-label={t('users.resetPassword')}
              onClick={() => setDialog({ kind: 'password', user })}
            />
          </Tooltip>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<UserAccount>
          phoneColumns={['displayName', 'role', 'active', 'actions']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1170 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (count) => t('users.total', { count }),
          }}
        />
      )}
      {dialog?.kind === 'create' && <CreateUserForm onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserForm user={dialog.user} onClose={close} />}
      {dialog?.kind === 'password' && <ResetPasswordForm user={dialog.user} onClose={close} />}
    </>
  );
}
