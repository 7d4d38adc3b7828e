import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { lazy, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../api/client';
import { releaseFirstView } from '../first-view';
import { errorMessage } from '../i18n/error-message';

// antd's Result carries large illustrations: fetched only when an error is shown
const Result = lazy(() => import('antd/es/result'));

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="page-spinner" role="status" aria-label={t('common.loading')}>
      <Spin size="large" />
    </div>
  );
}

export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : 0;
  const kind = status === 403 ? '403' : status === 404 ? '404' : 'error';
  const title =
    kind === '403' ? t('pages.forbiddenTitle') : kind === '404' ? t('pages.notFoundTitle') : t('pages.errorTitle');
  return (
    <Result
      status={kind}
      title={title}
      subTitle={errorMessage(t, error)}
      extra={
        <>
          {onRetry && (
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
          {/* a record that is gone or not one's own: retrying does not help, going home does */}
          {(kind === '404' || kind === '403') && <Link to="/">{t('pages.backHome')}</Link>}
        </>
      }
    />
  );
}

/** Spinner while loading, an error with a retry button on failure, else `children(data)`. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  // the page has drawn its data (or its error): a first view the server drew gives way to it
  const settled = !query.isPending;
  useEffect(() => {
    if (settled) releaseFirstView();
  }, [settled]);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
