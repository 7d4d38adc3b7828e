import { can, catalogue, grantOf, type Action, type Facts, type Scope } from '../../shared/permissions.js';
import type { Actor } from './context.js';
import { forbidden } from './errors.js';

/**
 * Seeds, the CLI and background jobs act as this one object (compared by identity, so no session can become it:
 * a session's actor is always a fresh object with a role from the users table). It may do everything, and the
 * audit log records it as `system`.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 'system',
  username: 'system',
  displayName: 'System',
  // not a Role (no user, no web code ever sees it); typed as one so every service takes it as any other actor
  role: 'system' as unknown as Actor['role'],
  orgUnitId: null,
  orgUnitName: null,
  personId: null,
});

export const isSystem = (actor: Actor) => actor === SYSTEM_ACTOR;

/** The user id to store as author (created_by, uploaded_by…): none for the system actor. */
export const authorId = (actor: Actor): string | null => (isSystem(actor) ? null : actor.id);

/** The catalogue's answer for this actor (see src/shared/permissions.ts); a stray `system` role never passes. */
export function allows(actor: Actor, action: Action, facts: Facts = {}): boolean {
  if (isSystem(actor)) return true;
  if ((actor.role as string) === 'system') return false;
  return can({ role: actor.role, orgUnitId: actor.orgUnitId }, action, facts);
}

/** The one server entry point: throws 403 unless the catalogue allows `action` for `actor` on these facts. */
export function authorize(actor: Actor, action: Action, facts: Facts = {}): void {
  if (!allows(actor, action, facts)) throw forbidden(`You may not ${catalogue[action].en}`);
}

/**
 * How a list is narrowed for this actor, from the same grant: `all`, or only the records of its own org unit
 * (`ownUnit`), of its own teams (`team`) or of its own enterprise (`ownEnterprise`). Throws 403 when the role may not do the action at all.
 */
export function listScope(
  actor: Actor,
  action: Action,
): { all: true } | { orgUnitId: string } | { team: true } | { ownEnterprise: true } {
  if (isSystem(actor)) return { all: true };
  const grant = grantOf(actor.role, action);
  if (grant === undefined) throw forbidden(`You may not ${catalogue[action].en}`);
  if (grant === true) return { all: true };
  if (grant.includes('ownUnit')) {
    if (!actor.orgUnitId) throw forbidden('This account has no org unit');
    return { orgUnitId: actor.orgUnitId };
  }
  if (grant.includes('team')) return { team: true };
  if (grant.includes('ownEnterprise')) return { ownEnterprise: true };
  throw forbidden(`You may not ${catalogue[action].en}`);
}

/**
 * Whether the catalogue limits `actor`'s grant for `action` by `scope` (an enterprise account to its own enterprise,
 * a unit to its own unit): for the identity lookups that scope needs (which enterprise the account acts for), so no
 * service names a role. Never for the system actor, nor for a role the action is denied to.
 */
export function limitedTo(actor: Actor, action: Action, scope: Scope): boolean {
  if (isSystem(actor)) return false;
  const grant = grantOf(actor.role, action);
  return grant !== undefined && grant !== true && grant.includes(scope);
}

/** The org unit a list is limited to, or null for all (the form most repos take). */
export function listOrgUnit(actor: Actor, action: Action): string | null {
  const s = listScope(actor, action);
  return 'orgUnitId' in s ? s.orgUnitId : null;
}
