import type { CommitteeInput, ProgramInput, ProgramPatch } from '../../../shared/contracts/programs.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrgUnitsService } from '../org-units/org-units.service.js';
import { programsPolicy } from './programs.policy.js';
import type { ProgramsRepo } from './programs.repo.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

export function createProgramsService({
  db,
  repo,
  orgUnits,
  audit,
  defaultEscalationDays,
}: {
  db: Db;
  repo: ProgramsRepo;
  orgUnits: Pick<OrgUnitsService, 'exists'>;
  audit: AuditService;
  /** ESCALATION_DAYS: the escalation day of a program that sets none */
  defaultEscalationDays: number;
}) {
  async function checkRefs(next: Partial<ProgramInput>, selfId?: string) {
    const issues: ReasonIssue[] = [];
    if (next.periodStart !== undefined && next.periodEnd !== undefined && next.periodEnd < next.periodStart) {
      issues.push({ field: 'body.periodEnd', reason: 'YEAR_BEFORE_START' });
    }
    for (const field of ['issuerOrgUnitId', 'steeringCommitteeOrgUnitId'] as const) {
      const id = next[field];
      if (id && !(await orgUnits.exists(db, id))) issues.push({ field: `body.${field}`, reason: 'NO_SUCH_ORG_UNIT' });
    }
    if (issues.length) throw invalid(issues);
    if (next.code) {
      const same = await repo.getByCode(db, next.code);
      if (same && same.id !== selfId) throw conflict('CODE_TAKEN', { field: 'body.code' });
    }
  }

  /** 409 naming the program's current version and who changed it last (the program or its committee). */
  async function stale(tx: DbOrTx, id: string) {
    const now = await repo.getRow(tx, id);
    if (!now) return notFound('program', id);
    return audit.staleVersion(tx, ['program', 'programCommittee'], id, now.version);
  }

  async function get(id: string) {
    const row = await repo.get(db, id);
    if (!row) throw notFound('program', id);
    return { ...row, committee: await repo.committee(db, id), defaultEscalationDays };
  }

  return {
    /** How the audit log names programs (and their committee and monitoring settings, kept by program id). */
    auditSubjects: (() => {
      const describe: DescribeSubjects = async (tx, ids) =>
        subjectsOf(await repo.subjectRows(tx, ids), (r) => ({
          name: `${r.code} · ${r.title}`,
          path: recordPath.program(r.id),
        }));
      return { program: describe, programCommittee: describe, programMonitoringSettings: describe };
    })(),
    list: (f: { q?: string; limit: number; offset: number }) => repo.list(db, f),
    /** The program's row (other modules check a program exists, or read its period). */
    getRow: (tx: DbOrTx, id: string) => repo.getRow(tx, id),
    /** The program with this code (codes are unique), or undefined. */
    byCode: (tx: DbOrTx, code: string) => repo.getByCode(tx, code),
    /** A program as a plan's page heads with it (code, title, issuer, committee), or undefined; no permission check. */
    heading: (id: string, tx: DbOrTx = db) => repo.heading(tx, id),
    /** The programs' codes (`id`, `code`) as a subquery to join in another module's statement. */
    codes: () => repo.codes(db),
    /** The first program set up (Program 07 in the demo): the one to show when none is named. */
    first: (tx: DbOrTx) => repo.first(tx),
    get,
    /** Each program's escalation day (its own, or the default), by id: the reminder scan asks for its follow-ups'. */
    async escalationDays(ids: string[], tx: DbOrTx = db) {
      const own = new Map((await repo.escalationDays(tx, [...new Set(ids)])).map((r) => [r.id, r.days!]));
      return new Map(ids.map((id) => [id, own.get(id) ?? defaultEscalationDays]));
    },

    /** `actor` null: the system itself (demo seed); routes always pass a user. */
    async create(actor: Actor, input: ProgramInput) {
      programsPolicy.assertCanWrite(actor);
      await checkRefs(input);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, input);
        await audit.record(tx, actor, { action: 'create', entityType: 'program', entityId: row.id, after: row });
        return row.id;
      });
      return get(id);
    },

    /** `version`: the one the writer read; a program changed since (its committee too) is refused (409). */
    async update(actor: Actor, id: string, patch: ProgramPatch, version: number) {
      programsPolicy.assertCanWrite(actor);
      const current = await repo.getRow(db, id);
      if (!current) throw notFound('program', id);
      if (current.version !== version) throw await stale(db, id);
      await checkRefs({ ...current, ...patch }, id);
      await db.transaction(async (tx) => {
        // matches on the version in the same statement: of two writers from one version, the second changes nothing
        const row = await repo.update(tx, id, patch, current, version);
        if (!row) throw await stale(tx, id);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'program',
          entityId: id,
          before: current,
          after: row,
        });
      });
      return get(id);
    },

    /**
     * Replaces the steering committee as a whole, in the order given. The committee is part of the program: the
     * write names the program's `version` and moves it (+1), so a committee and a program edit cannot cross.
     */
    async setCommittee(actor: Actor, id: string, input: CommitteeInput, version: number) {
      programsPolicy.assertCanWrite(actor);
      const current = await repo.getRow(db, id);
      if (!current) throw notFound('program', id);
      if (current.version !== version) throw await stale(db, id);
      const known = await repo.existingPeople(
        db,
        input.members.map((m) => m.personId),
      );
      const unknown = input.members.flatMap((m, i) =>
        known.has(m.personId) ? [] : [{ field: `body.members.${i}.personId`, reason: 'NO_SUCH_PERSON' as const }],
      );
      if (unknown.length) throw invalid(unknown);
      await db.transaction(async (tx) => {
        // first, so that a stale write changes nothing (the row lock it takes also orders concurrent replacements)
        if (!(await repo.update(tx, id, {}, current, version))) throw await stale(tx, id);
        const before = await repo.committee(tx, id);
        await repo.replaceCommittee(tx, id, input.members);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'programCommittee',
          entityId: id,
          before,
          after: input.members,
        });
      });
      return get(id);
    },
  };
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
