import { useTranslation } from 'react-i18next';

/** Framework texts carry both languages: pick the one on screen. */
export function useLabel() {
  const { i18n } = useTranslation();
  const en = i18n.resolvedLanguage === 'en';
  return (l: { vi: string; en: string } | null | undefined) => (l ? (en ? l.en : l.vi) : '');
}
