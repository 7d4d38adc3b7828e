import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { orgUnitKinds, type OrgUnit, type OrgUnitKind } from '../../../shared/contracts/org-units';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import { useOrgUnits, type OrgUnitDetail } from './api';
import { OrgUnitDrawer } from './org-unit-drawer';
import { OrgUnitForm } from './org-unit-form';
import { DataTable } from '../../components/data-table';

const PAGE_SIZE = 20;

export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [kind, setKind] = useState<OrgUnitKind>();
  const [validOn, setValidOn] = useState<Dayjs | null>(null);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<OrgUnitDetail | null | 'new'>(null);
  const list = useOrgUnits({
    q: q || undefined,
    kind,
    validOn: validOn?.format('YYYY-MM-DD'),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filter =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(1);
    };

  const columns: TableColumnsType<OrgUnit> = [
    { title: t('orgUnits.code'), dataIndex: 'code', width: 170 },
    { title: t('orgUnits.name'), dataIndex: 'name', width: 280 },
    {
      title: t('orgUnits.kindLabel'),
      dataIndex: 'kind',
      width: 190,
      render: (k: OrgUnitKind) => t(`orgUnits.kind.${k}`),
    },
    { title: t('orgUnits.parent'), dataIndex: 'parentName', width: 220 },
    { title: t('orgUnits.validFrom'), dataIndex: 'validFrom', width: 120, render: formatDate },
    { title: t('orgUnits.validTo'), dataIndex: 'validTo', width: 120, render: formatDate },
    {
      title: '',
      key: 'overview',
      width: 150,
      render: (_, u) => (
        <Link to={`/org-units/${u.id}/overview`} onClick={(e) => e.stopPropagation()}>
          {t('monitoring.overviewLink')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        extra={
          can('orgUnit.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('orgUnits.create')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('orgUnits.searchPlaceholder')}
          style={{ width: 320, maxWidth: '100%' }}
          onChange={(e) => filter(setText)(e.target.value)}
        />
        <Select
          allowClear
          placeholder={t('orgUnits.allKinds')}
          aria-label={t('orgUnits.allKinds')}
          style={{ width: 240, maxWidth: '100%' }}
          value={kind}
          onChange={filter(setKind)}
          options={orgUnitKinds.map((k) => ({ value: k, label: t(`orgUnits.kind.${k}`) }))}
        />
        <DatePicker
          placeholder={t('orgUnits.validOn')}
          format="DD/MM/YYYY"
          value={validOn}
          onChange={filter(setValidOn)}
          style={{ width: 200 }}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<OrgUnit>
          phoneColumns={['name', 'kind', 'overview']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1250 }}
          onRow={(u) => ({ onClick: () => setOpenId(u.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (count) => t('orgUnits.total', { count }),
          }}
        />
      )}
      <OrgUnitDrawer id={openId} onOpen={setOpenId} onClose={() => setOpenId(null)} onEdit={setEditing} />
      {editing && (
        <OrgUnitForm
          unit={editing === 'new' ? null : editing}
          onClose={(savedId) => {
            setEditing(null);
            if (savedId) setOpenId(savedId);
          }}
        />
      )}
    </>
  );
}
