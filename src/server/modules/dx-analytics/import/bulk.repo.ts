import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../../db/client.js';
import { orgUnits, orgUnitSuccessors } from '../../../db/schema/index.js';

/** The communes the importer loads once per run (the directory's tree, read in SQL like any module may). */
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
  };

  return { ...repo, rowsOf };
}
export type BulkRepo = ReturnType<typeof createBulkRepo>;
