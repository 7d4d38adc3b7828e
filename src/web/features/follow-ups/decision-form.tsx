import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { followUpAcceptanceInput } from '../../../shared/contracts/follow-ups';
import { applyFieldErrors } from '../../api/form-errors';
import { errorMessage } from '../../i18n/error-message';
import { useDecide } from './api';
import type { FollowUpDetail } from '../../api/types';

/** The secretariat's verdict on a `done` report: accept, or return it with a reason. */
export function DecisionForm({ fu }: { fu: FollowUpDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecide(fu.id);

  const send = (accepted: boolean) => {
    const note = (form.getFieldValue('note') as string | undefined)?.trim() || undefined;
    const parsed = followUpAcceptanceInput.safeParse({ accepted, note });
    // the one rule beyond the text box's limits: returning needs a reason
    if (!parsed.success) {
      form.setFields([{ name: 'note', errors: [t('followUps.noteRequiredToReturn')] }]);
      return;
    }
    decide.mutate(parsed.data, {
      onSuccess: () => void message.success(t(accepted ? 'followUps.acceptedDone' : 'followUps.returnedDone')),
      onError: (e) => {
        if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
      },
    });
  };

  return (
    <Card size="small" title={t('followUps.decisionTitle')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('followUps.decisionNote')}>
          <Input.TextArea rows={3} maxLength={10_000} showCount placeholder={t('followUps.decisionNotePlaceholder')} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" loading={decide.isPending && decide.variables?.accepted} onClick={() => send(true)}>
            {t('followUps.accept')}
          </Button>
          <Button danger loading={decide.isPending && !decide.variables?.accepted} onClick={() => send(false)}>
            {t('followUps.returnReport')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
