import { App, Button, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnterpriseAccount, linkAccountParams } from '../../../shared/contracts/enterprises';
import { errorMessage } from '../../i18n/error-message';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { zodRule } from '../../lib/zod-rule';
import { useEnterpriseAccounts, useLinkAccount, useLinkedAccounts, useUnlinkAccount } from './api';

const who = (a: EnterpriseAccount) => (a.displayName === a.username ? a.username : `${a.displayName} (${a.username})`);

/** The accounts acting for an enterprise, and linking another one (the secretariat's job). */
export function EnterpriseAccounts({ taxCode }: { taxCode: string }) {
  const { t } = useTranslation();
  const linked = useLinkedAccounts(taxCode);
  const unlink = useUnlinkAccount(taxCode);
  const { message, modal } = App.useApp();
  const remove = (a: EnterpriseAccount) =>
    modal.confirm({
      title: t('enterprises.unlink'),
      content: t('enterprises.unlinkConfirm', { name: who(a) }),
      okButtonProps: { danger: true },
      onOk: () =>
        unlink.mutateAsync(a.id).then(
          () => {
            void message.success(t('enterprises.unlinked'));
          },
          (err: unknown) => {
            void message.error(errorMessage(t, err));
          },
        ),
    });
  return (
    <div data-testid="enterprise-accounts">
      <Typography.Title level={5}>{t('enterprises.accounts')}</Typography.Title>
      <List
        size="small"
        loading={linked.isFetching}
        dataSource={linked.data ?? []}
        locale={{ emptyText: t('enterprises.noAccounts') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="unlink" size="small" danger onClick={() => void remove(a)}>
                {t('enterprises.unlink')}
              </Button>,
            ]}
          >
            <Space wrap>
              {who(a)}
              {!a.active && <Tag>{t('enterprises.inactive')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      <LinkAccountForm taxCode={taxCode} />
    </div>
  );
}

function LinkAccountForm({ taxCode }: { taxCode: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ userId: string }>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const candidates = useEnterpriseAccounts(q);
  const link = useLinkAccount(taxCode);
  const userId = Form.useWatch('userId', form);
  const chosen = candidates.data?.find((a) => a.id === userId);

  const send = (id: string) =>
    link.mutate(id, {
      onSuccess: () => {
        void message.success(t('enterprises.linked'));
        form.resetFields();
        setSearch('');
      },
      onError: (err) => void message.error(errorMessage(t, err)),
    });
  const submit = async () => {
    const { userId: id } = await form.validateFields();
    const other = chosen?.enterprise && chosen.enterprise.taxCode !== taxCode ? chosen.enterprise : null;
    // an account acts for one enterprise only: linking it here takes it away from the other one
    if (other)
      modal.confirm({
        title: t('enterprises.link'),
        content: t('enterprises.moveConfirm', { name: other.name }),
        onOk: () => send(id),
      });
    else send(id);
  };

  return (
    <Form form={form} layout="inline" style={{ marginTop: 8, rowGap: 8 }} onFinish={() => void submit()}>
      <Form.Item
        name="userId"
        rules={[zodRule(linkAccountParams.shape.userId)]}
        style={{ flex: '1 1 260px', marginInlineEnd: 8 }}
      >
        <Select
          showSearch
          filterOption={false}
          onSearch={setSearch}
          searchValue={search}
          allowClear
          placeholder={t('enterprises.pickAccount')}
          aria-label={t('enterprises.pickAccount')}
          loading={candidates.isFetching}
          notFoundContent={t('enterprises.noCandidates')}
          options={(candidates.data ?? []).map((a) => ({
            value: a.id,
            label: a.enterprise
              ? `${who(a)} — ${a.enterprise.taxCode === taxCode ? t('enterprises.linkedHere') : a.enterprise.name}`
              : who(a),
          }))}
        />
      </Form.Item>
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Button htmlType="submit" loading={link.isPending}>
          {t('enterprises.link')}
        </Button>
      </Form.Item>
    </Form>
  );
}
