import { Card, Flex, Layout, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { usePublicFeed } from './api';

type Feed = NonNullable<ReturnType<typeof usePublicFeed>['data']>;
type Recommendation = Feed['inspections'][number]['recommendations'][number];

/**
 * A program's published follow-up status, for anyone, without a login (issue 14 §3): only what the secretariat has
 * published, and of it only numbers, dates, units and status.
 */
export default function PublicProgramPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const feed = usePublicFeed(id);
  const title = t('publications.publicTitle');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const columns = [
    { key: 'kind', title: '', render: (_: unknown, r: Recommendation) => t(`publications.kind.${r.kind}`) },
    { key: 'text', dataIndex: 'text', title: t('publications.text') },
    { key: 'addressee', dataIndex: 'addressee', title: t('publications.addressee') },
    {
      key: 'due',
      title: t('publications.dueDate'),
      render: (_: unknown, r: Recommendation) => formatDate(r.dueDate),
    },
    {
      key: 'status',
      title: t('publications.statusLabel'),
      render: (_: unknown, r: Recommendation) => (
        <Flex wrap gap={4}>
          <Tag>{t(`publications.status.${r.status}`)}</Tag>
          {r.accepted && <Tag color="green">{t('publications.accepted')}</Tag>}
          {r.overdue && <Tag color="red">{t('publications.overdueDays', { count: r.daysOverdue })}</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* antd's Content is the page's one <main> landmark */}
      <Layout.Content style={{ maxWidth: 1100, width: '100%', margin: '0 auto', padding: 16 }}>
        <QueryState query={feed}>
          {(f) => (
            <Flex vertical gap={16}>
              <header>
                <Typography.Title level={1} style={{ fontSize: 24 }}>
                  {title}
                </Typography.Title>
                <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
                  {f.program.code} · {f.program.title}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('publications.asOf', { date: formatDate(f.asOf) })} ·{' '}
                  <a href={`/api/public/programs/${f.program.id}/recommendations`}>{t('publications.feed')}</a>
                </Typography.Text>
              </header>
              {f.inspections.length === 0 && <EmptyState title={t('publications.nothingPublished')} />}
              {f.inspections.map((i) => (
                <Card
                  key={`${i.planCode}-${i.conclusion.number}-${i.conclusion.year}`}
                  size="small"
                  title={
                    <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                      {i.inspectedUnit} — {t('publications.conclusion', i.conclusion)}
                    </Typography.Title>
                  }
                  extra={
                    <Typography.Text type="secondary">
                      {t('publications.plan')} {i.planCode} · {t('publications.publishedAt')}{' '}
                      {formatDate(i.publishedAt)}
                    </Typography.Text>
                  }
                >
                  <Table<Recommendation>
                    size="small"
                    pagination={false}
                    rowKey={(r) => `${r.kind}-${r.text}-${r.addressee}-${r.dueDate}`}
                    columns={columns}
                    dataSource={i.recommendations}
                    scroll={{ x: 700 }}
                  />
                </Card>
              ))}
            </Flex>
          )}
        </QueryState>
      </Layout.Content>
    </Layout>
  );
}
