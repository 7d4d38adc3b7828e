import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../../db/client.js';
import { orgUnits, orgUnitSuccessors } from '../../../db/schema/index.js';

/** The lookups the importer loads once per run (reference data and published frameworks). */
export function createBulkRepo() {
  const repo = {
    /** Every commune (pre-2025 and from 2025-07-01) with its successors, to resolve codes in memory. */
    async communes(db: DbOrTx) {
      const units = await db
        .select({ id: orgUnits.id, code: orgUnits.code, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo })
        .from(orgUnits)
        .where(sql`${orgUnits.kind} = 'commune'`);
      const links = await db
        .select({
          from: orgUnitSuccessors.predecessorId,
          to: orgUnitSuccessors.successorId,
          share: orgUnitSuccessors.share,
        })
        .from(orgUnitSuccessors);
      return { units, links };
    },

    /** VSIC 2018 division → section, to check an industry code against its section. */
    async divisions(db: DbOrTx) {
      const res = await db.execute(
        sql`select code, section_code from vsic_codes where version = 'VSIC2018' and level = 2`,
      );
      return new Map(rowsOf<{ code: string; section_code: string }>(res).map((r) => [r.code, r.section_code]));
    },

    /** Published framework versions by `code@version`, with their definitions. */
    async frameworkVersions(tx: DbOrTx) {
      const res = await tx.execute(sql`select v.id, f.code, v.version, v.definition from dx_framework_versions v
        join dx_frameworks f on f.id = v.framework_id where v.status = 'published'`);
      return rowsOf<{ id: string; code: string; version: number; definition: unknown }>(res);
    },
  };

  return { ...repo, rowsOf };
}
export type BulkRepo = ReturnType<typeof createBulkRepo>;
