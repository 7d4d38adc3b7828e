import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Progress, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanListItem } from '../../../shared/contracts/inspection-plans';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import { usePlans } from './api';
import { PlanForm } from './plan-form';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-state';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear + 1 - i);

/** Share of a plan's inspections that reached an issued conclusion (issued, follow-up or closed). */
const concluded = (p: PlanListItem) =>
  p.inspectionsByStatus.issued + p.inspectionsByStatus.follow_up + p.inspectionsByStatus.closed;

export default function InspectionPlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [text, setText] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  const plans = usePlans({ q, year });

  return (
    <>
      <PageHeader
        title={t('inspectionPlans.title')}
        extra={
          can('plan.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('inspectionPlans.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('inspectionPlans.searchPlaceholder')}
            aria-label={t('common.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Select
            allowClear
            aria-label={t('inspectionPlans.yearFilter')}
            placeholder={t('inspectionPlans.allYears')}
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 150 }}
          />
        </Space>
        {plans.isError ? (
          <ErrorResult error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <DataTable<PlanListItem>
            phoneColumns={['code', 'title', 'progress']}
            locale={{ emptyText: <EmptyList title={t('emptyList.plans')} hint={t('emptyList.plansHint')} /> }}
            rowKey="id"
            loading={plans.isFetching}
            dataSource={plans.data?.items}
            pagination={false}
            scroll={{ x: 880 }}
            columns={[
              {
                title: t('inspectionPlans.code'),
                dataIndex: 'code',
                width: 120,
                render: (code: string, p) => <Link to={`/inspection-plans/${p.id}`}>{code}</Link>,
              },
              { title: t('inspectionPlans.name'), dataIndex: 'title' },
              { title: t('inspectionPlans.year'), dataIndex: 'year', width: 70 },
              { title: t('inspectionPlans.issueDate'), dataIndex: 'issueDate', width: 115, render: formatDate },
              { title: t('inspectionPlans.program'), dataIndex: 'programCode', width: 100 },
              { title: t('inspectionPlans.teamCount'), dataIndex: 'teamCount', width: 70, align: 'right' },
              { title: t('inspectionPlans.inspectionCount'), dataIndex: 'inspectionCount', width: 90, align: 'right' },
              {
                title: t('inspectionPlans.progress'),
                key: 'progress',
                width: 130,
                render: (_, p) => (
                  <Tooltip
                    title={Object.entries(p.inspectionsByStatus)
                      .filter(([, n]) => n > 0)
                      .map(([s, n]) => `${t(`status.${s}` as 'status.planned')}: ${n}`)
                      .join(' · ')}
                  >
                    <Progress
                      aria-label={t('inspectionPlans.progress')}
                      percent={p.inspectionCount ? Math.round((concluded(p) / p.inspectionCount) * 100) : 0}
                      size="small"
                    />
                  </Tooltip>
                ),
              },
            ]}
          />
        )}
      </Card>
      <PlanForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
