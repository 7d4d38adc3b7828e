import type {
  Enrolment,
  EnrolmentImportResult,
  EnrolmentInput,
  EnrolmentListQuery,
  EnrolmentPatch,
  ImpactResult,
  SupportGiven,
  SupportGivenInput,
  SupportGivenPatch,
  SupportKind,
  SupportProgram,
  SupportProgramDetail,
  SupportProgramInput,
  SupportProgramPatch,
} from '../../../shared/contracts/support-programs.js';
import { enrolmentInput } from '../../../shared/contracts/support-programs.js';
import type { SizeClass } from '../../../shared/enterprises/size-class.js';
import { dayFirstToIso } from '../../../shared/dates.js';
import { citationVi, cohortMaxBudget, formatVnd } from '../../../shared/support/decree80.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { authorId, limitedTo } from '../../http/authorize.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound, schemaRowIssue, toRowIssue } from '../../http/errors.js';
import { subjectsOf, type AuditService, type DescribeSubjects } from '../audit/audit.service.js';
import type { DxAnalyticsService } from '../dx-analytics/dx-analytics.service.js';
import type { DxAssessmentsService } from '../dx-assessments/dx-assessments.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import { openRows, rowValues } from '../dx-analytics/dx-analytics.service.js';
import { publishImpact } from './impact.js';
import { supportProgramsPolicy as policy } from './support-programs.policy.js';
import type { EnrolmentRow, SupportGivenRow, SupportProgramRow, SupportProgramsRepo } from './support-programs.repo.js';

/** The columns of an enrolment import (CSV or XLSX, first sheet): the header row names them. */
export const ENROLMENT_COLUMNS = ['taxCode', 'enrolledOn', 'note'] as const;
/** More rows than a program's cohort ever has: a file beyond it is refused whole. */
const MAX_IMPORT_ROWS = 20_000;

export function createSupportProgramsService({
  db,
  repo,
  audit,
  enterprises,
  assessments,
  analytics,
}: {
  db: Db;
  repo: SupportProgramsRepo;
  audit: AuditService;
  enterprises: Pick<EnterprisesService, 'names' | 'ownEnterpriseId' | 'idOfTaxCode' | 'byTaxCodes'>;
  assessments: Pick<DxAssessmentsService, 'views'>;
  analytics: Pick<DxAnalyticsService, 'suppress'>;
}) {
  const toProgram = (r: SupportProgramRow, agg?: { enrolled: number; givenVnd: number }): SupportProgram => ({
    id: r.id,
    name: r.name,
    legalBasis: r.legalBasis,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    budgetVnd: r.budgetVnd,
    kinds: r.kinds as SupportKind[],
    enrolled: agg?.enrolled ?? 0,
    givenVnd: agg?.givenVnd ?? 0,
    version: r.version,
  });

  const toGiven = (g: SupportGivenRow): SupportGiven => ({
    id: g.id,
    enrolmentId: g.enrolmentId,
    kind: g.kind as SupportKind,
    provider: g.provider,
    amountVnd: g.amountVnd,
    givenOn: g.givenOn,
    version: g.version,
  });

  /** The size classes of the firms enrolled in a program (the registry's current class). */
  async function cohortCounts(tx: DbOrTx, programId: string) {
    const ids = await repo.enrolledEnterpriseIds(tx, programId);
    const counts: Partial<Record<SizeClass, number>> = {};
    for (const e of await enterprises.names(ids, tx)) counts[e.sizeClass] = (counts[e.sizeClass] ?? 0) + 1;
    return counts;
  }

  async function detail(actor: Actor, row: SupportProgramRow, tx: DbOrTx = db): Promise<SupportProgramDetail> {
    const agg = (await repo.aggregates(tx, [row.id])).get(row.id);
    const program = toProgram(row, agg);
    const { byClass, totalVnd, items } = cohortMaxBudget(await cohortCounts(tx, row.id), program.kinds);
    return {
      ...program,
      cohortBudget: {
        byClass,
        totalVnd,
        totalText: formatVnd(totalVnd),
        unconfirmed: items.some((i) => !i.confirmed),
        items: items.map((i) => ({ code: i.code, kind: i.kind, citation: citationVi(i.citation) })),
      },
      permissions: {
        edit: policy.canManage(actor),
        enrol: policy.canManage(actor),
        readEnrolments: policy.canReadEnrolments(actor),
        readImpact: policy.canReadImpact(actor),
      },
    };
  }

  async function mustProgram(tx: DbOrTx, id: string, lock = false) {
    const row = await repo.getProgram(tx, id, lock);
    if (!row) throw notFound('supportProgram', id);
    return row;
  }

  /** Enrolments with their program, firm and support given, in a few queries whatever their number. */
  async function toEnrolments(actor: Actor, rows: EnrolmentRow[], tx: DbOrTx = db): Promise<Enrolment[]> {
    const [programs, firms, given] = await Promise.all([
      Promise.all([...new Set(rows.map((r) => r.programId))].map((id) => repo.getProgram(tx, id))),
      enterprises.names(
        rows.map((r) => r.enterpriseId),
        tx,
      ),
      repo.givenOf(
        tx,
        rows.map((r) => r.id),
      ),
    ]);
    const programById = new Map(programs.filter((p) => !!p).map((p) => [p.id, p]));
    const firmById = new Map(firms.map((f) => [f.id, f]));
    const edit = policy.canManage(actor);
    return rows.map((r) => {
      const p = programById.get(r.programId)!;
      const f = firmById.get(r.enterpriseId)!;
      const support = given.filter((g) => g.enrolmentId === r.id).map(toGiven);
      return {
        id: r.id,
        program: { id: p.id, name: p.name, periodFrom: p.periodFrom, periodTo: p.periodTo },
        enterprise: { id: f.id, taxCode: f.taxCode, name: f.name, sizeClass: f.sizeClass },
        enrolledOn: r.enrolledOn,
        note: r.note,
        source: r.source,
        support,
        givenVnd: support.reduce((s, g) => s + g.amountVnd, 0),
        version: r.version,
        permissions: { edit },
      };
    });
  }

  async function readableEnrolment(actor: Actor, id: string, tx: DbOrTx = db) {
    const row = await repo.getEnrolment(tx, id);
    if (!row) throw notFound('supportEnrolment', id);
    const own = limitedTo(actor, 'supportEnrolment.read', 'ownEnterprise')
      ? await enterprises.ownEnterpriseId(actor, tx)
      : null;
    policy.assertCanReadEnrolment(actor, row.enterpriseId, own);
    return row;
  }

  return {
    /** How the audit log names support records. */
    auditSubjects: {
      supportProgram: (async (tx, ids) =>
        subjectsOf(await repo.programNames(tx, ids), (r) => ({
          name: r.name,
          path: `/support-programs/${r.id}`,
        }))) satisfies DescribeSubjects,
    },

    /**
     * For the DX analytics' change by support program (port `supportEnrolments`): every enrolment as a subquery
     * (enterpriseId, supportProgramId) its own statement joins, and programs' names by id. No permission check: the
     * analytics answers aggregates under its own small-cell rule.
     */
    views: { enrolments: () => repo.enrolmentsSubquery(db) },
    names: async (ids: string[]) =>
      new Map((await repo.programNames(db, [...new Set(ids)])).map((r) => [r.id, r.name] as [string, string])),

    async list(actor: Actor, q: { q?: string; limit: number; offset: number }) {
      policy.assertCanRead(actor);
      const { items, total } = await repo.listPrograms(db, q);
      const agg = await repo.aggregates(
        db,
        items.map((i) => i.id),
      );
      return { items: items.map((r) => toProgram(r, agg.get(r.id))), total };
    },

    async get(actor: Actor, id: string) {
      policy.assertCanRead(actor);
      return detail(actor, await mustProgram(db, id));
    },

    async create(actor: Actor, input: SupportProgramInput) {
      policy.assertCanManage(actor);
      return db.transaction(async (tx: DbOrTx) => {
        const row = await repo.insertProgram(tx, { ...input, createdBy: authorId(actor) });
        await audit.record(tx, actor, { action: 'create', entityType: 'supportProgram', entityId: row.id, after: row });
        return detail(actor, row, tx);
      });
    },

    async update(actor: Actor, id: string, patch: SupportProgramPatch, version: number) {
      policy.assertCanManage(actor);
      return db.transaction(async (tx: DbOrTx) => {
        const before = await mustProgram(tx, id, true);
        const periodFrom = patch.periodFrom ?? before.periodFrom;
        const periodTo = patch.periodTo ?? before.periodTo;
        if (periodTo < periodFrom) throw invalid([{ field: 'body.periodTo', reason: 'DATE_BEFORE_START' }]);
        const after = await repo.updateProgram(tx, id, version, patch);
        if (!after) throw await audit.staleVersion(tx, 'supportProgram', id, before.version);
        await audit.record(tx, actor, { action: 'update', entityType: 'supportProgram', entityId: id, before, after });
        return detail(actor, after, tx);
      });
    },

    /** Enrolments: a program's (staff), or the caller's own firm's (an enterprise account), newest first. */
    async enrolments(actor: Actor, q: EnrolmentListQuery) {
      const own = limitedTo(actor, 'supportEnrolment.read', 'ownEnterprise');
      // staff: the grant is everywhere or nowhere (403)
      if (!own) policy.assertCanReadEnrolment(actor, '', null);
      let enterpriseId: string | undefined;
      if (own) {
        const mine = await enterprises.ownEnterpriseId(actor);
        if (!mine) return { items: [], total: 0 };
        enterpriseId = mine;
      }
      if (q.taxCode) {
        const id = await enterprises.idOfTaxCode(q.taxCode);
        if (!id || (enterpriseId && id !== enterpriseId)) return { items: [], total: 0 };
        enterpriseId = id;
      }
      const { items, total } = await repo.listEnrolments(db, {
        programId: q.programId,
        enterpriseId,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: await toEnrolments(actor, items), total };
    },

    async enrolment(actor: Actor, id: string) {
      const row = await readableEnrolment(actor, id);
      return (await toEnrolments(actor, [row]))[0];
    },

    /** Enrols one firm by tax code (409 ALREADY_ENROLLED when it is). */
    async enrol(actor: Actor, programId: string, input: EnrolmentInput) {
      policy.assertCanManage(actor);
      return db.transaction(async (tx: DbOrTx) => {
        await mustProgram(tx, programId);
        const enterpriseId = await enterprises.idOfTaxCode(input.taxCode, tx);
        if (!enterpriseId) throw invalid([{ field: 'body.taxCode', reason: 'NO_SUCH_ENTERPRISE' }]);
        const [row] = await repo.insertEnrolments(tx, [
          {
            programId,
            enterpriseId,
            enrolledOn: input.enrolledOn,
            note: input.note ?? null,
            source: 'manual',
            createdBy: authorId(actor),
          },
        ]);
        if (!row) throw conflict('ALREADY_ENROLLED');
        await audit.record(tx, actor, {
          action: 'create',
          entityType: 'supportEnrolment',
          entityId: row.id,
          after: row,
        });
        return (await toEnrolments(actor, [row], tx))[0];
      });
    },

    /**
     * Enrols the firms of a CSV or XLSX file (columns taxCode, enrolledOn, note), with the DX import's reader and
     * the API's own schema per row. Every row is checked first; one bad row and nothing is written (each error
     * named by row and column); firms already enrolled are counted, not changed.
     */
    async importEnrolments(
      actor: Actor,
      programId: string,
      file: { path: string; name: string },
    ): Promise<EnrolmentImportResult> {
      policy.assertCanManage(actor);
      await mustProgram(db, programId);
      const { header, rows } = await openRows(file.path, file.name);
      const missingColumns = ENROLMENT_COLUMNS.filter((c) => c !== 'note' && !header.includes(c));
      if (missingColumns.length)
        return {
          applied: false,
          rows: 0,
          created: 0,
          alreadyEnrolled: 0,
          errors: missingColumns.map((c) => toRowIssue(1, { field: c, reason: 'IMPORT_COLUMN_MISSING' })),
        };
      const errors: EnrolmentImportResult['errors'] = [];
      const valid: { row: number; taxCode: string; enrolledOn: string; note: string | null }[] = [];
      const seen = new Map<string, number>();
      let count = 0;
      for await (const r of rows) {
        if (++count > MAX_IMPORT_ROWS) {
          errors.push(
            toRowIssue(r.row, { field: 'file', reason: 'IMPORT_TOO_MANY_ROWS', params: { max: MAX_IMPORT_ROWS } }),
          );
          break;
        }
        const v = rowValues(r);
        const parsed = enrolmentInput.safeParse({
          taxCode: v.taxCode ?? '',
          enrolledOn: dayFirstToIso(v.enrolledOn ?? ''),
          note: v.note ? v.note : null,
        });
        if (!parsed.success) {
          const fields = new Set<string>();
          for (const i of parsed.error.issues) {
            const field = String(i.path[0] ?? '');
            if (fields.has(field)) continue;
            fields.add(field);
            errors.push(schemaRowIssue(r.row, field, i));
          }
          continue;
        }
        const first = seen.get(parsed.data.taxCode);
        if (first !== undefined) {
          errors.push(toRowIssue(r.row, { field: 'taxCode', reason: 'IMPORT_SAME_TAX_CODE', params: { row: first } }));
          continue;
        }
        seen.set(parsed.data.taxCode, r.row);
        valid.push({ row: r.row, ...parsed.data, note: parsed.data.note ?? null });
      }
      const found = new Map(
        (
          await enterprises.byTaxCodes(
            db,
            valid.map((v) => v.taxCode),
          )
        ).map((e) => [e.taxCode, e.id]),
      );
      for (const v of valid)
        if (!found.has(v.taxCode)) errors.push(toRowIssue(v.row, { field: 'taxCode', reason: 'NO_SUCH_ENTERPRISE' }));
      errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
      if (errors.length) return { applied: false, rows: count, created: 0, alreadyEnrolled: 0, errors };
      const created = await db.transaction(async (tx: DbOrTx) => {
        const inserted = await repo.insertEnrolments(
          tx,
          valid.map((v) => ({
            programId,
            enterpriseId: found.get(v.taxCode)!,
            enrolledOn: v.enrolledOn,
            note: v.note,
            source: 'import' as const,
            createdBy: authorId(actor),
          })),
        );
        for (const row of inserted)
          await audit.record(tx, actor, {
            action: 'create',
            entityType: 'supportEnrolment',
            entityId: row.id,
            after: { ...row, importFile: file.name },
          });
        return inserted.length;
      });
      return { applied: true, rows: count, created, alreadyEnrolled: valid.length - created, errors: [] };
    },

    async updateEnrolment(actor: Actor, id: string, patch: EnrolmentPatch, version: number) {
      policy.assertCanManage(actor);
      return db.transaction(async (tx: DbOrTx) => {
        const before = await repo.getEnrolment(tx, id, true);
        if (!before) throw notFound('supportEnrolment', id);
        const after = await repo.updateEnrolment(tx, id, version, {
          ...(patch.enrolledOn !== undefined ? { enrolledOn: patch.enrolledOn } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
        });
        if (!after) throw await audit.staleVersion(tx, 'supportEnrolment', id, before.version);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'supportEnrolment',
          entityId: id,
          before,
          after,
        });
        return (await toEnrolments(actor, [after], tx))[0];
      });
    },

    /** Records support given to an enrolled firm. */
    async addSupport(actor: Actor, enrolmentId: string, input: SupportGivenInput) {
      policy.assertCanManage(actor);
      return db.transaction(async (tx: DbOrTx) => {
        const enrolment = await repo.getEnrolment(tx, enrolmentId, true);
        if (!enrolment) throw notFound('supportEnrolment', enrolmentId);
        const row = await repo.insertGiven(tx, { ...input, enrolmentId, createdBy: authorId(actor) });
        await audit.record(tx, actor, { action: 'create', entityType: 'supportGiven', entityId: row.id, after: row });
        return toGiven(row);
      });
    },

    async updateSupport(actor: Actor, id: string, patch: SupportGivenPatch, version: number) {
      policy.assertCanManage(actor);
      return db.transaction(async (tx: DbOrTx) => {
        const before = await repo.getGiven(tx, id);
        if (!before) throw notFound('supportGiven', id);
        const after = await repo.updateGiven(tx, id, version, patch);
        if (!after) throw await audit.staleVersion(tx, 'supportGiven', id, before.version);
        await audit.record(tx, actor, { action: 'update', entityType: 'supportGiven', entityId: id, before, after });
        return toGiven(after);
      });
    },

    /**
     * Impact of support: the program's firms against similar firms not in it (the rule: impact.ts), with the caveat,
     * under the DX analytics' small-cell rule. The start is the latest score in or before the year before the program
     * began. Firms are paired and grouped in one SQL statement (the assessments' subquery joined with the
     * enrolments): the server receives one row per group, not every scored assessment.
     */
    async impact(actor: Actor, programId: string): Promise<ImpactResult> {
      policy.assertCanReadImpact(actor);
      const program = await mustProgram(db, programId);
      const baselineYear = Number(program.periodFrom.slice(0, 4)) - 1;
      const [groups, enrolled] = await Promise.all([
        repo.impactGroups(db, programId, assessments.views.impactPairs(baselineYear)),
        repo.enrolledCount(db, programId),
      ]);
      return publishImpact(programId, groups, enrolled, baselineYear, (cells) => analytics.suppress(cells));
    },
  };
}
export type SupportProgramsService = ReturnType<typeof createSupportProgramsService>;
