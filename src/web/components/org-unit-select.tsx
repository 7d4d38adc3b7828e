import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../shared/contracts/org-units';
import { api, withQuery } from '../api/client';
import { RemoteSelect, type EntitySelectProps, type RemoteOption } from './remote-select';

type OrgUnitRow = Pick<OrgUnit, 'id' | 'code' | 'name' | 'kind'>;

const toOption = (unit: OrgUnitRow): RemoteOption => ({ value: unit.id, label: unit.name, description: unit.code });

const search = async (q: string, signal: AbortSignal) => {
  const page = await api<{ items: OrgUnitRow[]; total: number }>(
    'GET',
    withQuery('/api/org-units', { q, limit: 20 }),
    undefined,
    { signal },
  );
  return page.items.map(toOption);
};

const fetchOne = async (id: string, signal: AbortSignal) =>
  toOption(await api<OrgUnitRow>('GET', `/api/org-units/${encodeURIComponent(id)}`, undefined, { signal }));

/** Picks org unit ids; the value is the unit's `id`. */
export function OrgUnitSelect(props: EntitySelectProps) {
  const { t } = useTranslation();
  return (
    <RemoteSelect
      placeholder={t('pickers.orgUnit')}
      allowClear
      {...props}
      resource="org-units"
      search={search}
      fetchOne={fetchOne}
    />
  );
}
