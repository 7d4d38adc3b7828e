import type {
  FollowUpAcceptanceInput,
  FollowUpItem,
  FollowUpKind,
  FollowUpListQuery,
  FollowUpUpdateInput,
} from '../../../shared/contracts/follow-ups.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { immutable, invalidTransition, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { FollowUpsRepo } from './follow-ups.repo.js';
import { followUpsPolicy } from './follow-ups.policy.js';
import { daysOverdue } from './overdue.js';
import { subjectsOf, truncate, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

/** One remedy or recommendation of an issued conclusion, as the conclusions module hands it over. */
export interface ConclusionItem {
  findingId: string;
  kind: FollowUpKind;
  text: string;
  addresseeOrgUnitId: string;
  dueDate: string;
}
export interface CorrectionItem extends ConclusionItem {
  supersedesFindingId: string | null;
}

type ItemRow = NonNullable<Awaited<ReturnType<FollowUpsRepo['get']>>>;

function toItem(r: ItemRow, today: string): FollowUpItem {
  const fu = r.row;
  const days = daysOverdue(fu, today);
  return {
    id: fu.id,
    kind: fu.kind,
    text: fu.text,
    dueDate: fu.dueDate,
    status: fu.status,
    addressee: { id: fu.addresseeOrgUnitId, name: r.addresseeName },
    overdue: days > 0,
    daysOverdue: days,
    accepted: fu.acceptedAt ? { at: fu.acceptedAt, byName: r.acceptedByName } : null,
    withdrawn: fu.withdrawnAt ? { at: fu.withdrawnAt, reason: fu.withdrawnReason } : null,
    inspection: { id: fu.inspectionId, targetName: r.targetName, planId: r.planId, planCode: r.planCode },
    conclusion: { id: fu.conclusionId, number: r.conclusionNumber, year: r.conclusionYear },
    lastUpdate: r.lastAt ? { at: r.lastAt, note: r.lastNote } : null,
  };
}

export function createFollowUpsService({
  db,
  repo,
  audit,
  clock,
  files,
}: {
  db: Db;
  repo: FollowUpsRepo;
  audit: AuditService;
  clock: Clock;
  files: FilesService;
}) {
  async function get(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row) throw notFound('followUp', id);
    const parties = { addresseeOrgUnitId: row.row.addresseeOrgUnitId, targetOrgUnitId: row.targetOrgUnitId };
    followUpsPolicy.assertCanRead(actor, parties);
    const [history, evidence] = await Promise.all([repo.history(db, id), files.followUpEvidence(id)]);
    const open = !row.row.acceptedAt && !row.row.withdrawnAt;
    const permissions = {
      report: open && followUpsPolicy.canReport(actor, parties),
      accept: open && followUpsPolicy.canAccept(actor),
    };
    return { ...toItem(row, clock.today()), history, evidence, permissions };
  }

  /** Loads and locks a follow-up that `actor` may still report on: not accepted, not withdrawn. */
  async function lockForReport(tx: DbOrTx, actor: Actor, id: string) {
    const hit = await repo.getForWrite(tx, id);
    if (!hit) throw notFound('followUp', id);
    followUpsPolicy.assertCanReport(actor, {
      addresseeOrgUnitId: hit.row.addresseeOrgUnitId,
      targetOrgUnitId: hit.targetOrgUnitId,
    });
    if (hit.row.acceptedAt) throw immutable('FOLLOW_UP_ACCEPTED', { followUpId: id });
    if (hit.row.withdrawnAt) throw immutable('FOLLOW_UP_WITHDRAWN', { followUpId: id });
    return hit.row;
  }

  return {
    /** How the audit log names follow-up items. */
    auditSubjects: {
      followUp: (async (tx, ids) =>
        subjectsOf(await repo.subjectRows(tx, ids), (r) => ({
          name: truncate(r.text),
          path: recordPath.followUp(r.id),
        }))) satisfies DescribeSubjects,
    },
    get,

    list(actor: Actor, q: FollowUpListQuery) {
      const today = clock.today();
      return repo
        .list(db, { ...q, scopeOrgUnitId: followUpsPolicy.scopeOrgUnitId(actor) }, today)
        .then(({ items, total }) => ({ items: items.map((r) => toItem(r, today)), total }));
    },

    /**
     * Open follow-ups due within `withinDays` or overdue, with their days overdue: for the notifications' reminder
     * scan (a background job, so no actor: it reads every unit's).
     */
    async dueForReminders(withinDays: number) {
      const today = clock.today();
      const until = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
      const rows = await repo.dueBy(db, until);
      return rows.map((r) => ({ ...r, daysOverdue: daysOverdue(r, today) }));
    },

    /** Counts by status for the dashboard, over what `actor` may see. */
    summary: (actor: Actor) => repo.summary(db, followUpsPolicy.scopeOrgUnitId(actor), clock.today()),

    /** Called by the conclusions module inside its issuing transaction: one open follow-up per item. */
    async createForConclusion(
      tx: DbOrTx,
      actor: Actor,
      input: { inspectionId: string; conclusionId: string; items: ConclusionItem[] },
    ) {
      const ids: string[] = [];
      for (const item of input.items) {
        const row = await repo.insert(tx, {
          ...item,
          inspectionId: input.inspectionId,
          conclusionId: input.conclusionId,
          status: 'open',
        });
        await audit.record(tx, actor, { action: 'create', entityType: 'followUp', entityId: row.id, after: row });
        ids.push(row.id);
      }
      return ids;
    },

    /**
     * Called by the conclusions module inside a correction's transaction. A follow-up whose finding the
     * correction supersedes moves to the new finding and conclusion, keeping status and history; new items
     * get new follow-ups; follow-ups whose finding the correction dropped are withdrawn.
     */
    async relinkForCorrection(
      tx: DbOrTx,
      actor: Actor,
      input: { inspectionId: string; conclusionId: string; items: CorrectionItem[] },
    ) {
      const active = await repo.activeOfInspection(tx, input.inspectionId);
      const byFinding = new Map(active.map((fu) => [fu.findingId, fu]));
      const kept = new Set<string>();
      for (const { supersedesFindingId, ...item } of input.items) {
        const current = supersedesFindingId ? byFinding.get(supersedesFindingId) : undefined;
        if (!current) {
          const row = await repo.insert(tx, {
            ...item,
            inspectionId: input.inspectionId,
            conclusionId: input.conclusionId,
            status: 'open',
          });
          await audit.record(tx, actor, { action: 'create', entityType: 'followUp', entityId: row.id, after: row });
          continue;
        }
        kept.add(current.id);
        const row = await repo.update(tx, current.id, { ...item, conclusionId: input.conclusionId });
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'followUp',
          entityId: current.id,
          before: current,
          after: row,
        });
      }
      for (const fu of active.filter((f) => !kept.has(f.id))) {
        const row = await repo.update(tx, fu.id, {
          withdrawnAt: clock.now(),
          withdrawnReason: 'dropped_by_correction',
        });
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'followUp',
          entityId: fu.id,
          before: fu,
          after: row,
        });
      }
    },

    /** Follow-ups of an inspection not yet accepted (withdrawn ones excluded): the inspection closes at 0. */
    /** For files: the unit that must act on the follow-up (who may see its evidence). */
    addresseeOf: (tx: DbOrTx, id: string) => repo.addresseeOf(tx, id),
    countUnfinished: (inspectionId: string, tx: DbOrTx = db) => repo.countUnfinished(tx, inspectionId),

    async report(actor: Actor, id: string, input: FollowUpUpdateInput) {
      await db.transaction(async (tx) => {
        const current = await lockForReport(tx, actor, id);
        const row = await repo.update(tx, id, { status: input.status });
        const entry = await repo.addUpdate(tx, {
          followUpId: id,
          action: 'report',
          status: input.status,
          note: input.note,
          authorId: actor.id,
        });
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'followUp',
          entityId: id,
          before: current,
          after: { ...row, update: entry },
        });
      });
      return get(actor, id);
    },

    /** Refuses early, before a route reads an upload it would throw away; `addEvidence` checks again under lock. */
    assertCanAddEvidence: (actor: Actor, id: string) => lockForReport(db, actor, id).then(() => undefined),

    /** Evidence of progress: same right as reporting; the file lands on the follow-up's inspection too. */
    async addEvidence(actor: Actor, id: string, upload: { bytes: Uint8Array; fileName: string }) {
      await db.transaction(async (tx) => {
        const fu = await lockForReport(tx, actor, id);
        const blob = await files.store(tx, upload);
        await files.attach(tx, actor, {
          inspectionId: fu.inspectionId,
          followUpId: id,
          fileName: upload.fileName,
          ...blob,
        });
      });
      return get(actor, id);
    },

    async decide(actor: Actor, id: string, input: FollowUpAcceptanceInput) {
      followUpsPolicy.assertCanAccept(actor);
      await db.transaction(async (tx) => {
        const current = await lockForReport(tx, actor, id);
        if (current.status !== 'done')
          throw invalidTransition(current.status, input.accepted ? 'accepted' : 'returned');
        const row = input.accepted
          ? await repo.update(tx, id, { acceptedAt: clock.now(), acceptedBy: actor.id })
          : await repo.update(tx, id, { status: 'in_progress' });
        const entry = await repo.addUpdate(tx, {
          followUpId: id,
          action: input.accepted ? 'accept' : 'return',
          status: row.status,
          note: input.note ?? null,
          authorId: actor.id,
        });
        await audit.record(tx, actor, {
          action: input.accepted ? 'accept' : 'transition',
          entityType: 'followUp',
          entityId: id,
          before: current,
          after: { ...row, update: entry },
        });
      });
      return get(actor, id);
    },
  };
}
export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
