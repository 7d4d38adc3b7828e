import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.js';
import { copyFrom, copyLine } from '../../db/copy.js';
import type { enterprises } from '../../db/schema/index.js';

/** A registry row as the bulk import writes it (validated and resolved by the importer). */
export type EnterpriseImportRow = typeof enterprises.$inferInsert;

/** The registry's bulk statements: one multi-row statement per import batch, never one per row. */
export function createEnterprisesBulkRepo() {
  return {
    /** Insert or update by tax code (the registry's key), so a rerun or a duplicate row changes nothing twice. */
    async upsertEnterprises(tx: DbOrTx, rows: EnterpriseImportRow[]) {
      if (!rows.length) return;
      // COPY into a temporary table, then one insert … on conflict: no per-row statement, no bound values
      await tx.execute(sql`create temp table enterprise_import_stage (tax_code text, name text, address text, commune_id uuid,
        current_commune_id uuid, commune_resolution text, vsic_version text, sector_code text, industry_code text, employees int,
        revenue_vnd bigint, capital_vnd bigint, size_class text, is_demo smallint, search_text text) on commit drop`);
      await copyFrom(
        tx,
        'enterprise_import_stage',
        rows.map((r) =>
          copyLine([
            r.taxCode,
            r.name,
            r.address ?? null,
            r.communeId ?? null,
            r.currentCommuneId ?? null,
            r.communeResolution,
            r.vsicVersion,
            r.sectorCode,
            r.industryCode ?? null,
            r.employees,
            r.revenueVnd,
            r.capitalVnd,
            r.sizeClass,
            r.isDemo ?? 0,
            r.searchText,
          ]),
        ),
      );
      await tx.execute(sql`
        insert into enterprises (tax_code, name, address, commune_id, current_commune_id, commune_resolution, vsic_version, sector_code,
          industry_code, employees, revenue_vnd, capital_vnd, size_class, is_demo, search_text)
        select * from enterprise_import_stage
        on conflict (tax_code) do update set
          name = excluded.name, address = excluded.address, commune_id = excluded.commune_id, current_commune_id = excluded.current_commune_id,
          commune_resolution = excluded.commune_resolution, vsic_version = excluded.vsic_version, sector_code = excluded.sector_code,
          industry_code = excluded.industry_code, employees = excluded.employees, revenue_vnd = excluded.revenue_vnd,
          capital_vnd = excluded.capital_vnd, size_class = excluded.size_class, is_demo = excluded.is_demo,
          search_text = excluded.search_text, version = enterprises.version + 1, updated_at = now()`);
    },

    async enterprisesByTaxCode(tx: DbOrTx, taxCodes: string[]) {
      if (!taxCodes.length) return [];
      // one array parameter, not a thousand bound values
      const res = await tx.execute(sql`select id, tax_code, current_commune_id, sector_code, size_class from enterprises
        where tax_code = any(${`{${taxCodes.join(',')}}`}::text[])`);
      return rowsOf<{
        id: string;
        tax_code: string;
        current_commune_id: string | null;
        sector_code: string;
        size_class: string;
      }>(res).map((r) => ({
        id: r.id,
        taxCode: r.tax_code,
        currentCommuneId: r.current_commune_id,
        sectorCode: r.sector_code,
        sizeClass: r.size_class,
      }));
    },
  };
}
export type EnterprisesBulkRepo = ReturnType<typeof createEnterprisesBulkRepo>;
