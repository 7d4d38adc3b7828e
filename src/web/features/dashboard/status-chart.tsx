import { useTranslation } from 'react-i18next';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain';

// the lifecycle reads top to bottom: grey before the visit, blue during it, green once concluded
const colors: Record<InspectionStatus, string> = {
  planned: '#8c8c8c',
  notified: '#1677ff',
  in_progress: '#0958d9',
  drafting: '#ad6800',
  issued: '#2f54eb',
  follow_up: '#d46b08',
  closed: '#389e0d',
};

/**
 * Inspections by status as labelled bars. Seven bars need no chart library: plain markup keeps echarts off the
 * dashboard (the page most people open first) and reads as a list to a screen reader.
 */
export function StatusChart({ counts }: { counts: Record<InspectionStatus, number> }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...inspectionStatuses.map((s) => counts[s]));
  return (
    <ul className="status-bars">
      {inspectionStatuses.map((s) => (
        <li key={s}>
          <span className="status-bars-label">{t(`status.${s}`)}</span>
          <span className="status-bars-track" aria-hidden>
            <span className="status-bars-bar" style={{ width: `${(counts[s] / max) * 100}%`, background: colors[s] }} />
          </span>
          <span className="status-bars-count">{counts[s]}</span>
        </li>
      ))}
    </ul>
  );
}
