import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentItem } from '../../api/types';
import { lazyChart } from '../../components/lazy-chart';
import { timeline } from '../../../shared/dx/waves';

const Chart = lazyChart(() => import('./timeline-chart').then((m) => m.AssessmentTimeline));

/**
 * The enterprise's results over the years: one point per submitted or verified assessment (year, total, level), a
 * marker where the framework changed (shared/dx/waves.ts `comparable`). Nothing while there are fewer than two.
 */
export function AssessmentTimelineCard({ items }: { items: AssessmentItem[] | undefined }) {
  const { t } = useTranslation();
  const scored = (items ?? []).filter(
    (a) => (a.status === 'submitted' || a.status === 'verified') && a.totalScore !== null && a.overallLevel !== null,
  );
  if (scored.length < 2) return null;
  const points = timeline(scored).map((a) => ({
    year: a.year,
    total: a.totalScore!,
    level: a.overallLevel!,
    label: `${a.framework.code} v${a.framework.version}: ${a.totalScore} · ${t('dxAssessments.level')} ${a.overallLevel}`,
    frameworkChanged: a.frameworkChanged,
  }));
  return (
    <div>
      <Typography.Title level={5}>{t('dxAssessments.timelineTitle')}</Typography.Title>
      <Chart points={points} changedLabel={t('dxAssessments.timelineFrameworkChanged')} />
    </div>
  );
}
