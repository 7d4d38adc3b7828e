import { FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCan } from '../auth';
import {
  downloadRoundSummary,
  useRound,
  useSetRoundStatus,
  ReportStatusTag,
  TimelinessTag,
} from '../monitoring-dashboard';
import type { RoundDetail, RoundUnit } from '../../api/types';
import { DataTable } from '../../components/data-table';

export default function ReportingRoundPage() {
  const { id = '' } = useParams();
  const query = useRound(id);
  return <QueryState query={query}>{(r) => <Body r={r} />}</QueryState>;
}

function Body({ r }: { r: RoundDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const setStatus = useSetRoundStatus(r.id);
  const columns: TableColumnsType<RoundUnit> = [
    {
      title: t('monitoring.unit'),
      key: 'unit',
      width: 280,
      render: (_, u) => <Link to={`/reporting-rounds/${r.id}/reports/${u.orgUnit.id}`}>{u.orgUnit.name}</Link>,
    },
    { title: '', key: 'status', width: 130, render: (_, u) => <ReportStatusTag status={u.status} /> },
    {
      title: t('monitoring.timelinessPct'),
      key: 'timely',
      width: 170,
      render: (_, u) => <TimelinessTag value={u.timeliness} />,
    },
    {
      title: t('monitoring.firstSubmittedAt'),
      key: 'at',
      width: 150,
      render: (_, u) => formatDateTime(u.firstSubmittedAt),
    },
    {
      title: '',
      key: 'rev',
      width: 90,
      render: (_, u) => (u.revision > 0 ? t('monitoring.revision', { n: u.revision }) : ''),
    },
  ];
  return (
    <>
      <PageHeader
        title={r.title}
        breadcrumbs={[{ title: t('monitoring.roundsTitle'), to: '/reporting-rounds' }, { title: r.title }]}
        extra={
          <>
            <Button icon={<FileWordOutlined />} onClick={() => void downloadRoundSummary(r.id)}>
              {t('monitoring.summaryDocx')}
            </Button>
            {can('indicator.manage') && (
              <Button
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate(r.status === 'open' ? 'closed' : 'open')}
              >
                {t(r.status === 'open' ? 'monitoring.closeRound' : 'monitoring.reopenRound')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'p',
              label: t('monitoring.period'),
              children: (
                <>
                  {r.period}{' '}
                  <Tag color={r.status === 'open' ? 'blue' : 'default'}>{t(`monitoring.roundStatus.${r.status}`)}</Tag>
                </>
              ),
            },
            { key: 'd', label: t('monitoring.dueDate'), children: formatDate(r.dueDate) },
            {
              key: 'c',
              label: t('monitoring.completeness'),
              children: `${t('monitoring.submittedCount', r.counts)} · ${t('monitoring.onTime')} ${r.counts.onTime} · ${t('monitoring.late')} ${r.counts.late} · ${t('monitoring.missing')} ${r.counts.missing}`,
            },
          ]}
        />
      </Card>
      <DataTable<RoundUnit>
        phoneColumns={['unit', 'status', 'timely']}
        rowKey={(u) => u.orgUnit.id}
        columns={columns}
        dataSource={r.units}
        pagination={false}
        scroll={{ x: 820 }}
      />
    </>
  );
}
