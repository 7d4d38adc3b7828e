import type { Program } from '../../shared/contracts/programs';
import { api, withQuery } from '../api/client';
import { RemoteSelect, type EntitySelectProps, type RemoteOption } from './remote-select';

type ProgramRow = Pick<Program, 'id' | 'code' | 'title'>;

const toOption = (p: ProgramRow): RemoteOption => ({ value: p.id, label: `${p.code} — ${p.title}` });

const search = async (q: string, signal: AbortSignal) => {
  const page = await api<{ items: ProgramRow[]; total: number }>(
    'GET',
    withQuery('/api/programs', { q, limit: 20 }),
    undefined,
    { signal },
  );
  return page.items.map(toOption);
};

const fetchOne = async (id: string, signal: AbortSignal) =>
  toOption(await api<ProgramRow>('GET', `/api/programs/${encodeURIComponent(id)}`, undefined, { signal }));

/**
 * Picks a program id. A shared picker (like the unit and person ones) so that a feature that files things under a
 * program (inspection plans) need not import the programs feature, whose page lists those plans.
 */
export function ProgramSelect(props: EntitySelectProps) {
  return <RemoteSelect {...props} resource="programs" search={search} fetchOne={fetchOne} />;
}
