import type { PersonInput, PersonPatch } from '../../../shared/contracts/people.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrgUnitsService } from '../org-units/org-units.service.js';
import type { PeopleRepo } from './people.repo.js';
import { peoplePolicy } from './people.policy.js';

export function createPeopleService({
  db,
  repo,
  orgUnits,
  audit,
}: {
  db: Db;
  repo: PeopleRepo;
  orgUnits: Pick<OrgUnitsService, 'exists'>;
  audit: AuditService;
}) {
  async function checkRefs(input: Partial<PersonInput>) {
    if (input.orgUnitId && !(await orgUnits.exists(db, input.orgUnitId))) {
      throw invalid([{ field: 'body.orgUnitId', reason: 'NO_SUCH_ORG_UNIT' }]);
    }
  }
  async function get(id: string) {
    const row = await repo.get(db, id);
    if (!row) throw notFound('person', id);
    return row;
  }
  return {
    list: (f: { q?: string; orgUnitId?: string; limit: number; offset: number }) => repo.list(db, f),
    get,
    /** `actor` null: the system itself (demo seed); routes always pass a user. */
    async create(actor: Actor, input: PersonInput & { isDemo?: boolean }) {
      peoplePolicy.assertCanWrite(actor);
      await checkRefs(input);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, input);
        await audit.record(tx, actor, { action: 'create', entityType: 'person', entityId: row.id, after: row });
        return row.id;
      });
      return get(id);
    },
    /** `version`: the one the writer read; a person changed since is refused (409 STALE_VERSION). */
    async update(actor: Actor, id: string, patch: PersonPatch, version: number) {
      peoplePolicy.assertCanWrite(actor);
      const current = await repo.getRow(db, id);
      if (!current) throw notFound('person', id);
      if (current.version !== version) throw await audit.staleVersion(db, 'person', id, current.version);
      await checkRefs(patch);
      await db.transaction(async (tx) => {
        // matches on the version in the same statement: of two writers from one version, the second changes nothing
        const row = await repo.update(tx, id, patch, current, version);
        if (!row) {
          const now = await repo.getRow(tx, id);
          if (!now) throw notFound('person', id);
          throw await audit.staleVersion(tx, 'person', id, now.version);
        }
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'person',
          entityId: id,
          before: current,
          after: row,
        });
      });
      return get(id);
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
