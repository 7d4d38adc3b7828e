import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CommitteeRole } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, people, programCommitteeMembers, programs } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

const issuer = alias(orgUnits, 'issuer');
const committeeUnit = alias(orgUnits, 'committee_unit');
const columns = {
  id: programs.id,
  code: programs.code,
  title: programs.title,
  issuerOrgUnitId: programs.issuerOrgUnitId,
  issuerName: issuer.name,
  steeringCommitteeOrgUnitId: programs.steeringCommitteeOrgUnitId,
  steeringCommitteeName: committeeUnit.name,
  periodStart: programs.periodStart,
  periodEnd: programs.periodEnd,
  description: programs.description,
  escalationDays: programs.escalationDays,
  version: programs.version,
};
export type ProgramRow = typeof programs.$inferSelect;
export type NewProgram = Omit<typeof programs.$inferInsert, 'searchText'>;

const withNames = (db: DbOrTx) =>
  db
    .select(columns)
    .from(programs)
    .innerJoin(issuer, eq(issuer.id, programs.issuerOrgUnitId))
    .leftJoin(committeeUnit, eq(committeeUnit.id, programs.steeringCommitteeOrgUnitId));

export function createProgramsRepo() {
  return {
    /** The programs' codes as a subquery (built, not run) for other modules to join in their own statement. */
    codes: (db: DbOrTx) => db.select({ id: programs.id, code: programs.code }).from(programs).as('program_codes'),
    /** A program as another page heads with it: code, title, issuer and steering committee names. */
    async heading(db: DbOrTx, id: string) {
      const [row] = await db
        .select({
          id: programs.id,
          code: programs.code,
          title: programs.title,
          issuerName: issuer.name,
          steeringCommitteeName: committeeUnit.name,
        })
        .from(programs)
        .innerJoin(issuer, eq(issuer.id, programs.issuerOrgUnitId))
        .leftJoin(committeeUnit, eq(committeeUnit.id, programs.steeringCommitteeOrgUnitId))
        .where(eq(programs.id, id));
      return row;
    },
    /** Codes and titles, by id: how the audit log names programs. */
    subjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: programs.id, code: programs.code, title: programs.title })
        .from(programs)
        .where(inArray(programs.id, ids)),
    async list(db: DbOrTx, f: { q?: string; limit: number; offset: number }) {
      const cond = searchCondition(programs.searchText, f.q);
      const [items, [{ total }]] = await Promise.all([
        withNames(db)
          .where(cond)
          .orderBy(asc(programs.periodStart), asc(programs.code))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(programs)
          .where(cond),
      ]);
      return { items, total };
    },
    async get(db: DbOrTx, id: string) {
      const [row] = await withNames(db).where(eq(programs.id, id));
      return row;
    },
    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(programs).where(eq(programs.id, id));
      return row;
    },
    async first(db: DbOrTx) {
      const [row] = await db.select().from(programs).orderBy(asc(programs.createdAt), asc(programs.code)).limit(1);
      return row;
    },
    async getByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(programs).where(eq(programs.code, code));
      return row;
    },
    async insert(db: DbOrTx, p: NewProgram) {
      const [row] = await db
        .insert(programs)
        .values({ ...p, searchText: foldText(p.code, p.title) })
        .returning();
      return row;
    },
    /** Changes the program if still at `version` (+1 in the same statement); undefined when changed meanwhile. */
    async update(db: DbOrTx, id: string, patch: Partial<NewProgram>, current: ProgramRow, version: number) {
      const next = { ...current, ...patch };
      const [row] = await db
        .update(programs)
        .set({
          ...patch,
          searchText: foldText(next.code, next.title),
          version: sql`${programs.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(programs.id, id), eq(programs.version, version)))
        .returning();
      return row;
    },
    /** The programs among `ids` that set their own escalation day, with it. */
    escalationDays: (db: DbOrTx, ids: string[]) =>
      ids.length
        ? db
            .select({ id: programs.id, days: programs.escalationDays })
            .from(programs)
            .where(and(inArray(programs.id, ids), isNotNull(programs.escalationDays)))
        : Promise.resolve([]),
    /** The ids among `ids` that name a person (one query for a whole member list). */
    async existingPeople(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, ids));
      return new Set(rows.map((r) => r.id));
    },
    committee: (db: DbOrTx, programId: string) =>
      db
        .select({
          id: programCommitteeMembers.id,
          personId: programCommitteeMembers.personId,
          fullName: people.fullName,
          positionTitle: people.positionTitle,
          orgUnitName: orgUnits.name,
          role: programCommitteeMembers.role,
        })
        .from(programCommitteeMembers)
        .innerJoin(people, eq(people.id, programCommitteeMembers.personId))
        .leftJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
        .where(eq(programCommitteeMembers.programId, programId))
        .orderBy(asc(programCommitteeMembers.position)),
    async replaceCommittee(db: DbOrTx, programId: string, members: { personId: string; role: CommitteeRole }[]) {
      await db.delete(programCommitteeMembers).where(eq(programCommitteeMembers.programId, programId));
      if (members.length) {
        await db.insert(programCommitteeMembers).values(members.map((m, position) => ({ programId, ...m, position })));
      }
    },
  };
}
export type ProgramsRepo = ReturnType<typeof createProgramsRepo>;
