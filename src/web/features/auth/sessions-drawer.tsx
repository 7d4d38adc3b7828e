import { App, Button, Drawer, Form, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordChangeBody, type PasswordChangeBody } from '../../../shared/contracts/auth';
import { applyFieldErrors } from '../../api/form-errors';
import { ErrorResult } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDateTime } from '../../lib/format';
import { zodRule } from '../../lib/zod-rule';
import { useChangePassword, useEndOtherSessions, useEndSession, useMySessions, type SessionRow } from './sessions-api';

/** "Firefox 130 · Windows" from a user-agent string; the raw string as a tooltip. */
function browserOf(ua: string | null): string {
  if (!ua) return '—';
  const browser = /(Edg|Firefox|Chrome|Safari|OPR)\/(\d+)/.exec(ua);
  const os = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(ua);
  const name = browser ? `${browser[1] === 'Edg' ? 'Edge' : browser[1]} ${browser[2]}` : ua.slice(0, 40);
  return os ? `${name} · ${os[1]}` : name;
}

/** The user's own sessions (end one, or all others) and their password change (which ends the others too). */
export function SessionsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useMySessions(open);
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const onError = (e: unknown) => void message.error(errorMessage(t, e));
  const others = (sessions.data?.items ?? []).filter((s) => !s.current).length;

  return (
    <Drawer open={open} onClose={onClose} title={t('auth.sessionsTitle')} size="large" destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('auth.sessionsHint')}</Typography.Paragraph>
      {sessions.isError ? (
        <ErrorResult error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <List<SessionRow>
          loading={sessions.isLoading}
          dataSource={sessions.data?.items ?? []}
          renderItem={(s) => (
            <List.Item
              actions={
                s.current
                  ? []
                  : [
                      <Button
                        key="end"
                        size="small"
                        danger
                        loading={endOne.isPending && endOne.variables === s.id}
                        onClick={() => endOne.mutate(s.id, { onError })}
                      >
                        {t('auth.endSession')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size="small">
                    <span title={s.userAgent ?? undefined}>{browserOf(s.userAgent)}</span>
                    {s.current && <Tag color="green">{t('auth.thisSession')}</Tag>}
                  </Space>
                }
                description={t('auth.sessionLine', {
                  ip: s.ip ?? '—',
                  created: formatDateTime(s.createdAt),
                  lastSeen: formatDateTime(s.lastSeenAt),
                })}
              />
            </List.Item>
          )}
        />
      )}
      <Popconfirm
        title={t('auth.endOthersConfirm')}
        okText={t('auth.endOthers')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          endOthers.mutate(undefined, {
            onSuccess: (r) => void message.success(t('auth.endedCount', { count: r.ended })),
            onError,
          })
        }
        disabled={others === 0}
      >
        <Button danger disabled={others === 0} loading={endOthers.isPending} style={{ marginTop: 12 }}>
          {t('auth.endOthers')}
        </Button>
      </Popconfirm>
      <ChangePasswordForm />
    </Drawer>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChangeBody>();
  const change = useChangePassword();
  const submit = (values: PasswordChangeBody) =>
    change.mutate(values, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('auth.passwordChanged'));
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
      },
    });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('auth.changePassword')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.changePasswordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 360 }}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[zodRule(passwordChangeBody.shape.currentPassword)]}
        >
          <Input.Password maxLength={256} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[zodRule(passwordChangeBody.shape.newPassword)]}
        >
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('auth.changePassword')}
        </Button>
      </Form>
    </>
  );
}
