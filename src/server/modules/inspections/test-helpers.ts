import { sql } from 'drizzle-orm';
import type { TestContext } from '../../test/test-app.js';

/** Row counts of every table a failed write must leave alone. */
export async function counts(ctx: TestContext) {
  const tables = [
    'audit_events',
    'assessments',
    'findings',
    'attachments',
    'file_blobs',
    'conclusions',
    'target_responses',
    'follow_ups',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const res = await ctx.handle.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${t}`));
    out[t] = (res as { rows: { n: number }[] }).rows[0].n;
  }
  return out;
}

export const fieldsOf = (body: { error: { details?: { issues?: { field: string }[]; field?: string } } }) =>
  body.error.details?.issues?.map((i) => i.field) ?? (body.error.details?.field ? [body.error.details.field] : []);
