import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useCan } from '../auth';
import { useOrgUnit, type OrgUnitDetail } from './api';

type Link = OrgUnitDetail['successors'][number];

function Links({ links, onOpen }: { links: Link[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (!links.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgUnits.noLinks')} />;
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {links.map((l) => (
        <li key={l.id} style={{ marginBottom: 6 }}>
          <Typography.Link onClick={() => onOpen(l.id)}>{l.name}</Typography.Link>{' '}
          <Tag color={l.share === 'whole' ? 'blue' : 'gold'}>{t(`orgUnits.share.${l.share}`)}</Tag>
          <Typography.Text type="secondary">
            {t('orgUnits.effective', { date: formatDate(l.effectiveDate) })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** One org unit with the 2025 reform links (successors, predecessors); clicking a link walks the chain. */
export function OrgUnitDrawer({
  id,
  onOpen,
  onClose,
  onEdit,
}: {
  id: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  onEdit: (unit: OrgUnitDetail) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const compact = Grid.useBreakpoint().md === false;
  const query = useOrgUnit(id);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={compact ? '100%' : 560}
      title={query.data?.name ?? t('orgUnits.title')}
      extra={
        can('orgUnit.manage') &&
        query.data && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(query.data)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {id && (
        <QueryState query={query}>
          {(u) => (
            <>
              <Descriptions
                column={1}
                size="small"
                bordered
                styles={{ label: { width: 160 } }}
                items={[
                  { key: 'code', label: t('orgUnits.code'), children: u.code },
                  { key: 'name', label: t('orgUnits.name'), children: u.name },
                  { key: 'short', label: t('orgUnits.shortName'), children: u.shortName },
                  { key: 'kind', label: t('orgUnits.kindLabel'), children: t(`orgUnits.kind.${u.kind}`) },
                  {
                    key: 'parent',
                    label: t('orgUnits.parent'),
                    children: u.parentId ? (
                      <Typography.Link onClick={() => onOpen(u.parentId!)}>{u.parentName}</Typography.Link>
                    ) : null,
                  },
                  {
                    key: 'head',
                    label: t('orgUnits.head'),
                    children: u.headName ?? (
                      <Typography.Text type="secondary">{t('orgUnits.headNone')}</Typography.Text>
                    ),
                  },
                  { key: 'from', label: t('orgUnits.validFrom'), children: formatDate(u.validFrom) },
                  { key: 'to', label: t('orgUnits.validTo'), children: formatDate(u.validTo) },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('orgUnits.predecessors')}
              </Typography.Title>
              <Links links={u.predecessors} onOpen={onOpen} />
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('orgUnits.successors')}
              </Typography.Title>
              <Links links={u.successors} onOpen={onOpen} />
            </>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}
