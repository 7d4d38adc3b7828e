import type { Role } from '../../../shared/fields';
import { roleMay, roleMayAll, roleScopedTo, type Action } from '../../../shared/permissions';

/**
 * The web's permission hints come from the server's catalogue (src/shared/permissions.ts), never from rules of
 * its own: before a record is loaded, whether the role may do the action on some record at all; once loaded,
 * the record's `permissions` from the server. The server enforces the real rules.
 */
export type Permission = Action;

export const roleCan = (role: Role | null | undefined, permission: Permission): boolean => roleMay(role, permission);

/** May this role do the action on every record, not only its own unit's (e.g. pick any unit in a filter)? */
export const roleCanEverywhere = (role: Role | null | undefined, permission: Permission): boolean =>
  roleMayAll(role, permission);

/** Does an account of this role need an org unit (the catalogue limits it to its own unit)? */
export const accountNeedsOrgUnit = (role: Role | null | undefined): boolean => roleScopedTo(role, 'ownUnit');
