import { z } from 'zod';
import { sizeClasses } from '../enterprises/size-class.js';
import { timestamp, uuidField } from '../fields.js';
import { because } from '../error-reasons.js';

/** Dimensions a breakdown can group by. `district` = pre-2025 district, reached through the 2025 crosswalk. */
export const analyticsDimensions = ['commune', 'district', 'sector', 'sizeClass', 'year'] as const;
export type AnalyticsDimension = (typeof analyticsDimensions)[number];

const codeList = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(1).max(40)).max(max));

/**
 * Filters shared by every analytics query: each is one value, absent = all. The API serves only cells of the
 * publication cube (one year × place × sector × size class × level), so a filter never takes several values: two
 * answers over nested value sets could be subtracted (all years minus one year = that year's small cell).
 */
export const analyticsFilterQuery = {
  frameworkVersionId: uuidField.optional(),
  /** one year; absent: the latest year with data (or every year, one row each, when grouping by year) */
  year: z
    .string()
    .regex(/^(19|20|21)\d\d$/, because('MUST_BE_YEAR'))
    .transform(Number)
    .optional(),
  commune: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, because('ONE_COMMUNE_CODE'))
    .optional(),
  /** a pre-2025 district; not together with `commune` */
  district: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, because('ONE_DISTRICT_CODE'))
    .optional(),
  sector: z
    .string()
    .regex(/^[A-Z]$/, because('VSIC_SECTION'))
    .optional(),
  sizeClass: z.enum(sizeClasses).optional(),
};

export const breakdownQuery = z.strictObject({
  ...analyticsFilterQuery,
  groupBy: codeList(3)
    .pipe(z.array(z.enum(analyticsDimensions)))
    .default([]),
});
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

export const exportQuery = breakdownQuery.extend({ format: z.enum(['xlsx', 'csv']) });
export type ExportQuery = z.infer<typeof exportQuery>;

const { year: _year, ...placeAndFirmFilters } = analyticsFilterQuery;
export const moversQuery = z.strictObject({
  ...placeAndFirmFilters,
  dimension: z.enum(['commune', 'sector']),
  fromYear: z.coerce.number().int().min(1990).max(2100),
  toYear: z.coerce.number().int().min(1990).max(2100),
  metric: z.enum(['meanTotal', 'meanLevel']).default('meanTotal'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type MoversQuery = z.infer<typeof moversQuery>;

/** A group value: the code the API filters by and a display name. `null` code = commune not yet resolved. */
export const groupValue = z.object({ code: z.string().nullable(), name: z.string() });

const published = z.object({
  suppressed: z.literal(false),
  n: z.number().int(),
  /** enterprises per overall level 0…5; a withheld count is `null` (shown "<5") */
  levels: z.array(z.number().int().nullable()),
  meanTotal: z.number(),
  /**
   * null (shown as withheld) whenever a level count is: n·meanLevel is Σ level × count, so with n and the published
   * counts it would give the withheld counts back
   */
  meanLevel: z.number().nullable(),
  meanPillars: z.array(z.number()),
});
export const analyticsStats = z.discriminatedUnion('suppressed', [
  published,
  z.object({ suppressed: z.literal(true) }),
]);
export type AnalyticsStats = z.infer<typeof analyticsStats>;

export const breakdownRow = z.object({
  key: z.partialRecord(z.enum(analyticsDimensions), groupValue),
  /** district rows: the commune codes this district shares with other districts (counted in each) */
  sharedCommunes: z.array(z.string()).optional(),
  stats: analyticsStats,
});
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const pillarInfo = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  max: z.number().nullable(),
});

export const breakdownResult = z.object({
  frameworkVersion: z.object({ id: z.string(), frameworkCode: z.string(), version: z.number().int() }).nullable(),
  groupBy: z.array(z.enum(analyticsDimensions)),
  /** the year the figures are for; null when grouped by year */
  year: z.number().int().nullable(),
  suppressBelow: z.number().int(),
  pillars: z.array(pillarInfo),
  rows: z.array(breakdownRow),
  /** null when grouped by year: a total across years is not a cell of the cube (it would let a year be subtracted) */
  total: analyticsStats.nullable(),
});
export type BreakdownResult = z.infer<typeof breakdownResult>;

export const moverRow = z.object({
  key: groupValue,
  from: z.number(),
  to: z.number(),
  change: z.number(),
});
export const moversResult = z.object({
  dimension: z.enum(['commune', 'sector']),
  metric: z.enum(['meanTotal', 'meanLevel']),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  suppressBelow: z.number().int(),
  rising: z.array(moverRow),
  falling: z.array(moverRow),
});
export type MoversResult = z.infer<typeof moversResult>;

/**
 * The change measure: over the firms with a scored assessment in the year and an earlier one on a comparable framework
 * (same generation), grouped by up to two of commune, district, sector, size class and support program (a firm
 * enrolled in several programs counts in each). Served from a cube with the same small-cell rules as the breakdown.
 */
export const changeDimensions = ['commune', 'district', 'sector', 'sizeClass', 'supportProgram'] as const;
export type ChangeDimension = (typeof changeDimensions)[number];
export const changeQuery = z.strictObject({
  ...analyticsFilterQuery,
  groupBy: codeList(2)
    .pipe(z.array(z.enum(changeDimensions)))
    .default([]),
});
export type ChangeQuery = z.infer<typeof changeQuery>;

export const changeStats = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    /** firms compared: a scored assessment this year and an earlier one in the same framework generation */
    n: z.number().int(),
    /** mean of (this total − the previous total) */
    meanChangeTotal: z.number(),
    /** mean of (this level − the previous level) */
    meanChangeLevel: z.number(),
    /** share (0–1) of the firms whose level rose */
    shareUp: z.number(),
  }),
  z.object({ suppressed: z.literal(true) }),
]);
export type ChangeStats = z.infer<typeof changeStats>;

export const changeResult = z.object({
  frameworkVersion: z.object({ id: z.string(), frameworkCode: z.string(), version: z.number().int() }).nullable(),
  groupBy: z.array(z.enum(changeDimensions)),
  year: z.number().int().nullable(),
  suppressBelow: z.number().int(),
  rows: z.array(z.object({ key: z.partialRecord(z.enum(changeDimensions), groupValue), stats: changeStats })),
  total: changeStats,
});
export type ChangeResult = z.infer<typeof changeResult>;

export const analyticsOptions = z.object({
  frameworkVersions: z.array(
    z.object({
      id: z.string(),
      frameworkCode: z.string(),
      frameworkName: z.string(),
      version: z.number().int(),
      status: z.string(),
    }),
  ),
  defaultFrameworkVersionId: z.string().nullable(),
  years: z.array(z.number().int()),
  communes: z.array(z.object({ code: z.string(), gso: z.string(), name: z.string() })),
  districts: z.array(z.object({ code: z.string(), name: z.string() })),
  sectors: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  suppressBelow: z.number().int(),
  /** whether the change measure can be grouped by support program (the support programs module is present) */
  supportPrograms: z.boolean(),
});
export type AnalyticsOptions = z.infer<typeof analyticsOptions>;

export const importKinds = ['enterprises', 'assessments'] as const;
export const importStartQuery = z.strictObject({ kind: z.enum(importKinds) });
export const importJob = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  rowsDone: z.number().int(),
  rowsOk: z.number().int(),
  rowsFailed: z.number().int(),
  /** known once the file is read (CSV: counted at upload) */
  totalRows: z.number().int().nullable(),
  failure: z.string().nullable(),
  /** a stable code when the failure has one (IMPORT_INTERRUPTED), for the web to translate */
  failureReason: z.string().nullable(),
  /** times the job was taken over from an instance that died (and resumed from its last checkpoint) */
  takeovers: z.number().int(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
