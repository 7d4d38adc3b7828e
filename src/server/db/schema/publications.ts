import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, version } from './foundation.js';
import { inspections, programs } from './inspections.js';

/**
 * An inspection whose issued conclusion's recommendations and their follow-up status the secretariat has made public
 * (issue 14 §3). One row per inspection: a corrected conclusion carries its follow-ups over, so the publication
 * follows the inspection, not one conclusion version. Withdrawal keeps the row (and the audit log says who and why);
 * publishing again clears it.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    inspectionId: uuid('inspection_id')
      .notNull()
      .unique()
      .references(() => inspections.id),
    // the program's public page lists it (taken from the inspection's plan when published)
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
    version: version(),
  },
  (t) => [index('publications_program_idx').on(t.programId)],
);
