import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, users, version } from './foundation.js';
import { enterprises } from './dx.js';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

/**
 * A support program for enterprises' digital transformation (issue 13 §2): the city's or a department's scheme, with
 * its legal basis, period, budget and the kinds of support it offers.
 */
export const supportPrograms = pgTable(
  'support_programs',
  {
    id: id(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    budgetVnd: bigint('budget_vnd', { mode: 'number' }).notNull(),
    /** support kinds offered (src/shared/contracts/support-programs.ts: supportKinds) */
    kinds: text('kinds').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('support_programs_period', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('support_programs_budget', sql`${t.budgetVnd} >= 0`),
  ],
);

/** A firm enrolled in a program (one row per program and firm), by hand or by import. */
export const supportEnrolments = pgTable(
  'support_enrolments',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => supportPrograms.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    enrolledOn: date('enrolled_on').notNull(),
    note: text('note'),
    source: text('source').$type<'manual' | 'import'>().notNull().default('manual'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    unique('support_enrolments_program_enterprise').on(t.programId, t.enterpriseId),
    index('support_enrolments_enterprise_idx').on(t.enterpriseId),
  ],
);

/** Support actually given to an enrolled firm: what kind, who provided it, how much, when. */
export const supportGiven = pgTable(
  'support_given',
  {
    id: id(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => supportEnrolments.id),
    kind: text('kind').notNull(),
    provider: text('provider').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    givenOn: date('given_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('support_given_enrolment_idx').on(t.enrolmentId),
    check('support_given_amount', sql`${t.amountVnd} >= 0`),
  ],
);
