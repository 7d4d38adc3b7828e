import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../shared/contracts/org-units';
import { api } from '../api/client';
import { RemoteSelect, type EntitySelectProps, type RemoteOption } from './remote-select';

type OrgUnitRow = Pick<OrgUnit, 'id' | 'code' | 'name' | 'kind'>;

const toOption = (unit: OrgUnitRow): RemoteOption => ({ value: unit.id, label: unit.name, description: unit.code });

const search = async (q: string, signal: AbortSignal) => {
  const page = await api.get('/api/org-units', { query: { q, limit: 20 }, signal });
  return page.items.map(toOption);
};

const fetchOne = async (id: string, signal: AbortSignal) =>
  toOption(await api.get('/api/org-units/{id}', { params: { id }, signal }));

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
