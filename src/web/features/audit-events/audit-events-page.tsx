import { DatePicker, Flex, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useAuditEvents, type AuditEvent } from './api';
import { AuditDiff } from './audit-diff';
import strings from './i18n';
import { DataTable } from '../../components/data-table';

const PAGE_SIZE = 30;
const actions = Object.keys(strings.vi.action) as (keyof typeof strings.vi.action)[];
const entityTypes = Object.keys(strings.vi.entityTypes) as (keyof typeof strings.vi.entityTypes)[];
const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  transition: 'purple',
  issue: 'geekblue',
  accept: 'cyan',
  upload: 'gold',
  restore: 'volcano',
};

export default function AuditEventsPage() {
  const { t, i18n } = useTranslation();
  const [entityType, setEntityType] = useState<string>();
  const [username, setUsername] = useState('');
  const [action, setAction] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const debounced = useDebouncedValue({ username: username.trim() }, 300);
  const list = useAuditEvents({
    entityType,
    actorUsername: debounced.username || undefined,
    action,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filter =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(1);
    };
  const typeLabel = (type: string) =>
    (entityTypes as string[]).includes(type)
      ? t(`auditEvents.entityTypes.${type as (typeof entityTypes)[number]}`)
      : type;
  const actionLabel = (a: string) =>
    (actions as string[]).includes(a) ? t(`auditEvents.action.${a as (typeof actions)[number]}`) : a;

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('auditEvents.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: t('auditEvents.user'),
      dataIndex: 'actorUsername',
      width: 150,
      render: (u: string | null) => u ?? <Typography.Text type="secondary">{t('auditEvents.system')}</Typography.Text>,
    },
    {
      title: t('auditEvents.actionLabel'),
      dataIndex: 'action',
      width: 150,
      render: (a: string) => <Tag color={actionColors[a]}>{actionLabel(a)}</Tag>,
    },
    {
      title: t('auditEvents.entity'),
      key: 'entity',
      width: 340,
      render: (_, e) => {
        const name = e.subject ? (i18n.language === 'en' && e.subject.nameEn) || e.subject.name : null;
        return (
          <>
            <Typography.Text type="secondary">{typeLabel(e.entityType)}: </Typography.Text>
            {name && e.subject?.path ? (
              // underlined: a link inside a line of text must not be told apart by colour alone (axe link-in-text-block)
              <Link to={e.subject.path} onClick={(ev) => ev.stopPropagation()} style={{ textDecoration: 'underline' }}>
                {name}
              </Link>
            ) : (
              (name ?? <Typography.Text type="secondary">{t('auditEvents.noName')}</Typography.Text>)
            )}{' '}
            <Typography.Text
              type="secondary"
              copyable={{ text: e.entityId, tooltips: [e.entityId, e.entityId] }}
              style={{ fontSize: 12 }}
            />
          </>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('auditEvents.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={entityType}
          placeholder={t('auditEvents.entityType')}
          aria-label={t('auditEvents.entityType')}
          style={{ width: 240 }}
          options={entityTypes.map((e) => ({ value: e, label: typeLabel(e) }))}
          onChange={filter((v: string | undefined) => setEntityType(v))}
        />
        <Input
          allowClear
          value={username}
          placeholder={t('auditEvents.username')}
          style={{ width: 180 }}
          onChange={(e) => filter(setUsername)(e.target.value)}
        />
        <Select
          allowClear
          value={action}
          placeholder={t('auditEvents.allActions')}
          aria-label={t('auditEvents.allActions')}
          style={{ width: 180 }}
          onChange={filter(setAction)}
          options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          value={range}
          onChange={filter(setRange)}
          placeholder={[t('auditEvents.from'), t('auditEvents.to')]}
          style={{ maxWidth: '100%' }}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<AuditEvent>
          phoneColumns={['at', 'action', 'entity']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 840 }}
          expandable={{ expandedRowRender: (e) => <AuditDiff event={e} />, expandRowByClick: true }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (count) => t('auditEvents.total', { count }),
          }}
        />
      )}
    </>
  );
}
