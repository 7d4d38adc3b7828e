import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonStrings } from './common';
import type { Messages, Strings } from './define-strings';

const featureModules = import.meta.glob<Strings>('../features/*/i18n.ts', { eager: true, import: 'default' });

function feature<M extends { default: Strings }>(folder: string): M['default'] {
  const strings = featureModules[`../features/${folder}/i18n.ts`];
  if (!strings) throw new Error(`src/web/features/${folder}/i18n.ts is missing`);
  return strings;
}

/**
 * Each feature's strings, under its namespace key: `t('inspectionPlans.title')`.
 * Adding a feature = one line here, pointing at `src/web/features/<folder>/i18n.ts`.
 */
const features = {
  auth: feature<typeof import('../features/auth/i18n')>('auth'),
  dashboard: feature<typeof import('../features/dashboard/i18n')>('dashboard'),
  inspectionPlans: feature<typeof import('../features/inspection-plans/i18n')>('inspection-plans'),
  inspections: feature<typeof import('../features/inspections/i18n')>('inspections'),
  followUps: feature<typeof import('../features/follow-ups/i18n')>('follow-ups'),
  programs: feature<typeof import('../features/programs/i18n')>('programs'),
  orgUnits: feature<typeof import('../features/org-units/i18n')>('org-units'),
  people: feature<typeof import('../features/people/i18n')>('people'),
  auditEvents: feature<typeof import('../features/audit-events/i18n')>('audit-events'),
  users: feature<typeof import('../features/users/i18n')>('users'),
  dxAnalytics: feature<typeof import('../features/dx-analytics/i18n')>('dx-analytics'),
  enterprises: feature<typeof import('../features/enterprises/i18n')>('enterprises'),
  dxAssessments: feature<typeof import('../features/dx-assessments/i18n')>('dx-assessments'),
  dxFrameworks: feature<typeof import('../features/dx-frameworks/i18n')>('dx-frameworks'),
  monitoring: feature<typeof import('../features/monitoring-dashboard/i18n')>('monitoring-dashboard'),
};

type Features = typeof features;
export type Resources = (typeof commonStrings)['vi'] & { [K in keyof Features]: Features[K]['vi'] };

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

function resourcesFor(language: Language): Resources {
  const merged: Record<string, Messages> = { ...(commonStrings[language] as Record<string, Messages>) };
  for (const [namespace, strings] of Object.entries(features)) {
    if (namespace in merged) throw new Error(`i18n namespace "${namespace}" is defined twice`);
    merged[namespace] = strings[language];
  }
  return merged as Resources;
}

const STORAGE_KEY = 'steerboard.language';

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return languages.includes(value as Language) ? (value as Language) : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: resourcesFor('vi') }, en: { translation: resourcesFor('en') } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: languages,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** dayjs (date pickers) and <html lang> follow the language; the choice is remembered. */
function applyLanguage(language: string, remember: boolean) {
  dayjs.locale(language === 'en' ? 'en' : 'vi');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  if (!remember) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this tab only
  }
}

applyLanguage(i18n.language, false);
i18n.on('languageChanged', (language) => applyLanguage(language, true));

export const currentLanguage = (): Language => (i18n.resolvedLanguage === 'en' ? 'en' : 'vi');
export const setLanguage = (language: Language) => i18n.changeLanguage(language);

export default i18n;
