import { Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentItem } from '../../api/types';
import { lazyChart } from '../../components/lazy-chart';
import { formatNumber } from '../../lib/format';
import { timeline } from '../../../shared/dx/waves';

const Chart = lazyChart(() => import('./timeline-chart').then((m) => m.AssessmentTimeline));

/**
 * The enterprise's results over the years: one point per submitted or verified assessment (year, total, level), a
 * marker where the framework changed (shared/dx/waves.ts `comparable`). Nothing while there are fewer than two.
 * The chart is a canvas: the same points follow as a list, so what it shows (and the change of framework) can be read
 * without a mouse or a screen, and without hovering each point.
 */
export function AssessmentTimelineCard({ items }: { items: AssessmentItem[] | undefined }) {
  const { t } = useTranslation();
  const titleId = useId();
  const scored = (items ?? []).filter(
    (a) => (a.status === 'submitted' || a.status === 'verified') && a.totalScore !== null && a.overallLevel !== null,
  );
  if (scored.length < 2) return null;
  const points = timeline(scored).map((a) => ({
    year: a.year,
    total: a.totalScore!,
    level: a.overallLevel!,
    label: `${a.framework.code} v${a.framework.version}: ${formatNumber(a.totalScore, 2)} · ${t('dxAssessments.level')} ${a.overallLevel}`,
    frameworkChanged: a.frameworkChanged,
  }));
  return (
    <section aria-labelledby={titleId}>
      <Typography.Title level={5} id={titleId}>
        {t('dxAssessments.timelineTitle')}
      </Typography.Title>
      <Chart points={points} changedLabel={t('dxAssessments.timelineFrameworkChanged')} />
      <ol style={{ margin: '8px 0 0', paddingLeft: 20 }}>
        {points.map((p, i) => (
          // one firm may be assessed on two frameworks in a year
          <li key={`${p.year}-${i}`}>
            {p.year}: {p.label}
            {p.frameworkChanged && (
              <Tag color="volcano" style={{ marginLeft: 8 }}>
                {t('dxAssessments.timelineFrameworkChanged')}
              </Tag>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
