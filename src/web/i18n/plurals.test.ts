import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import dashboard from '../features/dashboard/i18n';
import inspections from '../features/inspections/i18n';
import followUps from '../features/follow-ups/i18n';
import monitoring from '../features/monitoring-dashboard/i18n';

// Counted English nouns go through i18next's plural forms (issue 15: the dashboard said "1 inspections").
describe('plural forms', () => {
  const t = i18n.t.bind(i18n) as (key: string, options: Record<string, unknown>) => string;
  beforeAll(async () => {
    await i18n.init({
      lng: 'en',
      resources: Object.fromEntries(
        (['vi', 'en'] as const).map((l) => [
          l,
          {
            translation: {
              dashboard: dashboard[l],
              inspections: inspections[l],
              followUps: followUps[l],
              monitoring: monitoring[l],
            },
          },
        ]),
      ),
    });
  });

  it('English: one inspection, two inspections', async () => {
    await i18n.changeLanguage('en');
    expect(t('dashboard.planInspections', { count: 1 })).toBe('1 inspection');
    expect(t('dashboard.planInspections', { count: 2 })).toBe('2 inspections');
    expect(t('inspections.total', { count: 1 })).toBe('1 inspection');
    expect(t('followUps.overdueDays', { count: 1 })).toBe('1 day overdue');
    expect(t('monitoring.daysLeft', { count: 5 })).toBe('5 days left');
  });

  it('Vietnamese has one form', async () => {
    await i18n.changeLanguage('vi');
    expect(t('dashboard.planInspections', { count: 1 })).toBe('1 cuộc kiểm tra');
    expect(t('dashboard.planInspections', { count: 2 })).toBe('2 cuộc kiểm tra');
  });
});
