import { Alert, Descriptions, Flex, Grid, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import { WarningList } from '../inspection-plans';
import { useInspection } from './api';
import { AssessmentsTab } from './assessments-tab';
import { ConclusionTab } from './conclusion-tab';
import { DraftTab } from './draft-tab';
import { FindingsTab } from './findings-tab';
import { LifecycleBar } from './lifecycle-bar';
import type { InspectionDetail } from '../../api/types';

function Workspace({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const hidden = !d.permissions.canReadWork;
  const phone = Grid.useBreakpoint().md === false;
  const [active, setActive] = useState(
    d.status === 'drafting' ? 'draft' : d.conclusions.length ? 'conclusion' : 'assessments',
  );
  const sections = [
    {
      key: 'assessments',
      label: t('inspections.tabs.assessments'),
      children: <AssessmentsTab d={d} hidden={hidden} />,
    },
    { key: 'findings', label: t('inspections.tabs.findings'), children: <FindingsTab d={d} hidden={hidden} /> },
    { key: 'draft', label: t('inspections.tabs.draft'), children: <DraftTab d={d} /> },
    { key: 'conclusion', label: t('inspections.tabs.conclusion'), children: <ConclusionTab d={d} /> },
  ];
  const members = d.team.members.map(
    (m) =>
      `${m.fullName} (${t(`inspections.teamRole.${m.role}`)}${m.representedOrgUnitName ? `, ${m.representedOrgUnitName}` : ''})`,
  );

  return (
    <>
      <PageHeader
        title={d.target.name}
        breadcrumbs={[{ title: t('inspections.title'), to: '/inspections' }, { title: d.target.name }]}
      />
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'plan', label: t('inspections.plan'), children: `${d.plan.code} — ${d.plan.title}` },
            { key: 'team', label: t('inspections.team'), children: d.team.name },
            {
              key: 'window',
              label: t('inspections.window'),
              children: (
                <>
                  {`${formatDate(d.windowStart)} – ${formatDate(d.windowEnd)}`}
                  {d.startedOn && <div>{t('inspections.schedule.startedOn', { date: formatDate(d.startedOn) })}</div>}
                  {d.startReason && <div>{t('inspections.schedule.startReason', { reason: d.startReason })}</div>}
                </>
              ),
            },
            { key: 'status', label: t('inspections.statusLabel'), children: <StatusTag status={d.status} /> },
            { key: 'members', label: t('inspections.members'), span: 2, children: members.join('; ') },
          ]}
        />
        <WarningList warnings={d.warnings} />
        <LifecycleBar d={d} />
        {!d.permissions.canEdit && !hidden && ['in_progress', 'drafting'].includes(d.status) && (
          <Alert type="info" showIcon title={t('inspections.readOnly')} />
        )}
        {phone ? (
          // Four tabs overflow a phone, and antd's overflow button inside the tab list breaks its ARIA roles
          // (axe aria-required-children): a phone chooses the section from a vertical segmented control instead.
          <>
            <Segmented
              block
              vertical
              value={active}
              onChange={setActive}
              options={sections.map(({ key, label }) => ({ value: key, label }))}
            />
            <div>{sections.find((x) => x.key === active)?.children}</div>
          </>
        ) : (
          <Tabs activeKey={active} onChange={setActive} items={sections} />
        )}
      </Flex>
    </>
  );
}

/** The inspection workspace: header, lifecycle and one tab per stage of the work. */
export default function InspectionPage() {
  const { id = '' } = useParams();
  const query = useInspection(id);
  return <QueryState query={query}>{(d) => <Workspace d={d} />}</QueryState>;
}
