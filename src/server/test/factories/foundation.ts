import { randomBytes } from 'node:crypto';
import { foldText } from '../../../shared/text.js';
import { roles, type Role } from '../../../shared/fields.js';
import { orgUnits, people } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import type { Services } from '../../services.js';

/** Unique text for factory-made data, so tests never collide on shared databases. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** Org units, people and accounts: the directory every other domain's data hangs on. */
export function foundationFactories(db: Db, services: Services) {
  const f = {
    async orgUnit(
      o: {
        name?: string;
        kind?: 'department' | 'district_party_committee' | 'commune' | 'center';
        parentId?: string | null;
      } = {},
    ) {
      const code = unique('T').toUpperCase();
      const name = o.name ?? `Đơn vị thử ${code}`;
      const [row] = await db
        .insert(orgUnits)
        .values({
          code,
          name,
          kind: o.kind ?? 'department',
          parentId: o.parentId ?? null,
          searchText: foldText(name, code),
        })
        .returning();
      return row;
    },
    async person(o: { fullName?: string; orgUnitId?: string | null; email?: string | null } = {}) {
      const fullName = o.fullName ?? `Cán bộ ${unique('p')}`;
      const [row] = await db
        .insert(people)
        .values({
          fullName,
          positionTitle: 'Chuyên viên',
          orgUnitId: o.orgUnitId ?? null,
          email: o.email ?? null,
          searchText: foldText(fullName, 'Chuyên viên'),
        })
        .returning();
      return row;
    },
    /** A user with password `password1`; returns the account and its person. */
    async user(role: Role, o: { orgUnitId?: string | null; personId?: string | null } = {}) {
      const username = unique(role).toLowerCase();
      const u = await services.users.create(SYSTEM_ACTOR, {
        username,
        displayName: username,
        role,
        password: 'password1',
        orgUnitId: o.orgUnitId ?? null,
        personId: o.personId ?? null,
      });
      return { ...u, password: 'password1' };
    },
    /** One fresh account of every role (a `unit` one with its own unit), for permission tables. */
    async usersPerRole() {
      const unit = await f.orgUnit();
      const made = await Promise.all(
        roles.map((role) => f.user(role, { orgUnitId: role === 'unit' ? unit.id : null })),
      );
      return Object.fromEntries(roles.map((role, i) => [role, made[i]])) as Record<Role, (typeof made)[number]>;
    },
  };
  return f;
}
