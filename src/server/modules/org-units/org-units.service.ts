import type { OrgUnitInput, OrgUnitPatch } from '../../../shared/contracts/org-units.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrgUnitFilter, OrgUnitsRepo } from './org-units.repo.js';
import { orgUnitsPolicy } from './org-units.policy.js';

export function createOrgUnitsService({ db, repo, audit }: { db: Db; repo: OrgUnitsRepo; audit: AuditService }) {
  async function checkRefs(input: Partial<OrgUnitInput>, selfId?: string) {
    if (input.validFrom && input.validTo && input.validFrom > input.validTo) {
      throw invalid([{ field: 'body.validTo', reason: 'DATE_BEFORE_START' }]);
    }
    if (input.parentId) {
      if (!(await repo.getRow(db, input.parentId)))
        throw invalid([{ field: 'body.parentId', reason: 'NO_SUCH_ORG_UNIT' }]);
      if (selfId && (await repo.ancestorIds(db, input.parentId)).includes(selfId)) {
        throw invalid([{ field: 'body.parentId', reason: 'WOULD_MAKE_CYCLE' }]);
      }
    }
    if (input.headPersonId) {
      const unitOfHead = await repo.personUnit(db, input.headPersonId);
      if (unitOfHead === undefined) throw invalid([{ field: 'body.headPersonId', reason: 'NO_SUCH_PERSON' }]);
      // the head is one of the unit's own people (a new unit has none yet)
      if (!selfId || unitOfHead !== selfId) throw invalid([{ field: 'body.headPersonId', reason: 'HEAD_NOT_IN_UNIT' }]);
    }
    if (input.code) {
      const same = await repo.getByCode(db, input.code);
      if (same && same.id !== selfId) throw conflict('CODE_TAKEN', { field: 'body.code' });
    }
  }

  return {
    list: (filter: OrgUnitFilter) => repo.list(db, filter),

    /** For other modules' checks, read in their transaction: does this unit exist? */
    exists: async (tx: DbOrTx, id: string) => !!(await repo.getRow(tx, id)),

    async get(id: string) {
      const unit = await repo.get(db, id);
      if (!unit) throw notFound('orgUnit', id);
      const { successors, predecessors } = await repo.links(db, id);
      return { ...unit, successors, predecessors };
    },

    /** `actor` null: the system itself (reference data, demo seed); routes always pass a user. */
    async create(actor: Actor, input: OrgUnitInput) {
      orgUnitsPolicy.assertCanWrite(actor);
      await checkRefs(input);
      return db.transaction(async (tx) => {
        const row = await repo.insert(tx, input);
        await audit.record(tx, actor, { action: 'create', entityType: 'orgUnit', entityId: row.id, after: row });
        return row.id;
      });
    },

    /** `version`: the one the writer read; a unit changed since is refused (409 STALE_VERSION). */
    async update(actor: Actor, id: string, patch: OrgUnitPatch, version: number) {
      orgUnitsPolicy.assertCanWrite(actor);
      const current = await repo.getRow(db, id);
      if (!current) throw notFound('orgUnit', id);
      if (current.version !== version) throw await audit.staleVersion(db, 'orgUnit', id, current.version);
      await checkRefs({ validFrom: current.validFrom, validTo: current.validTo, ...patch }, id);
      await db.transaction(async (tx) => {
        // matches on the version in the same statement: of two writers from one version, the second changes nothing
        const row = await repo.update(tx, id, patch, current, version);
        if (!row) {
          const now = await repo.getRow(tx, id);
          if (!now) throw notFound('orgUnit', id);
          throw await audit.staleVersion(tx, 'orgUnit', id, now.version);
        }
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'orgUnit',
          entityId: id,
          before: current,
          after: row,
        });
      });
    },
  };
}
export type OrgUnitsService = ReturnType<typeof createOrgUnitsService>;
