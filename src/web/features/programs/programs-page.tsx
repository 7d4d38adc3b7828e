import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Program } from '../../../shared/contracts/programs';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import { usePrograms } from './api';
import { ProgramForm } from './program-form';
import { DataTable } from '../../components/data-table';

export default function ProgramsPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const programs = usePrograms(q);
  const canWrite = useCan()('program.manage');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('programs.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('programs.create')}
            </Button>
          )
        }
      />
      {creating && <ProgramForm onClose={() => setCreating(false)} />}
      <Card>
        <Input.Search
          allowClear
          placeholder={t('programs.searchPlaceholder')}
          aria-label={t('common.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {programs.isError ? (
          <ErrorResult error={programs.error} onRetry={() => void programs.refetch()} />
        ) : (
          <DataTable<Program>
            phoneColumns={['code', 'title', 'period']}
            rowKey="id"
            loading={programs.isPending}
            dataSource={programs.data?.items}
            pagination={false}
            scroll={{ x: 760 }}
            columns={[
              {
                title: t('programs.code'),
                dataIndex: 'code',
                width: 130,
                render: (code: string, p) => <Link to={`/programs/${p.id}`}>{code}</Link>,
              },
              { title: t('programs.name'), dataIndex: 'title' },
              { title: t('programs.issuer'), dataIndex: 'issuerName', width: 200 },
              {
                title: t('programs.period'),
                key: 'period',
                width: 120,
                render: (_, p) => `${p.periodStart}–${p.periodEnd}`,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
