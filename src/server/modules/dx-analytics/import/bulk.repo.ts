import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, orgUnits, orgUnitSuccessors } from '../../../db/schema/index.js';

export type EnterpriseRow = typeof enterprises.$inferInsert;

const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/** Bulk statements of the import: one multi-row statement per batch, never one per row. */
export function createBulkRepo() {
  return {
    /** Every commune (pre-2025 and from 2025-07-01) with its successors, to resolve codes in memory. */
    async communes(db: DbOrTx) {
      const units = await db.select({ id: orgUnits.id, code: orgUnits.code, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo })
        .from(orgUnits).where(sql`${orgUnits.kind} = 'commune'`);
      const links = await db.select({ from: orgUnitSuccessors.predecessorId, to: orgUnitSuccessors.successorId, share: orgUnitSuccessors.share }).from(orgUnitSuccessors);
      return { units, links };
    },

    /** Insert or update by tax code (the registry's key), so a rerun or a duplicate row changes nothing twice. */
    async upsertEnterprises(tx: DbOrTx, rows: EnterpriseRow[]) {
      if (!rows.length) return;
      const ex = (c: string) => sql.raw(`excluded.${c}`);
      await tx.insert(enterprises).values(rows).onConflictDoUpdate({
        target: enterprises.taxCode,
        set: {
          name: ex('name'), address: ex('address'), communeId: ex('commune_id'), currentCommuneId: ex('current_commune_id'),
          communeResolution: ex('commune_resolution'), vsicVersion: ex('vsic_version'), sectorCode: ex('sector_code'),
          industryCode: ex('industry_code'), employees: ex('employees'), revenueVnd: ex('revenue_vnd'), capitalVnd: ex('capital_vnd'),
          sizeClass: ex('size_class'), isDemo: ex('is_demo'), searchText: ex('search_text'), updatedAt: sql`now()`,
        },
      });
    },

    async enterprisesByTaxCode(tx: DbOrTx, taxCodes: string[]) {
      if (!taxCodes.length) return [];
      return tx.select({
        id: enterprises.id, taxCode: enterprises.taxCode, currentCommuneId: enterprises.currentCommuneId,
        sectorCode: enterprises.sectorCode, sizeClass: enterprises.sizeClass,
      }).from(enterprises).where(inArray(enterprises.taxCode, taxCodes));
    },

    rowsOf,
  };
}
export type BulkRepo = ReturnType<typeof createBulkRepo>;
