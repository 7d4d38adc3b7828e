import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { authorId } from '../../http/authorize.js';
import type { AuditFilter, AuditRepo } from './audit.repo.js';
import { staleVersion } from '../../http/versioning.js';
import { recordPath } from '../../../shared/record-paths.js';
import { subjectFromData, uuidsOnly, type AuditSubject, type DescribeSubjects } from './audit-subjects.js';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'transition'
  | 'issue'
  | 'login'
  | 'logout'
  | 'upload'
  | 'respond'
  | 'accept'
  // the whole database replaced from a backup (npm run restore): events before it are the backup's
  | 'restore'
  // a conclusion's follow-up status made public, or taken back
  | 'publish'
  | 'withdraw';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Audit events are written in the caller's transaction, so a change and its record commit together. */
export function createAuditService({ repo }: { repo: AuditRepo }) {
  // Each module names its own records (the composition root registers them); the directory is read here
  const describers = new Map<string, DescribeSubjects>([
    ['orgUnit', uuidsOnly((db, ids) => repo.directoryNames(db, 'orgUnit', ids, recordPath.orgUnit))],
    ['person', uuidsOnly((db, ids) => repo.directoryNames(db, 'person', ids, recordPath.people))],
    ['user', uuidsOnly((db, ids) => repo.directoryNames(db, 'user', ids, recordPath.users))],
    // an enterprise's account, by its user id
    ['enterpriseUser', uuidsOnly((db, ids) => repo.directoryNames(db, 'user', ids, recordPath.users))],
  ]);

  /** The events of a page with the name and page of the record each is about (one query per entity type). */
  async function withSubjects(db: DbOrTx, items: Awaited<ReturnType<AuditRepo['list']>>['items']) {
    const idsByType = new Map<string, string[]>();
    for (const e of items)
      if (describers.has(e.entityType))
        idsByType.set(e.entityType, [...(idsByType.get(e.entityType) ?? []), e.entityId]);
    const named = new Map<string, Map<string, AuditSubject>>();
    await Promise.all([...idsByType].map(async ([type, ids]) => named.set(type, await describers.get(type)!(db, ids))));
    return items.map((e) => ({
      ...e,
      subject: named.get(e.entityType)?.get(e.entityId) ?? subjectFromData(e.before, e.after),
    }));
  }

  return {
    /** Registers how a module names its records of these entity types in the audit log. */
    describe(types: Record<string, DescribeSubjects>) {
      for (const [type, fn] of Object.entries(types)) describers.set(type, uuidsOnly(fn));
    },
    async record(tx: DbOrTx, actor: Actor, entry: AuditEntry) {
      await repo.insert(tx, {
        // the system actor (seeds, CLI, jobs) has no user row: recorded by name only
        actorUserId: authorId(actor),
        actorUsername: actor.username,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: toJson(entry.before),
        after: toJson(entry.after),
      });
    },
    async list(db: DbOrTx, filter: AuditFilter) {
      const { items, total } = await repo.list(db, filter);
      return { items: await withSubjects(db, items), total };
    },
    /**
     * The refusal of a write based on an outdated version: 409 STALE_VERSION naming the current version and who
     * changed the record last, and when (from the audit trail, which every change writes).
     */
    async staleVersion(db: DbOrTx, entityType: string | readonly string[], entityId: string, currentVersion: number) {
      const last = await repo.lastChange(db, entityType, entityId);
      return staleVersion({ currentVersion, updatedBy: last?.by ?? null, updatedAt: last?.at ?? null });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

// Dates and Buffers become strings so the JSON column holds what the API showed
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)),
  ) as unknown;
}

export { subjectsOf, truncate, type AuditSubject, type DescribeSubjects } from './audit-subjects.js';
