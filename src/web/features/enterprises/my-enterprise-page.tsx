import { App, Button, Card, Flex, InputNumber, Result, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { useAssessments, useStartAssessment, AssessmentTable, AssessmentTimelineCard } from '../dx-assessments';
import { useMyEnterprise } from './api';
import { EnterpriseFacts } from './enterprise-facts';
import { EnterpriseEditModal } from './enterprise-form';

/** The enterprise account's home: its enterprise, its size class and why, its assessments. */
export default function MyEnterprisePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMyEnterprise();
  const list = useAssessments({ limit: 100, offset: 0 });
  const start = useStartAssessment();
  const [year, setYear] = useState(new Date().getFullYear());
  const [framework, setFramework] = useState('DBI-SME');
  const [editing, setEditing] = useState(false);
  if (me.isPending) return <PageSpinner />;
  if (me.isError) return <Result status="warning" title={t('enterprises.notLinked')} />;
  const e = me.data;
  const begin = () =>
    start.mutate(
      { year, frameworkCode: framework },
      {
        onSuccess: (a) => {
          void message.success(t('dxAssessments.started'));
          void navigate(`/dx-assessments/${a.id}`);
        },
        onError: (err) => void message.error(errorMessage(t, err)),
      },
    );
  return (
    <>
      <PageHeader
        title={e.name}
        extra={e.permissions.canEdit && <Button onClick={() => setEditing(true)}>{t('enterprises.edit')}</Button>}
      />
      <Card style={{ marginBottom: 16 }}>
        <EnterpriseFacts e={e} />
      </Card>
      <EnterpriseEditModal
        e={e}
        open={editing}
        onClose={() => setEditing(false)}
        cellFieldsLocked={!e.permissions.canEditClassification}
      />
      <Card
        title={t('enterprises.myAssessments')}
        extra={
          <Flex wrap gap={8}>
            <Select
              value={framework}
              onChange={setFramework}
              style={{ width: 150 }}
              options={[
                { value: 'DBI-SME', label: 'DBI-SME' },
                { value: 'EU-DMA-SME', label: 'EU-DMA-SME' },
              ]}
              aria-label={t('dxAssessments.framework')}
            />
            <InputNumber
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && setYear(v)}
              aria-label={t('dxAssessments.year')}
            />
            <Button type="primary" onClick={begin} loading={start.isPending}>
              {t('dxAssessments.start')}
            </Button>
          </Flex>
        }
      >
        <AssessmentTable items={list.data?.items} loading={list.isFetching} />
        <AssessmentTimelineCard items={list.data?.items} />
      </Card>
    </>
  );
}
