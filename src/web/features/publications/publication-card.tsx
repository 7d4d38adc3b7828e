import { App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { usePublication, usePublish, useWithdraw } from './api';

/**
 * On an inspection whose conclusion is issued: whether its recommendations and their follow-up status are public,
 * and, for the secretariat (the server says who may), publish or withdraw with a reason.
 */
export function PublicationCard({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const query = usePublication(inspectionId);
  const publish = usePublish(inspectionId);
  const withdraw = useWithdraw(inspectionId);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const fail = (e: unknown) => void message.error(errorMessage(t, e));

  return (
    <Card size="small" title={t('publications.card')} data-testid="publication-card">
      <QueryState query={query}>
        {(s) => (
          <Flex vertical gap={8} align="start">
            <Typography.Text>
              {s.published
                ? t('publications.publishedSince', { date: formatDate(s.publishedAt) })
                : s.withdrawnAt
                  ? t('publications.withdrawnOn', { date: formatDate(s.withdrawnAt), reason: s.withdrawReason })
                  : t('publications.notPublished')}
            </Typography.Text>
            <Flex wrap gap={8}>
              {s.permissions.publish && (
                <Button
                  type="primary"
                  loading={publish.isPending}
                  onClick={() =>
                    void modal.confirm({
                      title: t('publications.publish'),
                      content: t('publications.publishConfirm'),
                      okText: t('publications.publish'),
                      onOk: () => publish.mutateAsync(s.version).catch(fail),
                    })
                  }
                >
                  {t('publications.publish')}
                </Button>
              )}
              {s.permissions.withdraw && (
                <Button danger onClick={() => setReasonOpen(true)}>
                  {t('publications.withdraw')}
                </Button>
              )}
              {s.published && s.publicPath && (
                <Link to={s.publicPath} target="_blank" rel="noopener">
                  {t('publications.openPublic')}
                </Link>
              )}
            </Flex>
            <Modal
              open={reasonOpen}
              title={t('publications.withdraw')}
              okText={t('publications.withdraw')}
              okButtonProps={{ danger: true, loading: withdraw.isPending }}
              onCancel={() => setReasonOpen(false)}
              onOk={() =>
                void form
                  .validateFields()
                  .then(({ reason }) => withdraw.mutateAsync({ reason, version: s.version }))
                  .then(() => {
                    setReasonOpen(false);
                    form.resetFields();
                  })
                  .catch((e: unknown) => {
                    if (!(e && typeof e === 'object' && 'errorFields' in e)) fail(e);
                  })
              }
            >
              <Form form={form} layout="vertical">
                <Form.Item
                  name="reason"
                  label={t('publications.withdrawReason')}
                  rules={[{ required: true, whitespace: true, message: t('publications.withdrawReason') }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              </Form>
            </Modal>
          </Flex>
        )}
      </QueryState>
    </Card>
  );
}
