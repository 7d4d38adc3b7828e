import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '../api/client';
import { formatDateTime } from '../lib/format';

interface StaleDetails {
  currentVersion: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A write refused because someone else changed the record since this page read it (409 STALE_VERSION). */
export const isStaleVersion = (e: unknown): e is ApiError => isApiError(e) && e.code === 'STALE_VERSION';

/**
 * Tells the person who changed the record and when, and offers "Tải lại" (reload). Shown by every form that writes
 * a versioned record, in place of the generic error message; nothing renders when `error` is null.
 */
export function StaleVersionAlert({
  error,
  onReload,
  children,
}: {
  error: ApiError | null;
  onReload: () => void;
  /** what exactly was refused (e.g. the questions of a questionnaire), under the message */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const d = (error.details ?? {}) as Partial<StaleDetails>;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('common.staleTitle')}
      description={
        <>
          {t('common.staleBy', {
            who: d.updatedBy ?? t('common.staleSomeone'),
            when: d.updatedAt ? formatDateTime(d.updatedAt) : '—',
            version: d.currentVersion ?? '?',
          })}
          {children}
        </>
      }
      action={
        <Button size="small" type="primary" onClick={onReload}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
