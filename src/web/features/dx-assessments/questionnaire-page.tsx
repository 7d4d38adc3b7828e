import { Alert, App, Button, Card, Flex, Input, Modal, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { StaleAnswer } from '../../../shared/contracts/dx-assessments';
import { type Answers, progressOf, progressSummary, visibleQuestionCodes } from '../../../shared/dx/answers';
import { allQuestions, type FrameworkDefinition, type FrameworkNode } from '../../../shared/dx/framework-format';
import { type ApiError, isApiError } from '../../api/client';
import { StaleVersionAlert } from '../../components/stale-version-alert';
import { PageHeader } from '../../components/page-header';
import { ErrorResult, PageSpinner } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { useCan } from '../auth';
import {
  staleAnswersOf,
  useAssessment,
  useFrameworkVersion,
  useReturn,
  useSaveAnswers,
  useSubmit,
  useVerify,
} from './api';
import { AssessmentStatusTag } from './assessment-table';
import { useLabel } from '../../lib/use-label';
import { QuestionField } from './question-field';
import { RescoreButton } from './rescore-button';
import type { AssessmentDetail } from '../../api/types';

const SAVE_DELAY_MS = 700;

export default function QuestionnairePage() {
  const { id = '' } = useParams();
  const detail = useAssessment(id);
  const def = useFrameworkVersion(detail.data?.framework.code, detail.data?.framework.version);
  if (detail.isError) return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  if (def.isError) return <ErrorResult error={def.error} onRetry={() => void def.refetch()} />;
  if (!detail.data || !def.data) return <PageSpinner />;
  // re-scoring keeps the id but changes the version: start afresh on the new version's questions
  if (def.data.version !== detail.data.framework.version) return <PageSpinner />;
  return <Questionnaire key={`${detail.data.id}@${detail.data.framework.version}`} a={detail.data} def={def.data} />;
}

/**
 * The questionnaire by pillar. Each change is saved on its own after a short pause (only the changed answers
 * go to the server, which merges them), so colleagues answering other pillars are never overwritten.
 */
function Questionnaire({ a, def }: { a: AssessmentDetail; def: FrameworkDefinition }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const can = useCan();
  const [answers, setAnswers] = useState<Answers>(a.answers);
  const [missing, setMissing] = useState<string[]>([]);
  // a new wave: the answers carried over from the previous assessment, until confirmed or changed (any save clears)
  const [carried, setCarried] = useState<Set<string>>(() => new Set(a.carriedOver));
  const [tab, setTab] = useState(def.pillars[0].code);
  const pending = useRef<Answers>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useSaveAnswers(a.id);
  const submit = useSubmit(a.id);
  const verify = useVerify(a.id);
  const ret = useReturn(a.id);
  // the server's answer for this caller and assessment (catalogue and status), not a rule of the page's own
  const editable = a.permissions.canAnswer;

  // question code → the version of the answer this page shows: each save names it, so a question someone else
  // changed meanwhile is refused (and shown below) instead of silently overwritten
  const versions = useRef<Record<string, number>>({ ...a.answerVersions });
  const [stale, setStale] = useState<{ error: ApiError; questions: StaleAnswer[] } | null>(null);
  // the latest flush, for the cleanup on leaving and for re-sending what a refused save also carried
  const latestFlush = useRef<() => Promise<void>>(async () => {});

  const inflight = useRef<Promise<unknown> | null>(null);
  // Saves what is pending, after any save already on its way: submitting right after the last answer must
  // not overtake that answer's save (the server would then find it missing), and the next save must name the
  // versions the previous one produced.
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current.catch(() => {});
    const patch = pending.current;
    const codes = Object.keys(patch);
    if (!codes.length) return;
    pending.current = {};
    const saving = save.mutateAsync({
      answers: patch,
      versions: Object.fromEntries(codes.map((c) => [c, versions.current[c] ?? 0])),
    });
    inflight.current = saving;
    try {
      const saved = await saving;
      // only the questions this save wrote: another respondent's newer answers are not on this page yet
      for (const c of codes) versions.current[c] = saved.answerVersions[c] ?? 0;
    } catch (err) {
      const refused = staleAnswersOf(err);
      if (refused && isApiError(err)) {
        // nothing of the refused save was written: the questions nobody else changed go again at once, the
        // refused ones wait until the respondent reloads them
        const refusedCodes = new Set(refused.map((q) => q.code));
        for (const c of codes) if (!refusedCodes.has(c) && !(c in pending.current)) pending.current[c] = patch[c];
        setStale((prev) => ({
          error: err,
          questions: [...(prev?.questions ?? []).filter((q) => !refusedCodes.has(q.code)), ...refused],
        }));
        if (Object.keys(pending.current).length)
          timer.current = setTimeout(() => void latestFlush.current().catch(() => {}), 0);
      } else void message.error(t('dxAssessments.saveFailed', { message: errorMessage(t, err) }));
      throw err;
    } finally {
      if (inflight.current === saving) inflight.current = null;
    }
  }, [save, message, t]);
  // leaving the page saves what is pending, once: the cleanup calls the latest flush, not the first render's
  useEffect(() => {
    latestFlush.current = flush;
  }, [flush]);

  /** Takes the refused questions' current answers (and versions) from the server, dropping this page's. */
  const reloadStale = () => {
    if (!stale) return;
    setAnswers((prev) => {
      const next = { ...prev };
      for (const q of stale.questions) {
        if (q.value === null || q.value === undefined) delete next[q.code];
        else next[q.code] = q.value;
      }
      return next;
    });
    for (const q of stale.questions) {
      versions.current[q.code] = q.currentVersion;
      delete pending.current[q.code];
    }
    setStale(null);
  };
  useEffect(
    () => () => {
      void latestFlush.current().catch(() => {});
    },
    [],
  );

  const change = (code: string, value: unknown) => {
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === null) delete next[code];
      else next[code] = value;
      return next;
    });
    setMissing((m) => m.filter((c) => c !== code));
    setCarried((prev) => {
      if (!prev.has(code)) return prev;
      const next = new Set(prev);
      next.delete(code);
      return next;
    });
    pending.current[code] = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void flush().catch(() => {});
    }, SAVE_DELAY_MS);
  };

  const questionText = useMemo(
    () => new Map(allQuestions(def).map(({ question: q }) => [q.code, label(q.text)])),
    [def, label],
  );
  const visible = useMemo(() => visibleQuestionCodes(def, answers), [def, answers]);
  const progress = useMemo(() => progressOf(def, answers), [def, answers]);
  // progress is about what submitting needs (the required questions); the optional ones are counted apart
  const summary = useMemo(() => progressSummary(def, answers), [def, answers]);
  const requiredProgress = t('dxAssessments.progress', summary.required);

  // check first: with required answers missing, say which instead of asking to confirm a submission that would fail
  const onSubmit = () => {
    if (summary.requiredMissing.length) {
      setMissing(summary.requiredMissing);
      const first = progress.find((p) => p.requiredMissing.length > 0);
      if (first) setTab(first.code);
      void message.error(t('dxAssessments.missing', { count: summary.requiredMissing.length }));
      return;
    }
    // a carried-over answer is a real answer: submitting is allowed, the confirmation lists the unconfirmed ones
    const unconfirmed = allQuestions(def)
      .map(({ question: q }) => q.code)
      .filter((c) => carried.has(c) && visible.has(c));
    Modal.confirm({
      title: t('dxAssessments.submit'),
      content: (
        <>
          <p>{t('dxAssessments.submitConfirm')}</p>
          {unconfirmed.length > 0 && (
            <div data-testid="submit-carried">
              {t('dxAssessments.submitCarried', { count: unconfirmed.length })}
              <ul style={{ margin: '4px 0 0', paddingLeft: 20, maxHeight: 200, overflow: 'auto' }}>
                {unconfirmed.map((c) => (
                  <li key={c}>{questionText.get(c) ?? c}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      ),
      onOk: async () => {
        try {
          await flush();
          await submit.mutateAsync();
          void message.success(t('dxAssessments.submitted'));
        } catch (err) {
          const codes = isApiError(err)
            ? err.issues.filter((i) => i.field.startsWith('answers.')).map((i) => i.field.slice('answers.'.length))
            : [];
          if (codes.length) {
            setMissing(codes);
            const first = progress.find((p) => p.requiredMissing.some((c) => codes.includes(c)));
            if (first) setTab(first.code);
            void message.error(t('dxAssessments.missing', { count: codes.length }));
          } else void message.error(errorMessage(t, err));
        }
      },
    });
  };

  // the shown, still-marked answers of the open pillar: "confirm all" saves each with its value, clearing the marks
  const sectionCarried = allQuestions(def)
    .filter(({ question: q, pillar }) => pillar === tab && carried.has(q.code) && visible.has(q.code))
    .map(({ question: q }) => q.code);
  const confirmSection = () => {
    for (const c of sectionCarried) if (answers[c] !== undefined) change(c, answers[c]);
  };

  const renderNode = (n: FrameworkNode, depth: number) => {
    const qs = (n.questions ?? []).filter((q) => visible.has(q.code));
    return (
      <section key={n.code} style={{ marginLeft: depth > 1 ? 0 : undefined, marginBottom: depth === 1 ? 16 : 8 }}>
        {depth > 0 && (
          <Typography.Title level={depth === 1 ? 4 : 5} style={{ marginTop: 8 }}>
            {label(n.name)}
          </Typography.Title>
        )}
        {qs.map((q) => (
          <div key={q.code} data-carried={carried.has(q.code) || undefined}>
            {editable && carried.has(q.code) && (
              <Flex wrap gap={8} align="center" style={{ marginBottom: 4 }}>
                <Tag color="gold" style={{ margin: 0 }}>
                  {t('dxAssessments.carriedTag')}
                </Tag>
                {/* the answer still holds: saved as it is, which clears its mark (a change clears it too) */}
                {answers[q.code] !== undefined && (
                  <Button size="small" onClick={() => change(q.code, answers[q.code])}>
                    {t('dxAssessments.confirmOne')}
                  </Button>
                )}
              </Flex>
            )}
            <QuestionField
              q={q}
              value={answers[q.code]}
              disabled={!editable}
              missing={missing.includes(q.code)}
              onChange={(v) => change(q.code, v)}
              assessmentId={a.id}
              onUploaded={(v, version) => {
                setAnswers((prev) => ({ ...prev, [q.code]: v }));
                if (version !== undefined) versions.current[q.code] = version;
                setCarried((prev) => {
                  const next = new Set(prev);
                  next.delete(q.code);
                  return next;
                });
              }}
            />
          </div>
        ))}
        {n.children?.map((c) => renderNode(c, depth + 1))}
      </section>
    );
  };

  return (
    <>
      <PageHeader
        title={`${label(def.name)} · ${a.year}`}
        breadcrumbs={[
          {
            title: a.enterprise.name,
            // the registry for whoever may search it; an enterprise account goes back to its own page
            to: can('enterprise.list') ? `/enterprises?taxCode=${a.enterprise.taxCode}` : '/my-enterprise',
          },
          { title: `${a.framework.code} v${a.framework.version}` },
        ]}
        extra={
          <>
            <AssessmentStatusTag status={a.status} />
            <RescoreButton a={a} def={def} beforeRescore={flush} />
            <Link to={`/dx-assessments/${a.id}/report`}>
              <Button>{t('dxAssessments.report')}</Button>
            </Link>
            {editable && (
              <Button type="primary" onClick={onSubmit} loading={submit.isPending}>
                {t('dxAssessments.submit')}
              </Button>
            )}
          </>
        }
      />
      {a.status === 'returned' && a.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('dxAssessments.returnedNote', { comment: a.reviewComment })}
        />
      )}
      {a.applicabilityOverride && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="applicability-override"
          message={t('dxAssessments.applicabilityOverride', { reason: a.applicabilityOverride })}
        />
      )}
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dxAssessments.readOnly')} />}
      <StaleVersionAlert error={stale?.error ?? null} onReload={reloadStale}>
        <div data-testid="stale-questions">
          {t('dxAssessments.staleQuestions')}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {stale?.questions.map((q) => (
              <li key={q.code}>{questionText.get(q.code) ?? q.code}</li>
            ))}
          </ul>
        </div>
      </StaleVersionAlert>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center" justify="space-between">
          <span data-testid="progress-required">{requiredProgress}</span>
          <Progress aria-label={requiredProgress} percent={summary.percent} style={{ flex: '1 1 200px', margin: 0 }} />
          {summary.optional.total > 0 && (
            <Typography.Text type="secondary" data-testid="progress-optional">
              {t('dxAssessments.optionalProgress', summary.optional)}
            </Typography.Text>
          )}
          {editable && (
            <Typography.Text type="secondary" data-testid="save-state">
              {save.isPending ? t('dxAssessments.saving') : save.isSuccess ? t('dxAssessments.saved') : ''}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {(a.permissions.canVerify || a.permissions.canReturn) && (
        <ReviewBar canVerify={a.permissions.canVerify} verify={verify} ret={ret} />
      )}
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="tablist">
        {def.pillars.map((p) => {
          const pr = progress.find((x) => x.code === p.code)!;
          return (
            <Button
              key={p.code}
              role="tab"
              aria-selected={tab === p.code}
              data-pillar={p.code}
              type={tab === p.code ? 'primary' : 'default'}
              onClick={() => setTab(p.code)}
              style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            >
              <span>
                {label(p.name)}{' '}
                <span style={{ opacity: 0.75 }}>
                  {pr.answered}/{pr.total}
                </span>
              </span>
            </Button>
          );
        })}
      </Flex>
      {editable && a.carriedFrom && carried.size > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="carried-from"
          message={t('dxAssessments.carriedFrom', {
            year: a.carriedFrom.year,
            framework: `${a.carriedFrom.framework.code} v${a.carriedFrom.framework.version}`,
            count: carried.size,
          })}
          description={
            a.carriedFrom.dropped.length
              ? t('dxAssessments.carriedDropped', { codes: a.carriedFrom.dropped.join(', ') })
              : undefined
          }
        />
      )}
      {editable && sectionCarried.length > 0 && (
        <Button style={{ marginBottom: 8 }} onClick={confirmSection} data-testid="confirm-section">
          {t('dxAssessments.confirmSection', { count: sectionCarried.length })}
        </Button>
      )}
      <Card data-pillar-pane={tab}>{renderNode(def.pillars.find((p) => p.code === tab) ?? def.pillars[0], 0)}</Card>
    </>
  );
}

function ReviewBar({
  canVerify,
  verify,
  ret,
}: {
  canVerify: boolean;
  verify: ReturnType<typeof useVerify>;
  ret: ReturnType<typeof useReturn>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const done = (key: 'dxAssessments.verified' | 'dxAssessments.returnedDone') => ({
    onSuccess: () => void message.success(t(key)),
    onError: (e: unknown) => void message.error(errorMessage(t, e)),
  });
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap>
        <Input
          placeholder={t('dxAssessments.returnComment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          style={{ width: 320, maxWidth: '100%' }}
          maxLength={4000}
        />
        {canVerify && (
          <Button
            type="primary"
            onClick={() => verify.mutate(comment || undefined, done('dxAssessments.verified'))}
            loading={verify.isPending}
          >
            {t('dxAssessments.verify')}
          </Button>
        )}
        <Button
          danger
          disabled={!comment.trim()}
          onClick={() => ret.mutate(comment.trim(), done('dxAssessments.returnedDone'))}
          loading={ret.isPending}
        >
          {t('dxAssessments.returnAction')}
        </Button>
      </Space>
    </Card>
  );
}
