import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/contracts/people';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import { usePeople } from './api';
import { PersonForm } from './person-form';
import { DataTable } from '../../components/data-table';

const PAGE_SIZE = 20;

export default function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const mayWrite = can('person.manage');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Person | null | 'new'>(null);
  const list = usePeople({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.fullName'),
      dataIndex: 'fullName',
      width: 200,
      render: (name: string, p) => (
        <>
          {name} {p.isDemo && <Tag>{t('people.demo')}</Tag>}
        </>
      ),
    },
    { title: t('people.positionTitle'), dataIndex: 'positionTitle', width: 320 },
    { title: t('people.orgUnit'), dataIndex: 'orgUnitName', width: 240 },
    { title: t('people.email'), dataIndex: 'email', width: 200 },
    { title: t('people.phone'), dataIndex: 'phone', width: 130 },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, p: Person) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing(p)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('people.create')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('people.searchPlaceholder')}
          style={{ width: 340, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Person>
          phoneColumns={['fullName', 'orgUnitName', 'actions']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (count) => t('people.total', { count }),
          }}
        />
      )}
      {editing && <PersonForm person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
