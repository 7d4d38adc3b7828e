import type { DbOrTx } from '../../db/client.js';

/** What the audit log shows for the record an event is about: its name (as people know it) and where it is shown. */
export interface AuditSubject {
  name: string;
  /** The English name, where the record keeps one apart from the Vietnamese. */
  nameEn?: string | null;
  /** The web page that shows the record, when there is one. */
  path: string | null;
}

/** Names and pages of the records of one entity type, by id; ids it does not know are left out. */
export type DescribeSubjects = (db: DbOrTx, ids: string[]) => Promise<Map<string, AuditSubject>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps a describer's query to ids of its shape: a malformed id in an old event must not fail the page. */
export const uuidsOnly =
  (describe: DescribeSubjects): DescribeSubjects =>
  async (db, ids) => {
    const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
    return valid.length ? describe(db, valid) : new Map();
  };

/** A map of subjects from rows, skipping those the describer could not name. */
export function subjectsOf<R extends { id: string }>(rows: R[], describe: (row: R) => AuditSubject | null) {
  const out = new Map<string, AuditSubject>();
  for (const r of rows) {
    const s = describe(r);
    if (s) out.set(r.id, s);
  }
  return out;
}

// Events about records that are gone, or of kinds no module names: the event's own data often carries a name
const NAME_FIELDS = ['name', 'title', 'fileName', 'displayName', 'fullName', 'username', 'code'] as const;

export function subjectFromData(before: unknown, after: unknown): AuditSubject | null {
  for (const data of [after, before]) {
    if (!data || typeof data !== 'object') continue;
    for (const f of NAME_FIELDS) {
      const v = (data as Record<string, unknown>)[f];
      if (typeof v === 'string' && v.trim()) return { name: truncate(v.trim()), path: null };
    }
  }
  return null;
}

export const truncate = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
