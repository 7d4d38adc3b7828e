import { describe, expect, it } from 'vitest';
import { inspectionStatuses, teamRoles, followUpStatuses } from './domain.js';
import { roles } from './fields.js';
import { reportStatuses, taskStatuses, timelinessStates, trafficLights, measureUnits } from './monitoring-domain.js';
import { assessmentStatuses } from './contracts/dx-assessments.js';
import { sizeClasses } from './enterprises/size-class.js';
import { supportKinds } from './contracts/support-programs.js';
import { labels, labelVi, type LabelSet } from './labels.js';

const vocabularies: { [K in keyof LabelSet]: readonly string[] } = {
  inspectionStatus: inspectionStatuses,
  teamRole: teamRoles,
  role: roles,
  followUpStatus: followUpStatuses,
  unitReportStatus: reportStatuses,
  timeliness: timelinessStates,
  taskStatus: taskStatuses,
  trafficLight: trafficLights,
  measureUnit: measureUnits,
  dxAssessmentStatus: assessmentStatuses,
  sizeClass: sizeClasses,
  supportKind: supportKinds,
};

describe('labels: one word per value, in both languages', () => {
  for (const lang of ['vi', 'en'] as const) {
    for (const [vocabulary, values] of Object.entries(vocabularies)) {
      it(`${lang} ${vocabulary}: every value has its own non-empty label`, () => {
        const set = labels[lang][vocabulary as keyof LabelSet] as Record<string, string>;
        expect(Object.keys(set).sort()).toEqual([...values].sort());
        const words = values.map((v) => set[v]);
        expect(words.every((w) => w.trim().length > 0)).toBe(true);
        expect(new Set(words).size).toBe(words.length);
      });
    }
  }

  it('the secretariat role and a team secretary are told apart ("Thư ký" is only the team role)', () => {
    expect(labels.vi.role.secretariat).not.toBe(labels.vi.teamRole.secretary);
    expect(Object.values(labels.vi.role)).not.toContain('Thư ký');
  });

  it('an unknown value is shown as itself rather than as nothing', () => {
    expect(labelVi('inspectionStatus', 'archived')).toBe('archived');
  });
});
