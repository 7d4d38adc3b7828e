import { Alert, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsStats, BreakdownResult, BreakdownRow } from '../../../shared/contracts/dx-analytics';
import type { SizeClass } from '../../../shared/enterprises/size-class';
import { currentLanguage } from '../../i18n';
import { DataTable } from '../../components/data-table';
import { formatNumber } from '../../lib/format';

/** The breakdown as a table; any withheld number reads "<k". */
export function BreakdownTable({ result }: { result: BreakdownResult }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const small = `<${result.suppressBelow}`;
  const levelCount = Math.max(6, ...result.rows.map((r) => (r.stats.suppressed ? 0 : r.stats.levels.length)));
  const stat = (s: AnalyticsStats, pick: (p: Extract<AnalyticsStats, { suppressed: false }>) => number | null) =>
    s.suppressed ? (
      <Typography.Text type="secondary">{small}</Typography.Text>
    ) : pick(s) === null ? (
      <Typography.Text type="secondary">{small}</Typography.Text>
    ) : (
      formatNumber(pick(s), 2)
    );
  const keyName = (r: BreakdownRow, d: keyof BreakdownRow['key']): string => {
    const k = r.key[d];
    if (!k) return '';
    if (k.code === null) return t('dxAnalytics.unresolved');
    if (d === 'sizeClass') return t(`enterprises.sizeClass.${k.code as SizeClass}`);
    if (d === 'sector') return `${k.code} – ${k.name}`;
    return k.name;
  };
  const columns: TableColumnsType<BreakdownRow> = [
    ...result.groupBy.map((d) => ({
      title: t(`dxAnalytics.dimension.${d}`),
      key: d,
      fixed: 'left' as const,
      width: 180,
      render: (_: unknown, r: BreakdownRow) => keyName(r, d),
    })),
    { title: t('dxAnalytics.enterprises'), key: 'n', align: 'right', render: (_, r) => stat(r.stats, (s) => s.n) },
    ...Array.from({ length: levelCount }, (_, i) => ({
      title: t('dxAnalytics.level', { level: i }),
      key: `l${i}`,
      align: 'right' as const,
      render: (_: unknown, r: BreakdownRow) => stat(r.stats, (s) => (s.levels[i] === undefined ? 0 : s.levels[i])),
    })),
    {
      title: t('dxAnalytics.meanTotal'),
      key: 'mt',
      align: 'right',
      render: (_, r) => stat(r.stats, (s) => s.meanTotal),
    },
    {
      title: t('dxAnalytics.meanLevel'),
      key: 'ml',
      align: 'right',
      render: (_, r) => stat(r.stats, (s) => s.meanLevel),
    },
    ...result.pillars.map((p, i) => ({
      title: <span title={en ? p.nameEn : p.nameVi}>{p.code}</span>,
      key: `p${i}`,
      align: 'right' as const,
      render: (_: unknown, r: BreakdownRow) => stat(r.stats, (s) => s.meanPillars[i] ?? 0),
    })),
  ];
  const shared = [...new Set(result.rows.flatMap((r) => r.sharedCommunes ?? []))];
  return (
    <Flex vertical gap={8} data-testid="dx-breakdown">
      <DataTable<BreakdownRow>
        phoneColumns={[...result.groupBy, 'n', 'ml']}
        size="small"
        rowKey={(r) => JSON.stringify(r.key)}
        columns={columns}
        dataSource={result.rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        summary={() =>
          // grouped by year there is no total: a sum across years is not a cell of the publication cube
          result.total && (
            <Table.Summary.Row>
              {result.groupBy.map((d, i) => (
                <Table.Summary.Cell key={d} index={i}>
                  {i === 0 ? <strong>{t('dxAnalytics.total')}</strong> : null}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={result.groupBy.length} align="right">
                {stat(result.total, (s) => s.n)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Text type="secondary">{t('dxAnalytics.suppressedNote', { k: result.suppressBelow })}</Typography.Text>
      {shared.length > 0 && (
        <Alert type="info" showIcon message={t('dxAnalytics.sharedNote', { communes: shared.length })} />
      )}
    </Flex>
  );
}
