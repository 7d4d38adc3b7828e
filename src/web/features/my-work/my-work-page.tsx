import { Badge, Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  MY_WORK_DATES_AHEAD_DAYS,
  myWorkLateReasons,
  myWorkReturnedReasons,
  type MyWorkItem,
  type MyWorkSectionData,
} from '../../../shared/contracts/my-work';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useMyWork } from './api';

function Line({ item }: { item: MyWorkItem }) {
  const { t } = useTranslation();
  const reason = t(`myWork.reasons.${item.reason}`, {
    days: item.days ?? 0,
    next: item.nextStatus ? t(`status.${item.nextStatus}` as 'status.planned') : '',
  });
  return (
    <li className="my-work-line" data-reason={item.reason}>
      <Link to={item.link}>{item.title}</Link>
      <span className="my-work-line-meta">
        <Tag
          color={
            myWorkLateReasons.has(item.reason) ? 'red' : myWorkReturnedReasons.has(item.reason) ? 'orange' : 'blue'
          }
        >
          {reason}
        </Tag>
        {item.dueDate && (
          <Typography.Text type="secondary">{t('myWork.due', { date: formatDate(item.dueDate) })}</Typography.Text>
        )}
        {item.context && <Typography.Text type="secondary">{item.context}</Typography.Text>}
        {item.breakdown && <Typography.Text type="secondary">{t('myWork.breakdown', item.breakdown)}</Typography.Text>}
      </span>
      {item.comment && (
        <Typography.Paragraph className="my-work-comment">
          <Typography.Text type="secondary">{t('myWork.returnedComment')}</Typography.Text> {item.comment}
        </Typography.Paragraph>
      )}
    </li>
  );
}

function Section({ s }: { s: MyWorkSectionData }) {
  const { t } = useTranslation();
  const title = t(`myWork.sections.${s.key}`);
  const next = t(`myWork.next.${s.key}`);
  return (
    <Card
      data-section={s.key}
      title={
        <span>
          {title} <Badge count={s.count} showZero color={s.count ? '#1f4e9c' : '#8c8c8c'} overflowCount={999} />
        </span>
      }
      extra={
        s.more && s.count > s.items.length ? <Link to={s.more}>{t('myWork.viewAll', { count: s.count })}</Link> : null
      }
      size="small"
    >
      {s.items.length ? (
        <ul className="plain-list" aria-label={title}>
          {s.items.map((item) => (
            <Line key={`${item.kind}:${item.id}:${item.reason}`} item={item} />
          ))}
        </ul>
      ) : (
        <EmptyState title={t(`myWork.empty.${s.key}`, { days: MY_WORK_DATES_AHEAD_DAYS })} hint={next} />
      )}
    </Card>
  );
}

/** The landing page of every role: its own work across the three modules, each line with why it is there. */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const query = useMyWork();
  return (
    <>
      <PageHeader title={t('myWork.title')} />
      <QueryState query={query}>
        {(w) => (
          <>
            <Typography.Paragraph type="secondary">
              {t('myWork.today', { date: formatDate(w.today) })} · {t('myWork.intro')}
            </Typography.Paragraph>
            {w.sections.length === 0 ? (
              <EmptyState title={t('myWork.nothingForRole')} />
            ) : (
              <Row gutter={[16, 16]}>
                {w.sections.map((s) => (
                  <Col key={s.key} xs={24} xl={12}>
                    <Section s={s} />
                  </Col>
                ))}
              </Row>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
