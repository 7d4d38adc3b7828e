import { Checkbox, Flex, Input, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InspectionListItem } from '../../../shared/contracts/inspections';
import { inspectionStatuses } from '../../../shared/domain';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import { useUrlFilters } from '../../lib/use-url-filters';
import { inspectionFiltersFromUrl, inspectionFiltersToUrl } from './list-filters';
import { usePlans } from '../inspection-plans';
import { useInspections, type InspectionFilters } from './api';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-state';
import { conclusionRef } from '../../../shared/conclusion-number';

const PAGE_SIZE = 20;

/** All inspections (a unit sees its own). Filters live in the URL so links can share them. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const { params, text, setText, q, page, set } = useUrlFilters();
  const plans = usePlans({ q: '' });

  const filters: InspectionFilters = {
    q: q || undefined,
    ...inspectionFiltersFromUrl(params),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useInspections(filters);

  const columns: TableColumnsType<InspectionListItem> = [
    {
      title: t('inspections.target'),
      key: 'target',
      width: 260,
      render: (_, i) => <Link to={`/inspections/${i.id}`}>{i.target.name}</Link>,
    },
    {
      title: t('inspections.team'),
      key: 'team',
      width: 220,
      render: (_, i) => (
        <div>
          {i.team.name}
          <br />
          <Typography.Text type="secondary">{i.plan.code}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('inspections.window'),
      key: 'window',
      width: 200,
      render: (_, i) => `${formatDate(i.windowStart)} – ${formatDate(i.windowEnd)}`,
    },
    {
      title: t('inspections.statusLabel'),
      key: 'status',
      width: 190,
      render: (_, i) => <StatusTag status={i.status} />,
    },
    { title: t('inspections.findingsCount'), dataIndex: 'findingsCount', width: 110, align: 'right' },
    {
      title: t('inspections.conclusion'),
      key: 'conclusion',
      width: 130,
      render: (_, i) =>
        i.conclusionNumber && i.conclusionYear
          ? conclusionRef({ number: i.conclusionNumber, year: i.conclusionYear })
          : '',
    },
  ];

  return (
    <>
      <PageHeader title={t('inspections.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('inspections.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            set({ q: e.target.value.trim() || null });
          }}
        />
        <Select
          allowClear
          placeholder={t('inspections.allStatuses')}
          aria-label={t('inspections.allStatuses')}
          style={{ width: 220, maxWidth: '100%' }}
          value={filters.status}
          options={inspectionStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(v) => set(inspectionFiltersToUrl({ status: v ?? undefined }))}
        />
        <Select
          allowClear
          placeholder={t('inspections.allPlans')}
          aria-label={t('inspections.allPlans')}
          style={{ width: 220, maxWidth: '100%' }}
          value={filters.planId}
          loading={plans.isPending}
          options={plans.data?.items.map((p) => ({ value: p.id, label: p.code })) ?? []}
          onChange={(v) => set(inspectionFiltersToUrl({ planId: v ?? undefined }))}
        />
        {(['open', 'late'] as const).map((key) => (
          <Checkbox
            key={key}
            checked={filters[key] === 'true'}
            onChange={(e) => set(inspectionFiltersToUrl({ [key]: e.target.checked ? 'true' : undefined }))}
            style={{ alignSelf: 'center' }}
          >
            {t(`inspections.only.${key}`)}
          </Checkbox>
        ))}
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<InspectionListItem>
          phoneColumns={['target', 'status', 'window']}
          locale={{ emptyText: <EmptyList title={t('emptyList.inspections')} hint={t('emptyList.inspectionsHint')} /> }}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1110 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t('inspections.total', { count }),
            onChange: (p) => set({ page: p > 1 ? String(p) : null }),
          }}
        />
      )}
    </>
  );
}
