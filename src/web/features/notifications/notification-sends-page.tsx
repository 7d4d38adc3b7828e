import { Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendStatuses, type SendStatus } from '../../../shared/notifications';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { useNotificationSends, type NotificationSend } from './api';

const PAGE_SIZE = 30;
const statusColors: Record<SendStatus, string> = { pending: 'blue', sending: 'gold', sent: 'green', failed: 'red' };

/**
 * The admin's list of e-mail sends, failed ones first shown: a send given up after its retries, or cut off mid-way
 * (never sent twice), with the SMTP server's last answer, so the admin can fix an address or the mail server.
 */
export default function NotificationSendsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SendStatus | undefined>('failed');
  const [page, setPage] = useState(1);
  const list = useNotificationSends({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const columns: TableColumnsType<NotificationSend> = [
    {
      title: t('notifications.sends.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('notifications.sends.recipient'),
      key: 'recipient',
      width: 220,
      render: (_, s) => (
        <>
          {s.user.displayName}
          <br />
          <Typography.Text type="secondary">{s.toAddress ?? t('notifications.sends.noAddress')}</Typography.Text>
        </>
      ),
    },
    {
      title: t('notifications.sends.status'),
      dataIndex: 'status',
      key: 'status',
      width: 130,
      render: (v: SendStatus) => <Tag color={statusColors[v]}>{t(`notifications.sends.statuses.${v}`)}</Tag>,
    },
    { title: t('notifications.sends.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90 },
    { title: t('notifications.sends.notices'), dataIndex: 'notifications', key: 'notices', width: 90 },
    {
      title: t('notifications.sends.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('notifications.sends.title')} />
      <Typography.Paragraph type="secondary">{t('notifications.sends.help')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={status}
          placeholder={t('notifications.sends.allStatuses')}
          aria-label={t('notifications.sends.status')}
          style={{ width: 200 }}
          options={sendStatuses.map((s) => ({ value: s, label: t(`notifications.sends.statuses.${s}`) }))}
          onChange={(v: SendStatus | undefined) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<NotificationSend>
          phoneColumns={['recipient', 'status', 'lastError']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          // antd's plain empty text is a light grey below the contrast ratio: the app's empty state instead
          locale={{ emptyText: <EmptyState title={t('notifications.sends.none')} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      )}
    </>
  );
}
