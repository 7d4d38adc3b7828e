import type { UserInput, UserPatch } from '../../../shared/contracts/users.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashPassword, type AuthService } from '../auth/auth.service.js';
import type { UsersRepo } from './users.repo.js';
import type { Role } from '../../../shared/fields.js';
import { roleScopedTo } from '../../../shared/permissions.js';
import { usersPolicy } from './users.policy.js';

interface Deps {
  db: Db;
  repo: UsersRepo;
  audit: AuditService;
  /** Sessions and login throttling belong to the auth module: it ends sessions in our transaction. */
  auth: Pick<AuthService, 'endAllSessionsOf' | 'checkPassword' | 'forgetUser'>;
}

export function createUsersService({ db, repo, audit, auth }: Deps) {
  function checkScope(role: Role | undefined, orgUnitId: string | null | undefined) {
    // an account the catalogue limits to its own unit, without a unit, would see nothing, or worse, be treated as unscoped
    if (roleScopedTo(role, 'ownUnit') && !orgUnitId)
      throw invalid([{ field: 'body.orgUnitId', reason: 'ORG_UNIT_REQUIRED_FOR_UNIT' }]);
  }
  async function get(id: string) {
    const row = await repo.get(db, id);
    if (!row) throw notFound('user', id);
    return row;
  }
  return {
    get,
    /** One account as admins see it (the edit form reads its version here). */
    async getManaged(actor: Actor, id: string) {
      usersPolicy.assertCanManage(actor);
      return get(id);
    },
    list: (actor: Actor, f: { limit: number; offset: number }) => {
      usersPolicy.assertCanManage(actor);
      return repo.list(db, f);
    },
    /** Used by the admin UI and by start-up (first admin, demo accounts: actor null). */
    async create(actor: Actor, input: UserInput) {
      usersPolicy.assertCanManage(actor);
      checkScope(input.role, input.orgUnitId);
      if (await repo.getByUsername(db, input.username)) throw conflict('USERNAME_TAKEN', { field: 'body.username' });
      const { password, ...rest } = input;
      const passwordHash = await hashPassword(password);
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insert(tx, { ...rest, passwordHash });
        await audit.record(tx, actor, { action: 'create', entityType: 'user', entityId: newId, after: rest });
        return newId;
      });
      return get(id);
    },
    /**
     * A new password or a deactivation ends every session of the account (a stolen cookie dies with the old
     * password, and reactivating does not bring old sessions back). `sessionId`: the request's own session, kept
     * when admins change their own password.
     */
    async update(actor: Actor, id: string, patch: UserPatch, version: number, sessionId?: string | null) {
      usersPolicy.assertCanManage(actor);
      const current = await get(id);
      if (current.version !== version) throw await audit.staleVersion(db, 'user', id, current.version);
      checkScope(patch.role ?? current.role, patch.orgUnitId === undefined ? current.orgUnitId : patch.orgUnitId);
      const { password, ...rest } = patch;
      const passwordHash = password ? await hashPassword(password) : undefined;
      await db.transaction(async (tx) => {
        // matches on the version in the same statement: of two admins from one version, the second changes nothing
        if (!(await repo.update(tx, id, { ...rest, ...(passwordHash ? { passwordHash } : {}) }, version))) {
          const now = await repo.get(tx, id);
          if (!now) throw notFound('user', id);
          throw await audit.staleVersion(tx, 'user', id, now.version);
        }
        const endSessions = !!passwordHash || patch.active === false;
        const keep = actor.id === id && patch.active !== false ? (sessionId ?? undefined) : undefined;
        const sessionsEnded = endSessions ? await auth.endAllSessionsOf(tx, id, keep) : 0;
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          before: current,
          after: { ...rest, passwordChanged: !!password, sessionsEnded },
        });
      });
      // committed: sessions this instance remembers read the account again (ended ones, a new role or unit)
      auth.forgetUser(id);
      return get(id);
    },
    /** Users change their own password, knowing the current one; their other sessions end. */
    async changeOwnPassword(
      actor: Actor,
      from: { sessionId: string | null; ip: string },
      currentPassword: string,
      newPassword: string,
    ) {
      if (!(await auth.checkPassword(actor.username, currentPassword, from.ip))) {
        throw invalid([{ field: 'body.currentPassword', reason: 'WRONG_CURRENT_PASSWORD' }]);
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.update(tx, actor.id, { passwordHash });
        const sessionsEnded = await auth.endAllSessionsOf(tx, actor.id, from.sessionId ?? undefined);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: actor.id,
          after: { passwordChanged: true, sessionsEnded },
        });
      });
      auth.forgetUser(actor.id);
    },
    count: () => repo.count(db),
    getByUsername: (username: string) => repo.getByUsername(db, username),
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
