import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/contracts/people';
import { api, withQuery } from '../api/client';
import { RemoteSelect, type EntitySelectProps, type RemoteOption } from './remote-select';

type PersonRow = Pick<Person, 'id' | 'fullName' | 'positionTitle' | 'orgUnitName'>;

const toOption = (person: PersonRow): RemoteOption => ({
  value: person.id,
  label: person.fullName,
  description: [person.positionTitle, person.orgUnitName].filter(Boolean).join(' — ') || undefined,
});

const search = async (q: string, signal: AbortSignal) => {
  const page = await api<{ items: PersonRow[]; total: number }>(
    'GET',
    withQuery('/api/people', { q, limit: 20 }),
    undefined,
    { signal },
  );
  return page.items.map(toOption);
};

const fetchOne = async (id: string, signal: AbortSignal) =>
  toOption(await api<PersonRow>('GET', `/api/people/${encodeURIComponent(id)}`, undefined, { signal }));

/** Picks people ids; the value is the person's `id`. */
export function PersonSelect(props: EntitySelectProps) {
  const { t } = useTranslation();
  return (
    <RemoteSelect
      placeholder={t('pickers.person')}
      allowClear
      {...props}
      resource="people"
      search={search}
      fetchOne={fetchOne}
    />
  );
}
