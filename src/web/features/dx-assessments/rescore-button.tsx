import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { allQuestions, type FrameworkDefinition } from '../../../shared/dx/framework-format';
import { errorMessage } from '../../i18n/error-message';
import { useFrameworks } from '../dx-frameworks';
import { useAssessments, useRescore } from './api';
import { useLabel } from '../../lib/use-label';
import { rescoreTarget } from './rescore-target';
import type { AssessmentDetail } from '../../api/types';

/**
 * "Re-score onto the new version", offered only when a newer published version exists that the API would
 * accept, and only to those allowed to answer this assessment. `beforeRescore` saves pending answers first.
 */
export function RescoreButton({
  a,
  def,
  beforeRescore,
}: {
  a: AssessmentDetail;
  def: FrameworkDefinition;
  beforeRescore?: () => Promise<void>;
}) {
  const allowed = a.permissions.canRescore;
  return allowed ? <Offer a={a} def={def} beforeRescore={beforeRescore} /> : null;
}

function Offer({
  a,
  def,
  beforeRescore,
}: {
  a: AssessmentDetail;
  def: FrameworkDefinition;
  beforeRescore?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const frameworks = useFrameworks();
  const sameYear = useAssessments({
    taxCode: a.enterprise.taxCode,
    year: a.year,
    frameworkCode: a.framework.code,
    limit: 100,
    offset: 0,
  });
  const rescore = useRescore(a.id);
  const target = sameYear.data ? rescoreTarget(frameworks.data, a.framework, sameYear.data.items) : null;
  if (target === null) return null;

  const questionText = (code: string) => {
    const q = allQuestions(def).find(({ question }) => question.code === code)?.question;
    return q ? `${code} — ${label(q.text)}` : code;
  };
  const showResult = (dropped: string[]) =>
    modal.success({
      title: t('dxAssessments.rescored', { version: target }),
      content: dropped.length ? (
        <div data-testid="rescore-dropped">
          <Typography.Paragraph>{t('dxAssessments.droppedAnswers', { count: dropped.length })}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {dropped.map((c) => (
              <li key={c}>{questionText(c)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <span data-testid="rescore-dropped">{t('dxAssessments.noneDropped')}</span>
      ),
    });
  const onClick = () =>
    modal.confirm({
      title: t('dxAssessments.rescore', { version: target }),
      content: t('dxAssessments.rescoreConfirm', { from: a.framework.version, to: target }),
      okText: t('dxAssessments.rescoreOk'),
      onOk: async () => {
        try {
          await beforeRescore?.();
          const res = await rescore.mutateAsync(target);
          showResult(res.droppedAnswers);
        } catch (err) {
          void message.error(errorMessage(t, err));
        }
      },
    });
  return (
    <Button onClick={() => void onClick()} loading={rescore.isPending} data-testid="rescore">
      {t('dxAssessments.rescore', { version: target })}
    </Button>
  );
}
