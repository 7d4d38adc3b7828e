import { Flex, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentStatuses, type AssessmentStatus } from '../../../shared/contracts/dx-assessments';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useAssessments } from './api';
import { AssessmentTable } from './assessment-table';

const PAGE_SIZE = 20;

/** Every assessment, for the secretariat (to verify or return) and viewers. */
export default function AssessmentsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AssessmentStatus | undefined>('submitted');
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const list = useAssessments({ q: q || undefined, status, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader title={t('dxAssessments.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('dxAssessments.searchPlaceholder')}
          aria-label={t('dxAssessments.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('dxAssessments.allStatuses')}
          aria-label={t('dxAssessments.allStatuses')}
          value={status}
          style={{ width: 180 }}
          options={assessmentStatuses.map((s) => ({ value: s, label: t(`dxAssessments.status.${s}`) }))}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
        <InputNumber
          placeholder={t('dxAssessments.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => {
            setYear(v ?? undefined);
            setPage(1);
          }}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <AssessmentTable
          showEnterprise
          items={list.data?.items}
          loading={list.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count: number) => t('dxAssessments.total', { count }),
            onChange: setPage,
          }}
        />
      )}
    </>
  );
}
