import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, orgUnits, updatedAt, users, version } from './foundation.js';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

/**
 * Economic-sector classifications, versioned: VSIC 2018 (sections A–U, divisions…) now; VSIC 2025
 * (in force from 2025-11-15) can be loaded beside it without touching enterprises already classified.
 */
export const vsicCodes = pgTable(
  'vsic_codes',
  {
    version: text('version').notNull(), // 'VSIC2018'
    code: text('code').notNull(), // 'C', '10', '107', '1071', '10710'
    level: smallint('level').notNull(), // 1 section, 2 division … 5
    sectionCode: text('section_code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] })],
);

/** Enterprises in the registry. `communeId` is the commune as recorded (possibly pre-2025). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: id(),
    taxCode: text('tax_code').notNull().unique(),
    name: text('name').notNull(),
    address: text('address'),
    communeId: uuid('commune_id').references(() => orgUnits.id),
    // the commune from 2025-07-01 the enterprise belongs to: direct, or through the crosswalk when the old
    // commune passed whole to one new commune; null while an officer has to resolve a split (`part`) commune
    currentCommuneId: uuid('current_commune_id').references(() => orgUnits.id),
    communeResolution: text('commune_resolution')
      .$type<'direct' | 'crosswalk' | 'needs_review' | 'resolved'>()
      .notNull(),
    vsicVersion: text('vsic_version').notNull(),
    sectorCode: text('sector_code').notNull(), // VSIC section letter
    industryCode: text('industry_code'), // optional 2–5 digit VSIC code
    employees: integer('employees').notNull(),
    revenueVnd: bigint('revenue_vnd', { mode: 'number' }).notNull(),
    capitalVnd: bigint('capital_vnd', { mode: 'number' }).notNull(),
    sizeClass: text('size_class').$type<'micro' | 'small' | 'medium' | 'large'>().notNull(),
    isDemo: smallint('is_demo').notNull().default(0),
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
  },
  (t) => [
    index('enterprises_current_commune_idx').on(t.currentCommuneId),
    index('enterprises_sector_idx').on(t.sectorCode),
    index('enterprises_resolution_idx').on(t.communeResolution),
  ],
);

/** Accounts with role `enterprise` act for exactly one enterprise. */
export const enterpriseUsers = pgTable(
  'enterprise_users',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [index('enterprise_users_enterprise_idx').on(t.enterpriseId)],
);

export const dxFrameworks = pgTable('dx_frameworks', {
  id: id(),
  code: text('code').notNull().unique(), // 'DBI-SME', 'EU-DMA-SME'
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: createdAt(),
});

/** One version of a framework: its whole definition is data (the JSON export format). Published = frozen. */
export const dxFrameworkVersions = pgTable(
  'dx_framework_versions',
  {
    id: id(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => dxFrameworks.id),
    version: integer('version').notNull(),
    status: text('status').$type<'draft' | 'published' | 'retired'>().notNull(),
    definition: jsonb('definition').notNull(),
    // SHA-256 of the canonical definition: proves a published version never changed
    definitionSha256: text('definition_sha256').notNull(),
    // the national generation (family) from the definition: results of different generations are never averaged
    generation: text('generation')
      .$type<'qd1970-2021' | 'qd2158-2023' | 'qd1567-2025' | 'custom'>()
      .notNull()
      .default('custom'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('dx_framework_versions_uq').on(t.frameworkId, t.version)],
);

/**
 * An enterprise's self-assessment for a year on one framework version. Answers live in one jsonb map
 * (question code → value) updated with `answers || patch`, so respondents saving different pillars at
 * the same time never overwrite each other. On submission the score snapshot is frozen here, together
 * with the grouping attributes (commune, sector, size) the enterprise had then.
 */
export const dxAssessments = pgTable(
  'dx_assessments',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => dxFrameworkVersions.id),
    year: smallint('year').notNull(),
    status: text('status').$type<'draft' | 'submitted' | 'verified' | 'returned'>().notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    // question code → user id of the last respondent who answered it
    answeredBy: jsonb('answered_by').$type<Record<string, string>>().notNull().default({}),
    // question code → how many times its answer changed: a write names the one it read, per question, so respondents
    // on different questions merge while a stale write to the same question is refused
    answerVersions: jsonb('answer_versions').$type<Record<string, number>>().notNull().default({}),
    source: text('source').$type<'web' | 'import'>().notNull().default('web'),
    // a new wave: the question codes whose answer was carried over from the previous assessment and not yet confirmed
    // or changed (any write of the question clears its mark)
    carriedOver: jsonb('carried_over').$type<string[]>().notNull().default([]),
    // where the carried-over answers came from, and the previous answers a new framework version no longer accepts
    carriedFrom: jsonb('carried_from').$type<{
      assessmentId: string;
      year: number;
      framework: { code: string; version: number };
      dropped: string[];
    }>(),
    snapshot: jsonb('snapshot'),
    totalScore: numeric('total_score', { precision: 10, scale: 2, mode: 'number' }),
    overallLevel: smallint('overall_level'),
    // scores per pillar in framework order, for analytics without opening the snapshot
    pillarScores: numeric('pillar_scores', { precision: 10, scale: 2, mode: 'number' }).array(),
    communeId: uuid('commune_id').references(() => orgUnits.id),
    sectorCode: text('sector_code'),
    sizeClass: text('size_class'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewComment: text('review_comment'),
    // the secretariat's recorded reason for using a framework that does not apply to the firm (size class, sector)
    applicabilityOverride: text('applicability_override'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
  },
  (t) => [
    unique('dx_assessments_uq').on(t.enterpriseId, t.frameworkVersionId, t.year),
    index('dx_assessments_version_year_idx').on(t.frameworkVersionId, t.year, t.status),
    // peer percentile in the report: same version, year, sector and size class, scored assessments only
    index('dx_assessments_peer_idx')
      .on(t.frameworkVersionId, t.year, t.sectorCode, t.sizeClass, t.totalScore)
      .where(sql`status in ('submitted', 'verified')`),
    // no separate index on enterprise_id: the unique key above starts with it, and every extra index costs
    // each of a million imported rows
  ],
);

/**
 * Incremental rollup of scored assessments (submitted or verified), kept in the same transaction as every
 * submission, return and re-score: city analytics read these few thousand rows instead of a million
 * assessments. One row per (version, year, commune, sector, size class, overall level).
 */
/** What every rollup cell holds: how many assessments, Σ total score, Σ score per pillar (framework order). */
export const rollupMeasures = () => ({
  n: integer('n').notNull(),
  sumTotal: numeric('sum_total', { precision: 16, scale: 2, mode: 'number' }).notNull(),
  sumPillars: numeric('sum_pillars', { precision: 16, scale: 2, mode: 'number' }).array().notNull(),
});

export const dxRollups = pgTable(
  'dx_rollups',
  {
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => dxFrameworkVersions.id),
    year: smallint('year').notNull(),
    communeId: uuid('commune_id'),
    sectorCode: text('sector_code').notNull(),
    sizeClass: text('size_class').notNull(),
    overallLevel: smallint('overall_level').notNull(),
    ...rollupMeasures(),
  },
  (t) => [
    unique('dx_rollups_uq')
      .on(t.frameworkVersionId, t.year, t.communeId, t.sectorCode, t.sizeClass, t.overallLevel)
      .nullsNotDistinct(),
  ],
);
