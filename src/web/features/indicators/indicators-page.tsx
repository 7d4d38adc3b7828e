import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorInput } from '../../../shared/contracts/indicators';
import {
  directions,
  measureUnits,
  periodAggregations,
  periodTypes,
  unitAggregations,
} from '../../../shared/monitoring-domain';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { isStaleVersion, StaleVersionAlert } from '../../components/stale-version-alert';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { PageHeader } from '../../components/page-header';
import { ErrorResult } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCan } from '../auth';
import {
  monitoringKey,
  useIndicators,
  useMonitoringDashboard,
  usePlans,
  useSaveIndicator,
  figure,
} from '../monitoring-dashboard';
import { DataTable } from '../../components/data-table';

export default function IndicatorsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [planId, setPlanId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const plans = usePlans();
  const list = useIndicators({ q: q || undefined, planId, limit: 50, offset: (page - 1) * 50 });
  const columns: TableColumnsType<Indicator> = [
    { title: t('monitoring.code'), dataIndex: 'code', width: 150 },
    {
      title: t('monitoring.name'),
      key: 'name',
      width: 320,
      render: (_, i) => (
        <>
          {i.nameVi}
          {i.isDemo && <Tag style={{ marginLeft: 6 }}>{t('monitoring.demo')}</Tag>}
          {i.formula && (
            <div>
              <Typography.Text code>{i.formula}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('monitoring.measureUnitLabel'),
      key: 'mu',
      width: 110,
      render: (_, i) => t(`monitoring.measureUnit.${i.measureUnit}`),
    },
    { title: t('monitoring.plan'), key: 'plan', width: 130, render: (_, i) => i.plan?.code ?? '' },
    {
      title: t('monitoring.responsibleUnits'),
      key: 'units',
      width: 240,
      render: (_, i) => i.responsibleUnits.map((u) => u.name).join('; '),
    },
    {
      title: t('monitoring.targets'),
      key: 'targets',
      width: 260,
      render: (_, i) =>
        i.targets
          .filter((x) => !x.orgUnitId)
          .map((x) => `${x.year}: ${figure(x.value, i.measureUnit)}`)
          .join(' · '),
    },
    ...(can('indicator.manage')
      ? [
          {
            title: '',
            key: 'edit',
            width: 60,
            render: (_: unknown, i: Indicator) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing(i)}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('monitoring.indicatorsTitle')}
        extra={
          can('indicator.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('monitoring.createIndicator')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          placeholder={t('monitoring.search')}
          style={{ width: 300, maxWidth: '100%' }}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('monitoring.allPlans')}
          aria-label={t('monitoring.allPlans')}
          style={{ width: 240 }}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            setPage(1);
          }}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.code }))}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Indicator>
          phoneColumns={['name', 'targets', 'edit']}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1270 }}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      )}
      {editing && <IndicatorForm indicator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

type FormValues = Omit<IndicatorInput, 'programId'>;

function IndicatorForm({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveIndicator(indicator?.id ?? null);
  const client = useQueryClient();
  const [stale, setStale] = useState<ApiError | null>(null);
  const dash = useMonitoringDashboard({});
  const plans = usePlans();
  const initial: Partial<FormValues> = indicator
    ? {
        ...indicator,
        planId: indicator.plan?.id ?? null,
        responsibleOrgUnitIds: indicator.responsibleUnits.map((u) => u.id),
        targets: indicator.targets.map((x) => ({ year: x.year, value: x.value, orgUnitId: x.orgUnitId })),
      }
    : {
        measureUnit: 'count',
        periodType: 'year',
        periodAggregation: 'sum',
        unitAggregation: 'sum',
        direction: 'higher',
        targets: [],
      };
  const submit = (v: FormValues) => {
    const body = {
      ...v,
      formula: v.formula?.trim() || null,
      targets: (v.targets ?? [])
        .filter((x) => x && x.year && x.value !== undefined && x.value !== null)
        .map((x) => ({ ...x, orgUnitId: x.orgUnitId ?? null })),
    };
    const { code: _c, ...patch } = body;
    save.mutate(
      indicator
        ? // the version the form was opened on: an indicator changed meanwhile is refused, not overwritten
          { ...patch, ...(body.code !== indicator.code ? { code: body.code } : {}), version: indicator.version }
        : { ...body, programId: dash.data!.program.id },
      {
        onSuccess: () => {
          void message.success(t('monitoring.saved'));
          onClose();
        },
        onError: (e) => {
          if (isStaleVersion(e)) setStale(e);
          else if (!applyFieldErrors(form, e)) void message.error(errorMessage(t, e));
        },
      },
    );
  };
  const opts = <T extends string>(list: readonly T[], key: string) =>
    list.map((v) => ({ value: v, label: t(`monitoring.${key}.${v}` as 'monitoring.demo') }));
  return (
    <Drawer
      open
      width={560}
      title={indicator ? t('monitoring.editIndicator') : t('monitoring.createIndicator')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <StaleVersionAlert
        error={stale}
        onReload={() => {
          void client.invalidateQueries({ queryKey: monitoringKey });
          onClose();
        }}
      />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="code" label={t('monitoring.code')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameVi" label={t('monitoring.name')} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('monitoring.nameEn')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="planId" label={t('monitoring.plan')}>
          <Select
            allowClear
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` }))}
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="measureUnit" label={t('monitoring.measureUnitLabel')}>
            <Select style={{ width: 150 }} options={opts(measureUnits, 'measureUnit')} />
          </Form.Item>
          <Form.Item name="periodType" label={t('monitoring.periodTypeLabel')}>
            <Select style={{ width: 110 }} options={opts(periodTypes, 'periodType')} />
          </Form.Item>
          <Form.Item name="direction" label={t('monitoring.directionLabel')}>
            <Select style={{ width: 180 }} options={opts(directions, 'direction')} />
          </Form.Item>
          <Form.Item name="periodAggregation" label={t('monitoring.periodAggregationLabel')}>
            <Select style={{ width: 170 }} options={opts(periodAggregations, 'periodAggregation')} />
          </Form.Item>
          <Form.Item name="unitAggregation" label={t('monitoring.unitAggregationLabel')}>
            <Select style={{ width: 150 }} options={opts(unitAggregations, 'unitAggregation')} />
          </Form.Item>
        </Flex>
        <Form.Item name="formula" label={t('monitoring.formula')} extra={t('monitoring.formulaHint')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="responsibleOrgUnitIds" label={t('monitoring.responsibleUnits')}>
          <OrgUnitSelect mode="multiple" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="baselineYear" label={t('monitoring.baselineYear')}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="baselineValue" label={t('monitoring.baseline')}>
            <InputNumber />
          </Form.Item>
          <Form.Item name="greenPct" label={`${t('monitoring.thresholds')}: ${t('monitoring.greenPct')}`}>
            <InputNumber min={0} max={1000} suffix="%" />
          </Form.Item>
          <Form.Item name="amberPct" label={t('monitoring.amberPct')}>
            <InputNumber min={0} max={1000} suffix="%" />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('monitoring.targets')}</Typography.Text>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'year']} rules={[{ required: true }]}>
                    <InputNumber placeholder={t('monitoring.year')} min={1990} max={2100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} rules={[{ required: true }]}>
                    <InputNumber placeholder={t('monitoring.target')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'orgUnitId']} style={{ flex: 1, minWidth: 0 }}>
                    <OrgUnitSelect placeholder={t('monitoring.allUnits')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('monitoring.addTarget')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
