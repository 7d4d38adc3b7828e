import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { authorId } from '../../http/authorize.js';
import type { AuditFilter, AuditRepo } from './audit.repo.js';
import { staleVersion } from '../../http/versioning.js';

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
  | 'restore';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Audit events are written in the caller's transaction, so a change and its record commit together. */
export function createAuditService({ repo }: { repo: AuditRepo }) {
  return {
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
    list: (db: DbOrTx, filter: AuditFilter) => repo.list(db, filter),
    /**
     * The refusal of a write based on an outdated version: 409 STALE_VERSION naming the current version and who
     * changed the record last, and when (from the audit trail, which every change writes).
     */
    async staleVersion(db: DbOrTx, entityType: string, entityId: string, currentVersion: number) {
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
