import type { FollowUpItem } from '../../../shared/contracts/follow-ups.js';
import type { PublicFeed, PublicationState, WithdrawInput } from '../../../shared/contracts/publications.js';
import type { InspectionStatus } from '../../../shared/domain.js';
import { recordPath } from '../../../shared/record-paths.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { allows, authorId, authorize, SYSTEM_ACTOR } from '../../http/authorize.js';
import type { Actor } from '../../http/context.js';
import { conflict, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { subjectsOf, type AuditService, type DescribeSubjects } from '../audit/audit.service.js';
import type { FollowUpsService } from '../follow-ups/follow-ups.service.js';
import type { InspectionsService } from '../inspections/inspections.service.js';
import type { ProgramsService } from '../programs/programs.service.js';
import type { PublicationRow, PublicationsRepo } from './publications.repo.js';

/** How long a public page is served from memory; publishing or withdrawing here drops it at once. */
const FEED_TTL_MS = 60_000;
const PAGE = 500;
// a conclusion has been issued (and possibly corrected) in these states
const ISSUED: readonly InspectionStatus[] = ['issued', 'follow_up', 'closed'];

/** What of a follow-up the public may see: no names, no notes, no evidence (issue 14 §3). */
const publicItem = (fu: FollowUpItem) => ({
  kind: fu.kind,
  text: fu.text,
  addressee: fu.addressee.name,
  dueDate: fu.dueDate,
  status: fu.status,
  accepted: fu.accepted !== null,
  overdue: fu.overdue,
  daysOverdue: fu.daysOverdue,
});

export function createPublicationsService({
  db,
  repo,
  audit,
  clock,
  inspections,
  programs,
  followUps,
}: {
  db: Db;
  repo: PublicationsRepo;
  audit: AuditService;
  clock: Clock;
  inspections: Pick<InspectionsService, 'get' | 'auditSubjects'>;
  programs: Pick<ProgramsService, 'byCode' | 'getRow'>;
  followUps: Pick<FollowUpsService, 'list'>;
}) {
  const feeds = new Map<string, { at: number; feed: PublicFeed }>();

  function state(actor: Actor, inspectionId: string, row: PublicationRow | undefined): PublicationState {
    const manage = allows(actor, 'publication.manage');
    const published = !!row && !row.withdrawnAt;
    return {
      inspectionId,
      published,
      publishedAt: row?.publishedAt ?? null,
      withdrawnAt: row?.withdrawnAt ?? null,
      withdrawReason: row?.withdrawReason ?? null,
      publicPath: row ? recordPath.publicProgram(row.programId) : null,
      version: row?.version ?? 0,
      permissions: { publish: manage && !published, withdraw: manage && published },
    };
  }

  /** Every follow-up of an inspection that is not withdrawn, as the follow-ups module lists them (overdue as of today). */
  async function itemsOf(inspectionId: string) {
    const items: FollowUpItem[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await followUps.list(SYSTEM_ACTOR, { inspectionId, limit: PAGE, offset });
      items.push(...page.items);
      if (items.length >= page.total || !page.items.length) return items;
    }
  }

  async function buildFeed(programId: string): Promise<PublicFeed> {
    const program = await programs.getRow(db, programId);
    if (!program) throw notFound('program', programId);
    const published = await repo.currentOfProgram(db, programId);
    const blocks = await Promise.all(
      published.map(async (p) => {
        const items = await itemsOf(p.inspectionId);
        const first = items[0];
        // an inspection whose conclusion asked for nothing has nothing to show
        if (!first) return null;
        return {
          inspectedUnit: first.inspection.targetName,
          planCode: first.inspection.planCode,
          conclusion: { number: first.conclusion.number, year: first.conclusion.year },
          publishedAt: p.publishedAt,
          recommendations: items.map(publicItem),
        };
      }),
    );
    return {
      program: { id: program.id, code: program.code, title: program.title },
      asOf: clock.today(),
      generatedAt: clock.now(),
      inspections: blocks.filter((b) => b !== null),
    };
  }

  return {
    /** How the audit log names a publication: by its inspection (and links to the inspection's page). */
    auditSubjects: {
      publication: (async (tx, ids) => {
        const rows = await repo.subjectRows(tx, ids);
        const named = await inspections.auditSubjects.inspection(
          tx,
          rows.map((r) => r.inspectionId),
        );
        return subjectsOf(rows, (r) => named.get(r.inspectionId) ?? null);
      }) satisfies DescribeSubjects,
    },

    async get(actor: Actor, inspectionId: string) {
      // reading the state is as private as the inspection itself
      await inspections.get(actor, inspectionId);
      return state(actor, inspectionId, await repo.get(db, inspectionId));
    },

    /** Makes the inspection's recommendations and their status public; publishing what is published changes nothing. */
    async publish(actor: Actor, inspectionId: string) {
      authorize(actor, 'publication.manage');
      const inspection = await inspections.get(actor, inspectionId);
      if (!ISSUED.includes(inspection.status)) throw conflict('NOT_ISSUED_YET', { status: inspection.status });
      const program = await programs.byCode(db, inspection.plan.programCode);
      if (!program) throw notFound('program', inspection.plan.programCode);
      const row = await db.transaction(async (tx: DbOrTx) => {
        const before = await repo.get(tx, inspectionId);
        const published = await repo.publish(tx, { inspectionId, programId: program.id, by: authorId(actor) });
        if (published)
          await audit.record(tx, actor, {
            action: 'publish',
            entityType: 'publication',
            entityId: published.id,
            before,
            after: published,
          });
        // already published (maybe by a concurrent call that committed while this one waited on the row): read it now
        return published ?? (await repo.get(tx, inspectionId));
      });
      feeds.delete(program.id);
      return state(actor, inspectionId, row);
    },

    /** Takes a publication back, with the reason the audit log keeps. */
    async withdraw(actor: Actor, inspectionId: string, input: WithdrawInput) {
      authorize(actor, 'publication.manage');
      await inspections.get(actor, inspectionId);
      const row = await db.transaction(async (tx: DbOrTx) => {
        const before = await repo.get(tx, inspectionId);
        if (!before || before.withdrawnAt) throw conflict('NOT_PUBLISHED');
        const after = await repo.withdraw(tx, {
          inspectionId,
          by: authorId(actor),
          reason: input.reason,
          version: input.version,
        });
        if (!after) throw await audit.staleVersion(tx, 'publication', before.id, before.version);
        await audit.record(tx, actor, {
          action: 'withdraw',
          entityType: 'publication',
          entityId: after.id,
          before,
          after,
        });
        return after;
      });
      feeds.delete(row.programId);
      return state(actor, inspectionId, row);
    },

    /** Programs that have something published (the public index). */
    async publicPrograms() {
      const rows = await repo.programsWithPublications(db);
      const items = await Promise.all(
        rows.map(async (r) => {
          const p = await programs.getRow(db, r.programId);
          return p ? { id: p.id, code: p.code, title: p.title, inspections: r.n } : null;
        }),
      );
      return { items: items.filter((i) => i !== null).sort((a, b) => a.code.localeCompare(b.code)) };
    },

    /**
     * A program's public page: only what is published now. Served from memory for a minute (the page is public and
     * may be hit hard); another instance may serve a withdrawn item for at most that long.
     */
    async publicFeed(programId: string) {
      const hit = feeds.get(programId);
      if (hit && Date.now() - hit.at < FEED_TTL_MS) return hit.feed;
      const feed = await buildFeed(programId);
      feeds.set(programId, { at: Date.now(), feed });
      return feed;
    },
  };
}
export type PublicationsService = ReturnType<typeof createPublicationsService>;
