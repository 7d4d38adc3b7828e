import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  analyticsDimensions,
  type AnalyticsDimension,
  type AnalyticsOptions,
} from '../../../shared/contracts/dx-analytics';
import { sizeClasses } from '../../../shared/enterprises/size-class';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { currentLanguage } from '../../i18n';
import { downloadBreakdown, useAnalyticsOptions, useBreakdown, type AnalyticsFilters } from './api';
import { BreakdownTable } from './breakdown-table';
import { MoversCard } from './movers-card';
import { ChangeCard } from './change-card';
import { lazyChart } from '../../components/lazy-chart';
import { Stat } from '../../components/stat';

const LevelChart = lazyChart(() => import('./charts').then((m) => m.LevelChart));
const PillarChart = lazyChart(() => import('./charts').then((m) => m.PillarChart));
const TrendChart = lazyChart(() => import('./charts').then((m) => m.TrendChart));
const CommuneMap = lazyChart(() => import('./commune-map').then((m) => m.CommuneMap));

export default function AnalyticsPage() {
  const { t } = useTranslation();
  const options = useAnalyticsOptions();
  return (
    <>
      <PageHeader title={t('dxAnalytics.title')} />
      <QueryState query={options}>{(o) => <AnalyticsBody options={o} />}</QueryState>
    </>
  );
}

function AnalyticsBody({ options }: { options: AnalyticsOptions }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const en = currentLanguage() === 'en';
  const latest = options.years[options.years.length - 1];
  const [filters, setFilters] = useState<AnalyticsFilters>({
    frameworkVersionId: options.defaultFrameworkVersionId ?? undefined,
    year: latest,
  });
  const [groupBy, setGroupBy] = useState<AnalyticsDimension[]>(['commune']);
  const set = (patch: Partial<AnalyticsFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const withoutYear = useMemo(() => ({ ...filters, year: undefined }), [filters]);

  const total = useBreakdown(filters, []);
  const trend = useBreakdown(withoutYear, ['year']);
  const byCommune = useBreakdown(filters, ['commune']);
  // grouped by year, the table shows every year (one row each), whatever year the rest of the page is for
  const table = useBreakdown(groupBy.includes('year') ? withoutYear : filters, groupBy, groupBy.length > 0);
  // movers: the selected year against the one before it
  const toYear = filters.year ?? latest;
  const fromYear = options.years.filter((y) => toYear !== undefined && y < toYear).pop();

  const download = (format: 'xlsx' | 'csv') =>
    downloadBreakdown(groupBy.includes('year') ? withoutYear : filters, groupBy, format).catch((e: unknown) =>
      message.error(errorMessage(t, e)),
    );

  const single = (
    label: string,
    value: string | undefined,
    opts: { value: string; label: string }[],
    onChange: (v: string | undefined) => void,
    testId: string,
  ) => (
    <Col xs={24} sm={12} lg={8} xl={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('dxAnalytics.all')}
        style={{ width: '100%' }}
        value={value}
        options={opts}
        onChange={(v?: string) => onChange(v ?? undefined)}
        data-testid={testId}
        aria-label={label}
      />
    </Col>
  );

  // what the page is for, in words: a select shows a long sector name cut off, this line shows it whole
  const labelOf = (opts: { value: string; label: string }[], v: string | undefined) =>
    opts.find((o) => o.value === v)?.label;
  const sectorOptions = options.sectors.map((s) => ({
    value: s.code,
    label: `${s.code} – ${en ? s.nameEn : s.nameVi}`,
  }));
  const version = options.frameworkVersions.find((v) => v.id === filters.frameworkVersionId);
  const place = [
    labelOf(
      options.communes.map((c) => ({ value: c.code, label: c.name })),
      filters.commune,
    ),
    labelOf(
      options.districts.map((d) => ({ value: d.code, label: d.name })),
      filters.district,
    ),
    labelOf(sectorOptions, filters.sector),
    filters.sizeClass && t(`enterprises.sizeClass.${filters.sizeClass}`),
  ].filter((x): x is string => !!x);
  const chosen = [
    version && `${version.frameworkCode} v${version.version}`,
    filters.year !== undefined && `${t('dxAnalytics.year')} ${filters.year}`,
    ...(place.length ? place : [t('dxAnalytics.wholeCity')]),
  ].filter((x): x is string => !!x);

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('dxAnalytics.filters')}
        extra={
          <Button
            size="small"
            onClick={() => setFilters({ frameworkVersionId: filters.frameworkVersionId, year: latest })}
          >
            {t('dxAnalytics.reset')}
          </Button>
        }
      >
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={8} xl={4}>
            <Typography.Text type="secondary">{t('dxAnalytics.framework')}</Typography.Text>
            <Select
              style={{ width: '100%' }}
              value={filters.frameworkVersionId}
              onChange={(v) => set({ frameworkVersionId: v })}
              aria-label={t('dxAnalytics.framework')}
              options={options.frameworkVersions.map((v) => ({
                value: v.id,
                label: `${v.frameworkCode} v${v.version}`,
              }))}
            />
          </Col>
          {single(
            t('dxAnalytics.year'),
            filters.year === undefined ? undefined : String(filters.year),
            options.years.map((y) => ({ value: String(y), label: String(y) })),
            (v) => set({ year: v === undefined ? latest : Number(v) }),
            'filter-year',
          )}
          {single(
            t('dxAnalytics.commune'),
            filters.commune,
            options.communes.map((c) => ({ value: c.code, label: c.name })),
            (v) => set({ commune: v, district: undefined }),
            'filter-commune',
          )}
          {single(
            t('dxAnalytics.district'),
            filters.district,
            options.districts.map((d) => ({ value: d.code, label: d.name })),
            (v) => set({ district: v, commune: undefined }),
            'filter-district',
          )}
          {single(t('dxAnalytics.sector'), filters.sector, sectorOptions, (v) => set({ sector: v }), 'filter-sector')}
          {single(
            t('dxAnalytics.sizeClass'),
            filters.sizeClass,
            sizeClasses.map((s) => ({ value: s, label: t(`enterprises.sizeClass.${s}`) })),
            (v) => set({ sizeClass: sizeClasses.find((s) => s === v) }),
            'filter-size',
          )}
          <Col xs={24}>
            <Typography.Text strong role="status" data-testid="filter-summary">
              {t('dxAnalytics.chosen', { list: chosen.join(' · ') })}
            </Typography.Text>
          </Col>
          <Col xs={24}>
            <Typography.Text type="secondary">
              {t('dxAnalytics.cubeNote', { k: options.suppressBelow })}
            </Typography.Text>
          </Col>
        </Row>
      </Card>

      <QueryState query={total}>
        {(r) =>
          !r.total || (r.total.suppressed && !r.rows.length) ? (
            <Card>
              <Empty description={t('dxAnalytics.noData')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={6}>
                <Flex vertical gap={16}>
                  <Card size="small">
                    <Stat
                      title={t('dxAnalytics.enterprises')}
                      value={r.total.suppressed ? `<${r.suppressBelow}` : r.total.n}
                    />
                  </Card>
                  <Card size="small">
                    <Stat
                      title={t('dxAnalytics.meanTotal')}
                      value={r.total.suppressed ? '–' : r.total.meanTotal}
                      precision={r.total.suppressed ? undefined : 1}
                    />
                  </Card>
                  <Card size="small">
                    <Stat
                      title={t('dxAnalytics.meanLevel')}
                      value={r.total.suppressed ? '–' : (r.total.meanLevel ?? '–')}
                      precision={r.total.suppressed || r.total.meanLevel === null ? undefined : 2}
                    />
                  </Card>
                </Flex>
              </Col>
              <Col xs={24} lg={9}>
                <Card size="small" title={t('dxAnalytics.levelDistribution')}>
                  <LevelChart result={r} />
                </Card>
              </Col>
              <Col xs={24} lg={9}>
                <Card size="small" title={t('dxAnalytics.pillarMeans')}>
                  <PillarChart result={r} />
                </Card>
              </Col>
            </Row>
          )
        }
      </QueryState>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dxAnalytics.trend')}>
            <QueryState query={trend}>{(r) => <TrendChart result={r} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <MoversCard filters={filters} fromYear={fromYear} toYear={toYear} suppressBelow={options.suppressBelow} />
        </Col>
      </Row>

      <ChangeCard filters={filters} options={options} />

      <Card size="small" title={t('dxAnalytics.map')} data-testid="dx-map">
        <QueryState query={byCommune}>{(r) => <CommuneMap result={r} />}</QueryState>
      </Card>

      <Card
        size="small"
        title={t('dxAnalytics.table')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')}>
              {t('dxAnalytics.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void download('csv')}>
              {t('dxAnalytics.exportCsv')}
            </Button>
          </Space>
        }
      >
        <Flex vertical gap={12}>
          <Space wrap>
            <Typography.Text>{t('dxAnalytics.groupBy')}</Typography.Text>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 260 }}
              value={groupBy}
              maxCount={3}
              aria-label={t('dxAnalytics.groupBy')}
              data-testid="group-by"
              onChange={(v: AnalyticsDimension[]) => setGroupBy(v)}
              options={analyticsDimensions.map((d) => ({ value: d, label: t(`dxAnalytics.dimension.${d}`) }))}
            />
          </Space>
          {groupBy.length > 0 && <QueryState query={table}>{(r) => <BreakdownTable result={r} />}</QueryState>}
        </Flex>
      </Card>
    </Flex>
  );
}
