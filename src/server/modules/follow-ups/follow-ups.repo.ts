import { and, asc, desc, eq, isNotNull, inArray, isNull, lt, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FollowUpListQuery } from '../../../shared/contracts/follow-ups.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { followUps, followUpUpdates, orgUnits, users } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';
import type { InspectionPlansService } from '../inspection-plans/inspection-plans.service.js';
import type { InspectionsService } from '../inspections/inspections.service.js';

const addressee = alias(orgUnits, 'addressee');
const target = alias(orgUnits, 'target');
const acceptor = alias(users, 'acceptor');

export type FollowUpRow = typeof followUps.$inferSelect;
export type NewFollowUp = Omit<typeof followUps.$inferInsert, 'searchText'>;
export type FollowUpFilter = Omit<FollowUpListQuery, 'limit' | 'offset'> & {
  limit: number;
  offset: number;
  scopeOrgUnitId: string | null;
};

/** The SQL twin of `daysOverdue(...) > 0` in overdue.ts: not done, not withdrawn, due before today. */
export const overdueCondition = (today: string) =>
  and(ne(followUps.status, 'done'), isNull(followUps.withdrawnAt), lt(followUps.dueDate, today));

/**
 * What a follow-up joins from other modules, as subqueries their services build (wired in services.ts): its
 * inspection's target and plan, the plan's code, the conclusion's number. A unit's list ("addressed to it or about an
 * inspection of it") is filtered and paged in SQL on these, in one statement.
 */
export interface FollowUpsReads {
  inspections: InspectionsService['views']['inspections'];
  conclusions: InspectionsService['views']['conclusions'];
  plans: InspectionPlansService['views']['plans'];
}
type InspectionView = ReturnType<FollowUpsReads['inspections']>;

/** Follow-ups an org unit may see: addressed to it, or arising from an inspection of it. */
const scopeCondition = (inspections: InspectionView, orgUnitId: string | null) =>
  orgUnitId ? or(eq(followUps.addresseeOrgUnitId, orgUnitId), eq(inspections.targetOrgUnitId, orgUnitId)) : undefined;

/** The last entry of the history is the secretariat returning the report: the addressee has to act again. */
const returnedCondition = () =>
  and(
    isNull(followUps.acceptedAt),
    sql`coalesce((select u.action::text from ${followUpUpdates} u where u.follow_up_id = ${followUps.id} order by u.at desc, u.id desc limit 1), '') = 'return'`,
  );

function filterCondition(inspections: InspectionView, f: FollowUpFilter, today: string): SQL | undefined {
  const where: (SQL | undefined)[] = [scopeCondition(inspections, f.scopeOrgUnitId)];
  if (f.includeWithdrawn !== 'true') where.push(isNull(followUps.withdrawnAt));
  if (f.status) where.push(eq(followUps.status, f.status));
  if (f.kind) where.push(eq(followUps.kind, f.kind));
  if (f.addresseeOrgUnitId) where.push(eq(followUps.addresseeOrgUnitId, f.addresseeOrgUnitId));
  if (f.inspectionId) where.push(eq(followUps.inspectionId, f.inspectionId));
  if (f.planId) where.push(eq(inspections.planId, f.planId));
  if (f.overdue) where.push(f.overdue === 'true' ? overdueCondition(today) : not(overdueCondition(today)!));
  if (f.returned) where.push(f.returned === 'true' ? returnedCondition() : not(returnedCondition()!));
  if (f.accepted) where.push(f.accepted === 'true' ? isNotNull(followUps.acceptedAt) : isNull(followUps.acceptedAt));
  if (f.q) where.push(or(searchCondition(followUps.searchText, f.q), searchCondition(addressee.searchText, f.q)));
  return and(...where);
}

export function createFollowUpsRepo(reads: FollowUpsReads) {
  /** Open follow-ups (not done, accepted or withdrawn) due on or before `until`: what the reminder scan looks at. */
  // with the program of its inspection's plan: the program says after how many overdue days it is escalated
  const dueBy = (db: DbOrTx, until: string) => {
    const inspections = reads.inspections();
    const plan = reads.plans();
    return db
      .select({
        id: followUps.id,
        text: followUps.text,
        dueDate: followUps.dueDate,
        status: followUps.status,
        withdrawnAt: followUps.withdrawnAt,
        addresseeOrgUnitId: followUps.addresseeOrgUnitId,
        addresseeName: addressee.name,
        programId: plan.programId,
      })
      .from(followUps)
      .innerJoin(addressee, eq(addressee.id, followUps.addresseeOrgUnitId))
      .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
      .innerJoin(plan, eq(plan.id, inspections.planId))
      .where(
        and(
          ne(followUps.status, 'done'),
          isNull(followUps.acceptedAt),
          isNull(followUps.withdrawnAt),
          sql`${followUps.dueDate} <= ${until}`,
        ),
      )
      .orderBy(asc(followUps.dueDate), asc(followUps.id));
  };
  function selectItems(db: DbOrTx, inspections: InspectionView, withTotal = false) {
    const plan = reads.plans();
    const conclusion = reads.conclusions();
    const last = db
      .select({ at: followUpUpdates.at, note: followUpUpdates.note })
      .from(followUpUpdates)
      .where(eq(followUpUpdates.followUpId, followUps.id))
      .orderBy(desc(followUpUpdates.at), desc(followUpUpdates.id))
      .limit(1)
      .as('last');
    return db
      .select({
        row: followUps,
        addresseeName: addressee.name,
        targetOrgUnitId: inspections.targetOrgUnitId,
        targetName: target.name,
        planId: plan.id,
        planCode: plan.code,
        conclusionNumber: conclusion.number,
        conclusionYear: conclusion.year,
        acceptedByName: acceptor.displayName,
        lastAt: last.at,
        lastNote: last.note,
        total: withTotal ? sql<number>`(count(*) over ())::int` : sql<number>`0`,
      })
      .from(followUps)
      .innerJoin(addressee, eq(addressee.id, followUps.addresseeOrgUnitId))
      .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
      .innerJoin(target, eq(target.id, inspections.targetOrgUnitId))
      .innerJoin(plan, eq(plan.id, inspections.planId))
      .innerJoin(conclusion, eq(conclusion.id, followUps.conclusionId))
      .leftJoin(acceptor, eq(acceptor.id, followUps.acceptedBy))
      .leftJoinLateral(last, sql`true`);
  }

  return {
    dueBy,
    /** Recommendations by id, as the audit log names them. */
    subjectRows: (db: DbOrTx, ids: string[]) =>
      db.select({ id: followUps.id, text: followUps.text }).from(followUps).where(inArray(followUps.id, ids)),
    async list(db: DbOrTx, f: FollowUpFilter, today: string) {
      const inspections = reads.inspections();
      const cond = filterCondition(inspections, f, today);
      // the page and the count in one query (a window count is taken before LIMIT): one round trip, not two
      const rows = await selectItems(db, inspections, true)
        .where(cond)
        .orderBy(asc(followUps.dueDate), asc(followUps.createdAt), asc(followUps.id))
        .limit(f.limit)
        .offset(f.offset);
      if (rows.length === 0 && f.offset > 0) {
        // a page past the end has no row to carry the count
        const [{ total }] = await db
          .select({ total: sql<number>`count(*)::int` })
          .from(followUps)
          .innerJoin(addressee, eq(addressee.id, followUps.addresseeOrgUnitId))
          .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
          .where(cond);
        return { items: [], total };
      }
      return { items: rows, total: rows.length ? rows[0].total : 0 };
    },

    async get(db: DbOrTx, id: string) {
      const [row] = await selectItems(db, reads.inspections()).where(eq(followUps.id, id));
      return row;
    },

    history: (db: DbOrTx, id: string) =>
      db
        .select({
          id: followUpUpdates.id,
          action: followUpUpdates.action,
          status: followUpUpdates.status,
          note: followUpUpdates.note,
          authorName: users.displayName,
          at: followUpUpdates.at,
        })
        .from(followUpUpdates)
        .innerJoin(users, eq(users.id, followUpUpdates.authorId))
        .where(eq(followUpUpdates.followUpId, id))
        .orderBy(asc(followUpUpdates.at), asc(followUpUpdates.id)),

    async addresseeOf(db: DbOrTx, id: string) {
      const [row] = await db
        .select({ orgUnitId: followUps.addresseeOrgUnitId })
        .from(followUps)
        .where(eq(followUps.id, id));
      return row?.orgUnitId;
    },

    /** The follow-up with the target of its inspection, for permission checks; locked when `forUpdate`. */
    async getForWrite(db: DbOrTx, id: string) {
      const inspections = reads.inspections();
      const [hit] = await db
        .select({ row: followUps, targetOrgUnitId: inspections.targetOrgUnitId })
        .from(followUps)
        .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
        .where(eq(followUps.id, id))
        .for('update', { of: followUps });
      return hit;
    },

    /** Per-status counts in one pass, over what `scopeOrgUnitId` may see; withdrawn ones excluded. */
    async summary(db: DbOrTx, scopeOrgUnitId: string | null, today: string) {
      const inspections = reads.inspections();
      const [row] = await db
        .select({
          open: sql<number>`count(*) filter (where ${followUps.status} = 'open')::int`,
          inProgress: sql<number>`count(*) filter (where ${followUps.status} = 'in_progress')::int`,
          done: sql<number>`count(*) filter (where ${followUps.status} = 'done')::int`,
          accepted: sql<number>`count(*) filter (where ${followUps.acceptedAt} is not null)::int`,
          overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})::int`,
        })
        .from(followUps)
        .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
        .where(and(isNull(followUps.withdrawnAt), scopeCondition(inspections, scopeOrgUnitId)));
      return row;
    },

    activeOfInspection: (db: DbOrTx, inspectionId: string) =>
      db
        .select()
        .from(followUps)
        .where(and(eq(followUps.inspectionId, inspectionId), isNull(followUps.withdrawnAt))),

    async countUnfinished(db: DbOrTx, inspectionId: string) {
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(followUps)
        .where(
          and(eq(followUps.inspectionId, inspectionId), isNull(followUps.withdrawnAt), isNull(followUps.acceptedAt)),
        );
      return n;
    },

    async insert(db: DbOrTx, fu: NewFollowUp) {
      const [row] = await db
        .insert(followUps)
        .values({ ...fu, searchText: foldText(fu.text) })
        .returning();
      return row;
    },

    async update(db: DbOrTx, id: string, patch: Partial<NewFollowUp>) {
      const set = {
        ...patch,
        ...(patch.text === undefined ? {} : { searchText: foldText(patch.text) }),
        updatedAt: new Date(),
      };
      const [row] = await db.update(followUps).set(set).where(eq(followUps.id, id)).returning();
      return row;
    },

    async addUpdate(db: DbOrTx, entry: typeof followUpUpdates.$inferInsert) {
      const [row] = await db.insert(followUpUpdates).values(entry).returning();
      return row;
    },
  };
}
export type FollowUpsRepo = ReturnType<typeof createFollowUpsRepo>;
