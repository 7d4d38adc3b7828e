import type { UserInput, UserPatch } from '../../../shared/contracts/users.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.service.js';
import type { UsersRepo } from './users.repo.js';
import { usersPolicy } from './users.policy.js';

export function createUsersService({ db, repo, audit }: { db: Db; repo: UsersRepo; audit: AuditService }) {
  function checkScope(role: string | undefined, orgUnitId: string | null | undefined) {
    // a unit account without a unit would see nothing, or worse, be treated as unscoped
    if (role === 'unit' && !orgUnitId) throw invalid([{ field: 'body.orgUnitId', message: 'required for role unit' }]);
  }
  async function get(id: string) {
    const row = await repo.get(db, id);
    if (!row) throw notFound('user', id);
    return row;
  }
  return {
    get,
    list: (actor: Actor, f: { limit: number; offset: number }) => {
      usersPolicy.assertCanManage(actor);
      return repo.list(db, f);
    },
    /** Used by the admin UI and by start-up (first admin, demo accounts: actor null). */
    async create(actor: Actor | null, input: UserInput) {
      if (actor) usersPolicy.assertCanManage(actor);
      checkScope(input.role, input.orgUnitId);
      if (await repo.getByUsername(db, input.username))
        throw conflict('This username is taken', { field: 'body.username' });
      const { password, ...rest } = input;
      const passwordHash = await hashPassword(password);
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insert(tx, { ...rest, passwordHash });
        await audit.record(tx, actor, { action: 'create', entityType: 'user', entityId: newId, after: rest });
        return newId;
      });
      return get(id);
    },
    async update(actor: Actor, id: string, patch: UserPatch) {
      usersPolicy.assertCanManage(actor);
      const current = await get(id);
      checkScope(patch.role ?? current.role, patch.orgUnitId === undefined ? current.orgUnitId : patch.orgUnitId);
      const { password, ...rest } = patch;
      const passwordHash = password ? await hashPassword(password) : undefined;
      await db.transaction(async (tx) => {
        await repo.update(tx, id, { ...rest, ...(passwordHash ? { passwordHash } : {}) });
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          before: current,
          after: { ...rest, passwordChanged: !!password },
        });
      });
      return get(id);
    },
    count: () => repo.count(db),
    getByUsername: (username: string) => repo.getByUsername(db, username),
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
