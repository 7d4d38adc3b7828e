import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonStrings } from './common';
import type { Messages, Strings } from './define-strings';

// The login page needs only the common and auth strings; every other feature's strings load with the app shell
// (`loadFeatureStrings`, awaited before the layout renders), so the first page stays light.
const authStrings = import.meta.glob<Strings>('../features/auth/i18n.ts', { eager: true, import: 'default' });
const lazyStrings = import.meta.glob<Strings>(['../features/*/i18n.ts', '!../features/auth/i18n.ts'], {
  import: 'default',
});

/**
 * Each feature's strings, under its namespace key: `t('inspectionPlans.title')`.
 * Adding a feature = one line here and one in `Features`, pointing at `src/web/features/<folder>/i18n.ts`.
 */
const namespaces = {
  auth: 'auth',
  dashboard: 'dashboard',
  inspectionPlans: 'inspection-plans',
  inspections: 'inspections',
  followUps: 'follow-ups',
  programs: 'programs',
  orgUnits: 'org-units',
  people: 'people',
  auditEvents: 'audit-events',
  users: 'users',
  dxAnalytics: 'dx-analytics',
  enterprises: 'enterprises',
  dxAssessments: 'dx-assessments',
  dxFrameworks: 'dx-frameworks',
  monitoring: 'monitoring-dashboard',
  myWork: 'my-work',
  publications: 'publications',
  notifications: 'notifications',
  supportPrograms: 'support-programs',
} as const;

interface Features {
  auth: typeof import('../features/auth/i18n').default;
  dashboard: typeof import('../features/dashboard/i18n').default;
  inspectionPlans: typeof import('../features/inspection-plans/i18n').default;
  inspections: typeof import('../features/inspections/i18n').default;
  followUps: typeof import('../features/follow-ups/i18n').default;
  programs: typeof import('../features/programs/i18n').default;
  orgUnits: typeof import('../features/org-units/i18n').default;
  people: typeof import('../features/people/i18n').default;
  auditEvents: typeof import('../features/audit-events/i18n').default;
  users: typeof import('../features/users/i18n').default;
  dxAnalytics: typeof import('../features/dx-analytics/i18n').default;
  enterprises: typeof import('../features/enterprises/i18n').default;
  dxAssessments: typeof import('../features/dx-assessments/i18n').default;
  dxFrameworks: typeof import('../features/dx-frameworks/i18n').default;
  monitoring: typeof import('../features/monitoring-dashboard/i18n').default;
  myWork: typeof import('../features/my-work/i18n').default;
  publications: typeof import('../features/publications/i18n').default;
  notifications: typeof import('../features/notifications/i18n').default;
  supportPrograms: typeof import('../features/support-programs/i18n').default;
}
export type Resources = (typeof commonStrings)['vi'] & { [K in keyof Features]: Features[K]['vi'] };

const fileOf = (folder: string) => `../features/${folder}/i18n.ts`;

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

function initialResources(language: Language): Record<string, Messages> {
  const auth = authStrings[fileOf(namespaces.auth)];
  if (!auth) throw new Error('src/web/features/auth/i18n.ts is missing');
  return { ...(commonStrings[language] as Record<string, Messages>), auth: auth[language] };
}

let featuresLoaded: Promise<void> | undefined;

/** Loads every feature's strings into i18next once; the app shell awaits it before its first render. */
export function loadFeatureStrings(): Promise<void> {
  featuresLoaded ??= Promise.all(
    Object.entries(namespaces)
      .filter(([namespace]) => namespace !== 'auth')
      .map(async ([namespace, folder]) => {
        const load = lazyStrings[fileOf(folder)];
        if (!load) throw new Error(`src/web/features/${folder}/i18n.ts is missing`);
        const strings = await load();
        for (const language of languages) {
          if (namespace in commonStrings[language]) throw new Error(`i18n namespace "${namespace}" is defined twice`);
          i18n.addResourceBundle(language, 'translation', { [namespace]: strings[language] }, true, false);
        }
      }),
  ).then(() => undefined);
  return featuresLoaded;
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
  resources: { vi: { translation: initialResources('vi') }, en: { translation: initialResources('en') } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: languages,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

let dayjsLoaded: Promise<typeof import('./dayjs-locale')> | undefined;
/**
 * Loads dayjs in the current language; the app shell awaits it before its first render (date pickers live only on
 * pages after login, so the login page never fetches it). Later language changes follow once it is loaded.
 */
export function dayjsReady(): Promise<void> {
  dayjsLoaded ??= import('./dayjs-locale');
  return dayjsLoaded.then((m) => m.setDayjsLocale(i18n.language));
}

/** dayjs (date pickers) and <html lang> follow the language; the choice is remembered. */
function applyLanguage(language: string, remember: boolean) {
  if (dayjsLoaded) void dayjsLoaded.then((m) => m.setDayjsLocale(language));
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    // the server draws a page's first view (src/server/http/first-view.ts) in the language this cookie names
    document.cookie = `sb_lang=${language}; path=/; max-age=31536000; samesite=lax`;
  }
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
