import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={current}
      onChange={(language) => void setLanguage(language)}
      options={[
        { value: 'vi', label: t('language.viShort'), title: t('language.vi') },
        { value: 'en', label: t('language.enShort'), title: t('language.en') },
      ]}
    />
  );
}
