import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AssessmentStatus } from '../../../shared/contracts/dx-assessments';
import { formatNumber } from '../../lib/format';
import type { AssessmentItem } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-state';

const colors: Record<AssessmentStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  verified: 'green',
  returned: 'orange',
};
export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`dxAssessments.status.${status}`)}</Tag>;
}

/** Assessments with links to the questionnaire and the report; `showEnterprise` for officers. */
export function AssessmentTable({
  items,
  loading,
  showEnterprise,
  pagination,
}: {
  items: AssessmentItem[] | undefined;
  loading?: boolean;
  showEnterprise?: boolean;
  pagination?: false | object;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AssessmentItem> = [
    ...(showEnterprise
      ? [
          {
            title: t('dxAssessments.enterprise'),
            key: 'e',
            render: (_: unknown, a: AssessmentItem) => (
              <div>
                {a.enterprise.name}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {a.enterprise.taxCode}
                </Typography.Text>
              </div>
            ),
          },
        ]
      : []),
    { title: t('dxAssessments.year'), dataIndex: 'year', width: 80 },
    { title: t('dxAssessments.framework'), key: 'f', render: (_, a) => `${a.framework.code} v${a.framework.version}` },
    { title: t('dxAssessments.statusLabel'), key: 's', render: (_, a) => <AssessmentStatusTag status={a.status} /> },
    {
      title: t('dxAssessments.score'),
      key: 'score',
      render: (_, a) => (a.totalScore === null ? '—' : formatNumber(a.totalScore, 2)),
    },
    { title: t('dxAssessments.level'), dataIndex: 'overallLevel', render: (v: number | null) => v ?? '—' },
    {
      title: '',
      key: 'actions',
      render: (_, a) => (
        <Space>
          <Link to={`/dx-assessments/${a.id}`}>{t('dxAssessments.open')}</Link>
          <Link to={`/dx-assessments/${a.id}/report`}>{t('dxAssessments.report')}</Link>
        </Space>
      ),
    },
  ];
  return (
    <DataTable<AssessmentItem>
      phoneColumns={['e', 'year', 's', 'actions']}
      locale={{ emptyText: <EmptyList title={t('emptyList.assessments')} hint={t('emptyList.assessmentsHint')} /> }}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination ?? false}
      scroll={{ x: 640 }}
    />
  );
}
