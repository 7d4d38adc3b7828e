import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/contracts/people';
import { api } from '../api/client';
import { RemoteSelect, type EntitySelectProps, type RemoteOption } from './remote-select';

type PersonRow = Pick<Person, 'id' | 'fullName' | 'positionTitle' | 'orgUnitName'>;

const toOption = (person: PersonRow): RemoteOption => ({
  value: person.id,
  label: person.fullName,
  description: [person.positionTitle, person.orgUnitName].filter(Boolean).join(' — ') || undefined,
});

const search = async (q: string, signal: AbortSignal) => {
  const page = await api.get('/api/people', { query: { q, limit: 20 }, signal });
  return page.items.map(toOption);
};

const fetchOne = async (id: string, signal: AbortSignal) =>
  toOption(await api.get('/api/people/{id}', { params: { id }, signal }));

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
