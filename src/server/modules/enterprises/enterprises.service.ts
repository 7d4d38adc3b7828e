import {
  type CommuneResolution,
  type EnterpriseAccount,
  type EnterpriseAccountQuery,
  type EnterpriseDetail,
  type EnterpriseInput,
  type EnterpriseItem,
  type EnterpriseListQuery,
  type EnterprisePatch,
  VSIC_VERSION,
} from '../../../shared/contracts/enterprises.js';
import { computeSizeClass } from '../../../shared/enterprises/size-class.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { EnterpriseImportRow, EnterprisesBulkRepo } from './enterprises-bulk.repo.js';
import type { EnterpriseRow, EnterprisesRepo } from './enterprises.repo.js';
import { CELL_FIELDS, enterprisesPolicy } from './enterprises.policy.js';
import { limitedTo } from '../../http/authorize.js';
import { roleScopedTo } from '../../../shared/permissions.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

export interface CommuneResolutionResult {
  communeId: string;
  currentCommuneId: string | null;
  communeResolution: CommuneResolution;
}

type ItemRow = NonNullable<Awaited<ReturnType<EnterprisesRepo['getByTaxCode']>>>;

function toItem(r: ItemRow): EnterpriseItem {
  const e = r.row;
  const size = computeSizeClass(e.sectorCode, e.employees, e.revenueVnd, e.capitalVnd);
  const { searchText: _s, isDemo: _d, communeId: _c, currentCommuneId: _cc, ...rest } = e;
  return {
    ...rest,
    commune: r.commune?.id ? r.commune : null,
    currentCommune: r.currentCommune?.id ? r.currentCommune : null,
    sizeReason: { group: size.group, limit: size.limit, by: size.by },
  };
}

export function createEnterprisesService({
  db,
  repo,
  bulk,
  audit,
}: {
  db: Db;
  repo: EnterprisesRepo;
  bulk: EnterprisesBulkRepo;
  audit: AuditService;
}) {
  /**
   * Maps a commune code to the commune as recorded and the commune from 2025-07-01: a current commune
   * directly; an older one through the crosswalk when it passed `whole` to one commune; a split (`part`)
   * commune is left for an officer (`needs_review`), never guessed. Shared with the bulk import.
   * Returns the field issue instead of throwing, so an importer can report it per row.
   */
  async function resolveCommune(
    tx: DbOrTx,
    communeCode: string,
    field = 'body.communeCode',
  ): Promise<CommuneResolutionResult | ReasonIssue> {
    const unit = await repo.communeByCode(tx, communeCode);
    if (!unit || unit.kind !== 'commune') return { field, reason: 'NO_SUCH_COMMUNE' };
    const successors = await repo.successorsOf(tx, unit.id);
    if (!successors.length) {
      // no successor links: a commune valid now, or an expired one nobody mapped (an officer decides)
      return unit.validTo
        ? { communeId: unit.id, currentCommuneId: null, communeResolution: 'needs_review' }
        : { communeId: unit.id, currentCommuneId: unit.id, communeResolution: 'direct' };
    }
    if (successors.length === 1 && successors[0].share === 'whole') {
      return { communeId: unit.id, currentCommuneId: successors[0].id, communeResolution: 'crosswalk' };
    }
    return { communeId: unit.id, currentCommuneId: null, communeResolution: 'needs_review' };
  }

  async function mustResolve(tx: DbOrTx, communeCode: string): Promise<CommuneResolutionResult> {
    const r = await resolveCommune(tx, communeCode);
    if ('field' in r) throw invalid([r]);
    return r;
  }

  /** The optional 2–5 digit code must belong to the chosen section (its division is checked). */
  async function checkIndustry(tx: DbOrTx, sectorCode: string, industryCode: string | null | undefined) {
    if (!industryCode) return;
    const division = await repo.vsic(tx, VSIC_VERSION, industryCode.slice(0, 2));
    if (!division) throw invalid([{ field: 'body.industryCode', reason: 'NO_SUCH_INDUSTRY' }]);
    if (division.sectionCode !== sectorCode)
      throw invalid([
        {
          field: 'body.industryCode',
          reason: 'INDUSTRY_NOT_IN_SECTOR',
          params: { section: division.sectionCode, sector: sectorCode },
        },
      ]);
  }

  // inside a transaction pass `tx`: PGlite has one connection, so a query on `db` there would wait forever
  // an account whose reading of enterprises the catalogue limits to its own (enterprise.read: ownEnterprise) acts for one
  const ownEnterpriseId = (actor: Actor, tx: DbOrTx = db) =>
    limitedTo(actor, 'enterprise.read', 'ownEnterprise')
      ? repo.enterpriseIdOfUser(tx, actor.id)
      : Promise.resolve(null);

  /** The enterprise page, with what `actor` may do with it (the catalogue's answer for this record). */
  async function detail(actor: Actor, taxCode: string): Promise<EnterpriseDetail> {
    const r = await repo.getByTaxCode(db, taxCode);
    if (!r) throw notFound('enterprise', taxCode);
    const successorCommunes =
      r.row.communeResolution === 'needs_review' && r.row.communeId ? await repo.successorsOf(db, r.row.communeId) : [];
    const own = await ownEnterpriseId(actor);
    return {
      ...toItem(r),
      successorCommunes,
      permissions: {
        canEdit: enterprisesPolicy.canEdit(actor, r.row.id, own),
        canEditClassification: enterprisesPolicy.canEditClassification(actor),
        canResolveCommune: enterprisesPolicy.canResolveCommune(actor),
        canManageAccounts: enterprisesPolicy.canManageAccounts(actor),
      },
    };
  }

  async function get(actor: Actor, taxCode: string): Promise<EnterpriseDetail> {
    const row = await repo.getRowByTaxCode(db, taxCode);
    if (!row) throw notFound('enterprise', taxCode);
    enterprisesPolicy.assertCanRead(actor, row.id, await ownEnterpriseId(actor));
    return detail(actor, taxCode);
  }

  async function lockForEdit(tx: DbOrTx, actor: Actor, taxCode: string): Promise<EnterpriseRow> {
    const row = await repo.getRowByTaxCode(tx, taxCode, true);
    if (!row) throw notFound('enterprise', taxCode);
    enterprisesPolicy.assertCanEdit(actor, row.id, await ownEnterpriseId(actor, tx));
    return row;
  }

  return {
    /** How the audit log names enterprises. */
    auditSubjects: {
      enterprise: (async (tx, ids) =>
        subjectsOf(await repo.names(tx, ids), (r) => ({
          name: `${r.name} · ${r.taxCode}`,
          path: recordPath.enterprise(r.taxCode),
        }))) satisfies DescribeSubjects,
    },
    resolveCommune,
    get,
    /** The enterprise an `enterprise` account acts for, or null. */
    ownEnterpriseId,
    /** The active accounts acting for an enterprise (notifications reach them; no permission check). */
    accountIds: (enterpriseId: string, tx: DbOrTx = db) => repo.activeAccountIds(tx, enterpriseId),
    /** The enterprises with active accounts, their names and accounts (notifications; no permission check). */
    withAccounts: (tx: DbOrTx = db) => repo.withAccounts(tx),
    /** For other modules: the row by id (no permission check; callers check their own policy). */
    getRow: (id: string, tx: DbOrTx = db) => repo.getRow(tx, id),
    /** For other modules' lists: id, tax code and name of some enterprises, in one query (no permission check). */
    names: (ids: string[], tx: DbOrTx = db) => repo.names(tx, [...new Set(ids)]),
    /**
     * For other modules' lists searched by enterprise (name, tax code, address; diacritics ignored): the matching ids
     * as a subquery their own query filters by, so the registry alone decides what its search covers (no permission
     * check; one query however many match).
     */
    matchingIds: (q: string, tx: DbOrTx = db) => repo.matchingIds(tx, q),
    /** For a filter by tax code: the enterprise's id, or null (no permission check). */
    idOfTaxCode: async (taxCode: string, tx: DbOrTx = db) => (await repo.getRowByTaxCode(tx, taxCode))?.id ?? null,

    async mine(actor: Actor): Promise<EnterpriseDetail> {
      const id = await ownEnterpriseId(actor);
      const row = id ? await repo.getRow(db, id) : undefined;
      if (!row) throw notFound('enterprise');
      return detail(actor, row.taxCode);
    },

    list(actor: Actor, q: EnterpriseListQuery) {
      enterprisesPolicy.assertCanList(actor);
      return repo.list(db, q).then(({ items, total }) => ({ items: items.map(toItem), total }));
    },

    /** `actor` null: the system (demo seed). */
    async create(actor: Actor, input: EnterpriseInput, opts: { isDemo?: boolean } = {}): Promise<EnterpriseDetail> {
      enterprisesPolicy.assertCanCreate(actor);
      await db.transaction(async (tx) => {
        if (await repo.getRowByTaxCode(tx, input.taxCode)) throw conflict('TAX_CODE_TAKEN', { field: 'body.taxCode' });
        const commune = await mustResolve(tx, input.communeCode);
        await checkIndustry(tx, input.sectorCode, input.industryCode);
        const { communeCode: _c, ...rest } = input;
        const row = await repo.insert(tx, {
          ...rest,
          industryCode: input.industryCode ?? null,
          address: input.address ?? null,
          ...commune,
          vsicVersion: VSIC_VERSION,
          sizeClass: computeSizeClass(input.sectorCode, input.employees, input.revenueVnd, input.capitalVnd).sizeClass,
          isDemo: opts.isDemo ? 1 : 0,
        });
        await audit.record(tx, actor, { action: 'create', entityType: 'enterprise', entityId: row.id, after: row });
      });
      return detail(actor, input.taxCode);
    },

    /** `version`: the one the writer read; checked under the row lock, so a change since is refused (409). */
    async update(actor: Actor, taxCode: string, patch: EnterprisePatch, version: number): Promise<EnterpriseDetail> {
      await db.transaction(async (tx) => {
        const before = await lockForEdit(tx, actor, taxCode);
        if (before.version !== version) throw await audit.staleVersion(tx, 'enterprise', before.id, before.version);
        enterprisesPolicy.assertCanChangeCellFields(
          actor,
          CELL_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== before[f]),
        );
        const { communeCode, ...rest } = patch;
        const merged = { ...before, ...rest };
        const commune = communeCode ? await mustResolve(tx, communeCode) : {};
        if (patch.sectorCode !== undefined || patch.industryCode !== undefined)
          await checkIndustry(tx, merged.sectorCode, merged.industryCode);
        const sizeClass = computeSizeClass(
          merged.sectorCode,
          merged.employees,
          merged.revenueVnd,
          merged.capitalVnd,
        ).sizeClass;
        const row = await repo.update(tx, before.id, { ...rest, ...commune, sizeClass }, before);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'enterprise',
          entityId: before.id,
          before,
          after: row,
        });
      });
      return detail(actor, taxCode);
    },

    /** An officer picks the new commune of an enterprise recorded under a split commune: one of its successors. */
    async resolveRecordedCommune(actor: Actor, taxCode: string, communeCode: string): Promise<EnterpriseDetail> {
      enterprisesPolicy.assertCanResolveCommune(actor);
      await db.transaction(async (tx) => {
        const before = await lockForEdit(tx, actor, taxCode);
        const successors = before.communeId ? await repo.successorsOf(tx, before.communeId) : [];
        const chosen = successors.find((s) => s.code === communeCode);
        if (!chosen)
          throw invalid([
            {
              field: 'body.communeCode',
              reason: 'NOT_A_SUCCESSOR',
              params: { options: successors.map((s) => s.code).join(', ') || '—' },
            },
          ]);
        const row = await repo.update(
          tx,
          before.id,
          { currentCommuneId: chosen.id, communeResolution: 'resolved' },
          before,
        );
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'enterprise',
          entityId: before.id,
          before,
          after: row,
        });
      });
      return detail(actor, taxCode);
    },

    /** Enterprise accounts to link: all of them matching `q` (with the enterprise each acts for now), or one enterprise's. */
    async accounts(actor: Actor, f: EnterpriseAccountQuery & { taxCode?: string }): Promise<EnterpriseAccount[]> {
      enterprisesPolicy.assertCanManageAccounts(actor);
      let enterpriseId: string | undefined;
      if (f.taxCode) {
        const row = await repo.getRowByTaxCode(db, f.taxCode);
        if (!row) throw notFound('enterprise', f.taxCode);
        enterpriseId = row.id;
      }
      const rows = await repo.enterpriseAccounts(db, { enterpriseId, q: f.q, limit: f.limit });
      return rows.map(({ taxCode: tc, enterpriseName, ...u }) => ({
        ...u,
        enterprise: tc ? { taxCode: tc, name: enterpriseName ?? '' } : null,
      }));
    },

    /** Lets a user act for an enterprise (role `enterprise`); actor null: the system (demo seed). */
    async linkUser(actor: Actor, userId: string, taxCode: string) {
      enterprisesPolicy.assertCanManageAccounts(actor);
      await db.transaction(async (tx) => {
        const row = await repo.getRowByTaxCode(tx, taxCode);
        if (!row) throw notFound('enterprise', taxCode);
        const role = await repo.userRole(tx, userId);
        // only an account the catalogue scopes to its own enterprise can act for one
        if (!role || !roleScopedTo(role, 'ownEnterprise'))
          throw invalid([{ field: 'params.userId', reason: role ? 'NOT_ENTERPRISE_ACCOUNT' : 'NO_SUCH_USER' }]);
        await repo.linkUser(tx, userId, row.id);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'enterpriseUser',
          entityId: userId,
          after: { userId, enterpriseId: row.id },
        });
      });
    },

    /** Ends an account's link to an enterprise: it then sees no enterprise data until linked again. */
    async unlinkUser(actor: Actor, userId: string, taxCode: string) {
      enterprisesPolicy.assertCanManageAccounts(actor);
      await db.transaction(async (tx) => {
        const row = await repo.getRowByTaxCode(tx, taxCode);
        if (!row) throw notFound('enterprise', taxCode);
        if (!(await repo.unlinkUser(tx, userId, row.id))) throw notFound('enterprise account', userId);
        await audit.record(tx, actor, {
          action: 'delete',
          entityType: 'enterpriseUser',
          entityId: userId,
          before: { userId, enterpriseId: row.id },
        });
      });
    },

    listVsic: (version = VSIC_VERSION, level?: number) => repo.listVsic(db, version, level),

    /** For the bulk import, inside its batch transaction (the importer validates rows and audits the batch). */
    upsertImported: (tx: DbOrTx, rows: EnterpriseImportRow[]) => bulk.upsertEnterprises(tx, rows),
    /** What the assessment import needs of each enterprise in a batch. */
    byTaxCodes: (tx: DbOrTx, taxCodes: string[]) => bulk.enterprisesByTaxCode(tx, taxCodes),
  };
}
export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
/** The row the DX import hands to `importBatch`. */
export type { EnterpriseImportRow };
