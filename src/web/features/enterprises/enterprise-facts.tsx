import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatVnd } from '../../lib/format';
import type { EnterpriseDetail } from '../../api/types';

/** Why the size class: the sector group, the ceiling met and which financial test passed. */
export function SizeReason({ e }: { e: Pick<EnterpriseDetail, 'sizeReason'> }) {
  const { t } = useTranslation();
  const group = t(`enterprises.group.${e.sizeReason.group}`);
  const limit = e.sizeReason.limit;
  if (!limit) return <>{t('enterprises.sizeWhyLarge', { group })}</>;
  const tests = e.sizeReason.by.map((b) =>
    t(b === 'revenue' ? 'enterprises.revenueTest' : 'enterprises.capitalTest', {
      amount: formatVnd(b === 'revenue' ? limit.revenue : limit.capital),
    }),
  );
  return (
    <>
      {t('enterprises.sizeWhy', {
        group,
        employees: formatNumber(limit.employees),
        tests: tests.join(t('enterprises.or')),
      })}
    </>
  );
}

export function EnterpriseFacts({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t('enterprises.taxCode')}>{e.taxCode}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.sizeClassLabel')}>
        <Tag color="blue">{t(`enterprises.sizeClass.${e.sizeClass}`)}</Tag> <SizeReason e={e} />
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.address')}>{e.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.currentCommune')}>
        {e.currentCommune?.name ?? '—'}{' '}
        <Tag color={e.communeResolution === 'needs_review' ? 'orange' : 'default'}>
          {t(`enterprises.resolution.${e.communeResolution}`)}
        </Tag>
        {e.commune && e.commune.id !== e.currentCommune?.id && (
          <div>
            {t('enterprises.recordedCommune')}: {e.commune.name}
          </div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.sector')}>
        {e.sectorCode}
        {e.industryCode ? ` · ${e.industryCode}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.employees')}>{formatNumber(e.employees)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.revenue')}>{formatVnd(e.revenueVnd)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.capital')}>{formatVnd(e.capitalVnd)}</Descriptions.Item>
    </Descriptions>
  );
}
