import { Card, Col, Empty, Flex, List, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoversResult } from '../../../shared/contracts/dx-analytics';
import { QueryState } from '../../components/query-state';
import { useMovers, type AnalyticsFilters } from './api';

export function MoversCard({
  filters,
  fromYear,
  toYear,
  suppressBelow,
}: {
  filters: AnalyticsFilters;
  fromYear?: number;
  toYear?: number;
  suppressBelow: number;
}) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<'commune' | 'sector'>('commune');
  const movers = useMovers(filters, dimension, fromYear, toYear);
  const list = (rows: MoversResult['rising'], color: string) => (
    <List
      size="small"
      dataSource={rows}
      locale={{ emptyText: '–' }}
      renderItem={(m) => (
        <List.Item>
          <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text ellipsis>{m.key.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.from} → {m.to}
              </Typography.Text>
            </Flex>
            <Typography.Text strong style={{ color, whiteSpace: 'nowrap' }}>
              {m.change > 0 ? '+' : ''}
              {m.change}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
  return (
    <Card
      size="small"
      title={t('dxAnalytics.movers')}
      extra={
        <Segmented
          size="small"
          value={dimension}
          onChange={(v) => setDimension(v)}
          options={(['commune', 'sector'] as const).map((d) => ({
            value: d,
            label: t(`dxAnalytics.moverDimension.${d}`),
          }))}
        />
      }
    >
      {fromYear === undefined || toYear === undefined || fromYear === toYear ? (
        <Empty description={t('dxAnalytics.noMovers')} />
      ) : (
        <QueryState query={movers}>
          {(m) => (
            <>
              <Typography.Text type="secondary">
                {t('dxAnalytics.moversHint', { from: fromYear, to: toYear, k: suppressBelow })}
              </Typography.Text>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Typography.Title level={5}>{t('dxAnalytics.rising')}</Typography.Title>
                  {list(m.rising, '#237804')}
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Title level={5}>{t('dxAnalytics.falling')}</Typography.Title>
                  {list(m.falling, '#cf1322')}
                </Col>
              </Row>
            </>
          )}
        </QueryState>
      )}
    </Card>
  );
}
