import {
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { sizeClasses, type SizeClass } from '../../../shared/enterprises/size-class';
import { PageHeader } from '../../components/page-header';
import { ErrorResult, QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import { useAssessments, AssessmentTable, AssessmentTimelineCard } from '../dx-assessments';
import { useEnterprise, useEnterprises, useResolveCommune, useVsicSections } from './api';
import { EnterpriseAccounts } from './enterprise-accounts';
import { EnterpriseFacts } from './enterprise-facts';
import { EnterpriseCreateModal, EnterpriseEditModal } from './enterprise-form';
import type { EnterpriseItem } from '../../api/types';
import { DataTable } from '../../components/data-table';

const PAGE_SIZE = 20;

/** The registry for officers: search, filters, "needs review" communes to resolve, each enterprise's assessments. */
export default function EnterprisesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [sectorCode, setSector] = useState<string>();
  const [sizeClass, setSize] = useState<SizeClass>();
  const [review, setReview] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const can = useCan();
  const sections = useVsicSections();
  const list = useEnterprises({
    q: q || undefined,
    sectorCode,
    sizeClass,
    communeResolution: review ? 'needs_review' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const open = params.get('taxCode');
  const setOpen = (taxCode: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (taxCode) n.set('taxCode', taxCode);
        else n.delete('taxCode');
        return n;
      },
      { replace: true },
    );
  const columns: TableColumnsType<EnterpriseItem> = [
    {
      title: t('enterprises.name'),
      key: 'n',
      render: (_, e) => (
        <div>
          <Typography.Link>{e.name}</Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {e.taxCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('enterprises.currentCommune'),
      key: 'c',
      render: (_, e) => e.currentCommune?.name ?? <Tag color="orange">{t('enterprises.resolution.needs_review')}</Tag>,
    },
    { title: t('enterprises.sector'), dataIndex: 'sectorCode', width: 90 },
    { title: t('enterprises.sizeClassLabel'), key: 's', render: (_, e) => t(`enterprises.sizeClass.${e.sizeClass}`) },
  ];
  return (
    <>
      <PageHeader
        title={t('enterprises.title')}
        extra={
          can('enterprise.create') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('enterprises.create')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('enterprises.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('enterprises.allSectors')}
          aria-label={t('enterprises.allSectors')}
          style={{ width: 220 }}
          value={sectorCode}
          showSearch
          optionFilterProp="label"
          options={(sections.data ?? []).map((s) => ({ value: s.code, label: `${s.code} — ${s.nameVi}` }))}
          onChange={(v) => {
            setSector(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('enterprises.allSizes')}
          aria-label={t('enterprises.allSizes')}
          style={{ width: 160 }}
          value={sizeClass}
          options={sizeClasses.map((s) => ({ value: s, label: t(`enterprises.sizeClass.${s}`) }))}
          onChange={(v) => {
            setSize(v);
            setPage(1);
          }}
        />
        <Checkbox
          checked={review}
          onChange={(e) => {
            setReview(e.target.checked);
            setPage(1);
          }}
          style={{ alignSelf: 'center' }}
        >
          {t('enterprises.needsReviewOnly')}
        </Checkbox>
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<EnterpriseItem>
          phoneColumns={['n', 'c', 's']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 640 }}
          onRow={(e) => ({ onClick: () => setOpen(e.taxCode), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t('enterprises.total', { count }),
            onChange: setPage,
          }}
        />
      )}
      <Drawer open={!!open} onClose={() => setOpen(null)} width={720} title={t('enterprises.title')} destroyOnHidden>
        {open && <EnterpriseDrawerBody taxCode={open} />}
      </Drawer>
      <EnterpriseCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function EnterpriseDrawerBody({ taxCode }: { taxCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useEnterprise(taxCode);
  const resolve = useResolveCommune(taxCode);
  const [choice, setChoice] = useState<string>();
  const [editing, setEditing] = useState(false);
  const assessments = useAssessments({ taxCode, limit: 50, offset: 0 });
  return (
    <QueryState query={detail}>
      {(e) => (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {e.name}
            </Typography.Title>
            {e.permissions.canEdit && <Button onClick={() => setEditing(true)}>{t('enterprises.edit')}</Button>}
          </Flex>
          <EnterpriseFacts e={e} />
          <EnterpriseEditModal
            e={e}
            open={editing}
            onClose={() => setEditing(false)}
            cellFieldsLocked={!e.permissions.canEditClassification}
          />
          {e.communeResolution === 'needs_review' && e.permissions.canResolveCommune && (
            <div>
              <Typography.Paragraph>{t('enterprises.resolveHint')}</Typography.Paragraph>
              <Space wrap>
                <Select
                  style={{ width: 260 }}
                  value={choice}
                  onChange={setChoice}
                  options={e.successorCommunes.map((s) => ({ value: s.code, label: s.name }))}
                  aria-label={t('enterprises.resolve')}
                />
                <Button
                  type="primary"
                  disabled={!choice}
                  loading={resolve.isPending}
                  onClick={() =>
                    choice &&
                    resolve.mutate(choice, {
                      onSuccess: () => void message.success(t('enterprises.resolved')),
                      onError: (err) => void message.error(errorMessage(t, err)),
                    })
                  }
                >
                  {t('enterprises.resolve')}
                </Button>
              </Space>
            </div>
          )}
          {e.permissions.canManageAccounts && <EnterpriseAccounts taxCode={e.taxCode} />}
          <div>
            <Typography.Title level={5}>{t('enterprises.myAssessments')}</Typography.Title>
            <AssessmentTable items={assessments.data?.items} loading={assessments.isFetching} />
          </div>
          <AssessmentTimelineCard items={assessments.data?.items} />
        </Space>
      )}
    </QueryState>
  );
}
