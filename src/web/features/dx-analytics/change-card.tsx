import { Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changeDimensions,
  type AnalyticsOptions,
  type ChangeDimension,
  type ChangeResult,
  type ChangeStats,
} from '../../../shared/contracts/dx-analytics';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { formatNumber, formatPercent } from '../../lib/format';
import { useChange, type AnalyticsFilters } from './api';

const measures = ['meanChangeTotal', 'meanChangeLevel', 'shareUp'] as const;
type Measure = (typeof measures)[number];

/**
 * The change measure: mean change of total and of level and the share of firms that moved up, over firms with an
 * earlier assessment in the same framework generation, grouped as chosen. Grouping by support program is offered only
 * when the server says support programs are available.
 */
export function ChangeCard({ filters, options }: { filters: AnalyticsFilters; options: AnalyticsOptions }) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('meanChangeTotal');
  const [groupBy, setGroupBy] = useState<ChangeDimension[]>([]);
  const query = useChange(filters, groupBy);
  const dims = changeDimensions.filter((d) => d !== 'supportProgram' || options.supportPrograms);
  const value = (s: ChangeStats) => {
    if (s.suppressed) return `<${options.suppressBelow}`;
    const v = s[measure];
    if (measure === 'shareUp') return formatPercent(v * 100, 1);
    return `${v > 0 ? '+' : ''}${formatNumber(v, 2)}`;
  };
  const rowsOf = (r: ChangeResult) => [
    ...r.rows.map((row, i) => ({
      key: String(i),
      name: groupBy.map((d) => row.key[d]?.name ?? '').join(' · '),
      stats: row.stats,
    })),
    { key: 'total', name: t('dxAnalytics.change.whole'), stats: r.total },
  ];
  return (
    <Card size="small" title={t('dxAnalytics.change.title')} data-testid="dx-change">
      <Flex vertical gap={12}>
        <Space wrap>
          <Typography.Text>{t('dxAnalytics.change.measure')}</Typography.Text>
          <Select
            style={{ minWidth: 260 }}
            value={measure}
            onChange={(v: Measure) => setMeasure(v)}
            aria-label={t('dxAnalytics.change.measure')}
            data-testid="change-measure"
            options={measures.map((m) => ({ value: m, label: t(`dxAnalytics.change.${m}`) }))}
          />
          <Typography.Text>{t('dxAnalytics.groupBy')}</Typography.Text>
          <Select
            mode="multiple"
            style={{ minWidth: 260 }}
            value={groupBy}
            maxCount={2}
            aria-label={t('dxAnalytics.groupBy')}
            data-testid="change-group-by"
            onChange={(v: ChangeDimension[]) => setGroupBy(v)}
            options={dims.map((d) => ({ value: d, label: t(`dxAnalytics.dimension.${d}`) }))}
          />
        </Space>
        <QueryState query={query}>
          {(r) => (
            <>
              <Typography.Text type="secondary">
                {t('dxAnalytics.change.note', { year: r.year ?? '–', k: r.suppressBelow })}
              </Typography.Text>
              <DataTable
                phoneColumns={['n', 'c', 'v']}
                size="small"
                pagination={false}
                dataSource={rowsOf(r)}
                scroll={{ x: 480 }}
                columns={[
                  { title: '', key: 'n', render: (_, x) => x.name },
                  {
                    title: t('dxAnalytics.change.firms'),
                    key: 'c',
                    render: (_, x) => (x.stats.suppressed ? `<${r.suppressBelow}` : x.stats.n),
                  },
                  { title: t(`dxAnalytics.change.${measure}`), key: 'v', render: (_, x) => value(x.stats) },
                ]}
              />
            </>
          )}
        </QueryState>
      </Flex>
    </Card>
  );
}
