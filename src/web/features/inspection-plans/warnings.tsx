import { WarningFilled } from '@ant-design/icons';
import { Alert, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectivityWarning, PlanDetail } from '../../../shared/contracts/inspection-plans';
import { reasonMessage } from '../../i18n/error-message';

export const warningText = (w: ObjectivityWarning) => reasonMessage(w.code, w.params) ?? w.message;

/** Warnings about one member row of a team: the member is the person named, in this team's inspections. */
export function memberWarnings(plan: PlanDetail, teamId: string, personId: string) {
  const teamInspections = new Set(plan.teams.find((t) => t.id === teamId)?.targets.map((g) => g.inspectionId));
  return plan.warnings.filter((w) => w.personId === personId && w.inspectionIds.some((id) => teamInspections.has(id)));
}

export const targetWarnings = (plan: PlanDetail, inspectionId: string) =>
  plan.warnings.filter((w) => w.inspectionIds.includes(inspectionId));

/** A warning triangle with the messages in its tooltip, beside a flagged member or target. */
export function WarningMark({ warnings }: { warnings: ObjectivityWarning[] }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Tooltip
      title={warnings.map((w) => (
        <div key={w.code + w.inspectionIds.join()}>{warningText(w)}</div>
      ))}
    >
      <WarningFilled
        style={{ color: '#d46b08', marginInlineStart: 6 }}
        aria-label={t('inspectionPlans.warningMark')}
        role="img"
      />
    </Tooltip>
  );
}

export function WarningList({ warnings }: { warnings: ObjectivityWarning[] }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('inspectionPlans.warningsTitle', { count: warnings.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w, i) => (
            <li key={i}>{warningText(w)}</li>
          ))}
        </ul>
      }
    />
  );
}
