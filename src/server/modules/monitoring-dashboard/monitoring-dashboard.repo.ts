import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roundSummaries } from '../../db/schema/index.js';

/** Issued round summaries (the only SQL on round_summaries). */
export function createMonitoringDashboardRepo() {
  return {
    async insertSummary(db: DbOrTx, row: typeof roundSummaries.$inferInsert) {
      await db.insert(roundSummaries).values(row);
    },
    /** the latest summary issued for a round (null: none yet) */
    async latestSummary(db: DbOrTx, roundId: string) {
      const [row] = await db
        .select()
        .from(roundSummaries)
        .where(eq(roundSummaries.roundId, roundId))
        .orderBy(desc(roundSummaries.issuedAt))
        .limit(1);
      return row ?? null;
    },
    /** the summary carrying a code, and the next one issued for the same round (if any) */
    async summaryByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(roundSummaries).where(eq(roundSummaries.code, code));
      if (!row) return null;
      const [next] = await db
        .select({ issuedDate: roundSummaries.issuedDate })
        .from(roundSummaries)
        .where(and(eq(roundSummaries.roundId, row.roundId), gt(roundSummaries.issuedAt, row.issuedAt)))
        .orderBy(roundSummaries.issuedAt)
        .limit(1);
      return { row, replacedBy: next ?? null };
    },
  };
}
export type MonitoringDashboardRepo = ReturnType<typeof createMonitoringDashboardRepo>;
