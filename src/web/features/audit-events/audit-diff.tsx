import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from './api';
import { DataTable } from '../../components/data-table';

interface Row {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

/** Before and after, key by key, side by side; changed keys highlighted. */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (!keys.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('auditEvents.noChanges')} />;
  const rows: Row[] = keys.map((key) => ({
    key,
    before: before[key],
    after: after[key],
    // only when both sides exist: a create or a partial "after" is not a change of the missing key
    changed:
      event.before != null &&
      event.after != null &&
      key in before &&
      key in after &&
      show(before[key]) !== show(after[key]),
  }));
  const cell = (v: unknown) => (
    <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}>
      {show(v)}
    </Typography.Text>
  );
  return (
    <DataTable<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 700 }}
      onRow={(r) => ({ style: r.changed ? { background: '#fffbe6' } : undefined })}
      columns={[
        {
          title: t('auditEvents.field'),
          dataIndex: 'key',
          width: 180,
          render: (k: string, r) => (
            <>
              {k} {r.changed && <Tag color="orange">{t('auditEvents.changed')}</Tag>}
            </>
          ),
        },
        { title: t('auditEvents.before'), dataIndex: 'before', width: 260, render: cell },
        { title: t('auditEvents.after'), dataIndex: 'after', width: 260, render: cell },
      ]}
    />
  );
}
