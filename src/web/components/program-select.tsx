import type { Program } from '../../shared/contracts/programs';
import { api } from '../api/client';
import { RemoteSelect, type EntitySelectProps, type RemoteOption } from './remote-select';

type ProgramRow = Pick<Program, 'id' | 'code' | 'title'>;

const toOption = (p: ProgramRow): RemoteOption => ({ value: p.id, label: `${p.code} — ${p.title}` });

const search = async (q: string, signal: AbortSignal) => {
  const page = await api.get('/api/programs', { query: { q, limit: 20 }, signal });
  return page.items.map(toOption);
};

const fetchOne = async (id: string, signal: AbortSignal) =>
  toOption(await api.get('/api/programs/{id}', { params: { id }, signal }));

/**
 * Picks a program id. A shared picker (like the unit and person ones) so that a feature that files things under a
 * program (inspection plans) need not import the programs feature, whose page lists those plans.
 */
export function ProgramSelect(props: EntitySelectProps) {
  return <RemoteSelect {...props} resource="programs" search={search} fetchOne={fetchOne} />;
}
