import type { Role } from '../../../shared/fields';
import { roleMay, type Action } from '../../../shared/permissions';

/**
 * The web's permission hints come from the server's catalogue (src/shared/permissions.ts), never from rules of
 * its own: before a record is loaded, whether the role may do the action on some record at all; once loaded,
 * the record's `permissions` from the server. The server enforces the real rules.
 */
export type Permission = Action;

export const roleCan = (role: Role | null | undefined, permission: Permission): boolean => roleMay(role, permission);
