import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import type { AuditFilter, AuditRepo } from './audit.repo.js';

export type AuditAction =
  'create' | 'update' | 'delete' | 'transition' | 'issue' | 'login' | 'logout' | 'upload' | 'respond' | 'accept';

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
    async record(tx: DbOrTx, actor: Actor | null, entry: AuditEntry) {
      await repo.insert(tx, {
        actorUserId: actor?.id ?? null,
        actorUsername: actor?.username ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: toJson(entry.before),
        after: toJson(entry.after),
      });
    },
    list: (db: DbOrTx, filter: AuditFilter) => repo.list(db, filter),
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
