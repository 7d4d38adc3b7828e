import { Checkbox, Flex, Input, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { followUpKinds } from '../../../shared/contracts/follow-ups';
import { followUpStatuses } from '../../../shared/domain';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { useUrlFilters } from '../../lib/use-url-filters';
import { followUpFiltersFromUrl, followUpFiltersToUrl } from './list-filters';
import { useFollowUps, type FollowUpFilters } from './api';
import { FollowUpDrawer } from './follow-up-drawer';
import { DueDate, FollowUpKindTag, FollowUpStatusTag, overdueRowStyle } from './follow-up-tags';
import type { FollowUpItem } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-state';
import { conclusionRef } from '../../../shared/conclusion-number';

const PAGE_SIZE = 20;

/** The follow-up board. Filters live in the URL, so the dashboard can link to `?overdue=true`. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const { params, text, setText, q, page, set } = useUrlFilters(['id']);

  const filters: FollowUpFilters = {
    q: q || undefined,
    ...followUpFiltersFromUrl(params),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useFollowUps(filters);

  const columns: TableColumnsType<FollowUpItem> = [
    {
      title: t('followUps.text'),
      key: 'text',
      width: 340,
      render: (_, item) => (
        <div>
          <Typography.Link onClick={() => set({ id: item.id })}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4, color: 'inherit' }}>
              {item.text}
            </Typography.Paragraph>
          </Typography.Link>
          <FollowUpKindTag kind={item.kind} />
        </div>
      ),
    },
    { title: t('followUps.addressee'), key: 'addressee', width: 200, render: (_, item) => item.addressee.name },
    {
      title: t('followUps.inspection'),
      key: 'inspection',
      width: 220,
      render: (_, item) => (
        <div>
          <div>{item.inspection.targetName}</div>
          <Typography.Text type="secondary">
            {conclusionRef(item.conclusion)} · {item.inspection.planCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('followUps.dueDate'), key: 'due', width: 150, render: (_, item) => <DueDate item={item} /> },
    {
      title: t('followUps.statusLabel'),
      key: 'status',
      width: 150,
      render: (_, item) => <FollowUpStatusTag item={item} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('followUps.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('followUps.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            set({ q: e.target.value.trim() || null });
          }}
        />
        <Select
          allowClear
          placeholder={t('followUps.allStatuses')}
          aria-label={t('followUps.allStatuses')}
          style={{ width: 180 }}
          value={filters.status}
          options={followUpStatuses.map((s) => ({ value: s, label: t(`followUps.status.${s}`) }))}
          onChange={(v) => set({ status: v ?? null })}
        />
        <Select
          allowClear
          placeholder={t('followUps.allKinds')}
          aria-label={t('followUps.allKinds')}
          style={{ width: 200 }}
          value={filters.kind}
          options={followUpKinds.map((k) => ({ value: k, label: t(`followUps.kind.${k}`) }))}
          onChange={(v) => set({ kind: v ?? null })}
        />
        <OrgUnitSelect
          placeholder={t('followUps.addressee')}
          style={{ width: 260, maxWidth: '100%' }}
          value={filters.addresseeOrgUnitId}
          onChange={(v) => set({ addressee: typeof v === 'string' ? v : null })}
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(e) => set({ overdue: e.target.checked ? 'true' : null })}
          style={{ alignSelf: 'center' }}
        >
          {t('followUps.overdueOnly')}
        </Checkbox>
        <Checkbox
          checked={filters.accepted === 'false'}
          onChange={(e) => set(followUpFiltersToUrl({ accepted: e.target.checked ? 'false' : undefined }))}
          style={{ alignSelf: 'center' }}
        >
          {t('followUps.notAcceptedOnly')}
        </Checkbox>
        <Checkbox
          checked={filters.returned === 'true'}
          onChange={(e) => set(followUpFiltersToUrl({ returned: e.target.checked ? 'true' : undefined }))}
          style={{ alignSelf: 'center' }}
        >
          {t('followUps.returnedOnly')}
        </Checkbox>
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<FollowUpItem>
          phoneColumns={['text', 'status', 'due']}
          locale={{ emptyText: <EmptyList title={t('emptyList.followUps')} hint={t('emptyList.followUpsHint')} /> }}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1060 }}
          onRow={(item) => ({
            onClick: () => set({ id: item.id }),
            style: { cursor: 'pointer', ...overdueRowStyle(item) },
          })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t('followUps.total', { count }),
            onChange: (p) => set({ page: p > 1 ? String(p) : null }),
          }}
        />
      )}
      <FollowUpDrawer id={params.get('id')} onClose={() => set({ id: null })} />
    </>
  );
}
