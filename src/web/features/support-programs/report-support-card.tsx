import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportSupport } from '../../../shared/contracts/support-programs';

/** The support section of a firm's DX report: eligible Decree 80 support, and platform categories (never vendors). */
export function ReportSupportCard({ support }: { support: ReportSupport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const d = support.decree80;
  return (
    <>
      <Card title={t('supportPrograms.reportSupportTitle')} style={{ marginBottom: 16 }}>
        {d.items.length > 0 && (
          <List
            size="small"
            dataSource={d.items}
            renderItem={(i) => (
              <List.Item>
                <div>
                  {i.title[lang]}:{' '}
                  <strong>
                    {t('supportPrograms.reportCap', { cap: i.capText })}
                    {i.per === 'year' ? t('supportPrograms.perYear') : t('supportPrograms.perContractYear')}
                  </strong>
                  <br />
                  <Typography.Text type="secondary">
                    {i.citation}
                    {!i.confirmed && ` · ${t('supportPrograms.notConfirmed')}`}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {d.note[lang]}
        </Typography.Paragraph>
      </Card>
      <Card title={t('supportPrograms.reportCategories')} style={{ marginBottom: 16 }}>
        {support.platformCategories.items.length ? (
          <List
            size="small"
            dataSource={support.platformCategories.items}
            renderItem={(c) => (
              <List.Item>
                <strong>{c.name[lang]}</strong>
                <Typography.Text type="secondary">{c.because.map((b) => b.node).join(', ')}</Typography.Text>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Paragraph>{t('supportPrograms.reportNoCategories')}</Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">
          {t('supportPrograms.reportCategoriesNote', { pct: support.platformCategories.weakBelow * 100 })}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
