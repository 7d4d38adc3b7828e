import { App, Button, Card, Form, List, Radio, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NotificationMode } from '../../../shared/notifications';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications, usePreferences, useSavePreferences } from './api';
import { NoticeText } from './notice-text';

const PAGE = 20;

function Preferences() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = usePreferences();
  const save = useSavePreferences();
  const [form] = Form.useForm<Record<string, NotificationMode>>();
  return (
    <Card title={t('notifications.preferences')}>
      <Typography.Paragraph type="secondary">{t('notifications.preferencesHelp')}</Typography.Paragraph>
      <QueryState query={query}>
        {(data) => (
          <Form
            form={form}
            layout="horizontal"
            initialValues={Object.fromEntries(data.items.map((p) => [p.kind, p.mode]))}
            onFinish={(values) =>
              save.mutate(
                { items: data.items.map((p) => ({ kind: p.kind, mode: values[p.kind] })) },
                {
                  onSuccess: () => void message.success(t('notifications.saved')),
                  onError: (error) => void message.error(errorMessage(t, error)),
                },
              )
            }
          >
            {data.items.map((p) => (
              <Form.Item key={p.kind} name={p.kind} label={t(`notifications.kinds.${p.kind}`)}>
                <Radio.Group size="small">
                  <Radio.Button value="immediate">{t('notifications.mode.immediate')}</Radio.Button>
                  <Radio.Button value="digest">{t('notifications.mode.digest')}</Radio.Button>
                  {p.canTurnOff && <Radio.Button value="off">{t('notifications.mode.off')}</Radio.Button>}
                </Radio.Group>
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('notifications.save')}
            </Button>
          </Form>
        )}
      </QueryState>
    </Card>
  );
}

/** `/notifications`: every notice of mine, newest first, with its link; mark read; how e-mail comes. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const query = useNotifications({ ...(unreadOnly ? { unread: 'true' as const } : {}), limit: PAGE, offset });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Space wrap>
            <Switch
              checked={unreadOnly}
              onChange={(v) => {
                setUnreadOnly(v);
                setOffset(0);
              }}
            />
            {t('notifications.unreadOnly')}
            <Button onClick={() => markAll.mutate()} disabled={!query.data?.unread} loading={markAll.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <QueryState query={query}>
            {(data) => (
              <List
                dataSource={data.items}
                locale={{ emptyText: t('notifications.none') }}
                pagination={{
                  total: data.total,
                  pageSize: PAGE,
                  current: offset / PAGE + 1,
                  onChange: (page) => setOffset((page - 1) * PAGE),
                  hideOnSinglePage: true,
                }}
                renderItem={(n) => (
                  <List.Item
                    data-kind={n.kind}
                    actions={[
                      <Link key="open" to={n.path} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                        {t('notifications.open')}
                      </Link>,
                      ...(n.readAt
                        ? []
                        : [
                            <Button key="read" size="small" onClick={() => markRead.mutate(n.id)}>
                              {t('notifications.markRead')}
                            </Button>,
                          ]),
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <span>
                          {!n.readAt && <Tag color="blue">{t('notifications.unread')}</Tag>}
                          <NoticeText n={n} />
                        </span>
                      }
                      description={formatDateTime(n.createdAt)}
                    />
                  </List.Item>
                )}
              />
            )}
          </QueryState>
        </Card>
        <Preferences />
      </Space>
    </>
  );
}
