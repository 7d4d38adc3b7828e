import { index, integer, pgTable, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';
import type { VerificationKind } from '../../../shared/verification-code.js';
import { bytea, createdAt, users } from './foundation.js';
import { dxAssessments } from './dx.js';
import { reportingRounds } from './monitoring.js';

/**
 * Every verification code printed in an issued document's footer, whatever the document: the primary key keeps a
 * code unique across kinds, and `kind` says which module answers /verify for it (module `verification`).
 */
export const verificationCodes = pgTable('verification_codes', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<VerificationKind>().notNull(),
  createdAt: createdAt(),
});

/**
 * A round summary as issued when the round was closed (module `monitoring-dashboard`): the bytes are kept, since the
 * summary shows live data and a later render would differ. Each closing issues a new one; the latest is served.
 */
export const roundSummaries = pgTable(
  'round_summaries',
  {
    code: text('code')
      .primaryKey()
      .references(() => verificationCodes.code),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reportingRounds.id),
    title: text('title').notNull(),
    period: text('period').notNull(),
    issuer: text('issuer').notNull(),
    issuedDate: date('issued_date').notNull(),
    data: bytea('data').notNull(),
    sha256: text('sha256').notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('round_summaries_round_idx').on(t.roundId)],
);

/**
 * The DX report of an assessment as issued when it was verified (module `dx-assessments`): one per verification,
 * the bytes kept (the report shows live peer figures); the latest is served as the verified report.
 */
export const dxReports = pgTable(
  'dx_reports',
  {
    code: text('code')
      .primaryKey()
      .references(() => verificationCodes.code),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => dxAssessments.id),
    year: integer('year').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    issuedDate: date('issued_date').notNull(),
    data: bytea('data').notNull(),
    sha256: text('sha256').notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dx_reports_assessment_idx').on(t.assessmentId)],
);
