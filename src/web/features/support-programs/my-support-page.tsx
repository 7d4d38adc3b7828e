import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../../shared/support/decree80';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useEnrolments } from './api';
import { SupportList } from './support-list';

/** The enterprise account's view: the programs its firm is enrolled in and the support it has been given. */
export default function MySupportPage() {
  const { t } = useTranslation();
  const list = useEnrolments(undefined);
  return (
    <>
      <PageHeader title={t('supportPrograms.myTitle')} />
      <QueryState query={list}>
        {(page) =>
          page.items.length ? (
            page.items.map((e) => (
              <Card
                key={e.id}
                title={e.program.name}
                extra={`${formatDate(e.program.periodFrom)} – ${formatDate(e.program.periodTo)}`}
                style={{ marginBottom: 16 }}
              >
                <p>
                  {t('supportPrograms.enrolledOn')}: {formatDate(e.enrolledOn)} · {t('supportPrograms.given')}:{' '}
                  <strong>{formatVnd(e.givenVnd)}</strong>
                </p>
                <SupportList items={e.support} />
              </Card>
            ))
          ) : (
            <Card>
              <Empty description={t('supportPrograms.none')} />
            </Card>
          )
        }
      </QueryState>
    </>
  );
}
