import { z } from 'zod';
import { sizeClasses } from '../enterprises/size-class.js';
import { because } from '../error-reasons.js';
import { isoDate, pageQuery, plainString, searchQuery, shortText, uuidField, versionField } from '../fields.js';
import { taxCodeField } from './enterprises.js';

/** The kinds of support a program offers and a firm is given (labels: shared/labels.ts `supportKind`). */
export const supportKinds = [
  'dx_consulting',
  'dx_solutions',
  'ip_consulting',
  'tech_transfer_consulting',
  'training',
  'assessment',
  'other',
] as const;
export type SupportKind = (typeof supportKinds)[number];

const vnd = z.number().int().min(0).max(1_000_000_000_000_000);
const note = plainString().trim().max(2000).nullable().optional();

const programFields = {
  name: shortText(300),
  legalBasis: shortText(1000),
  periodFrom: isoDate,
  periodTo: isoDate,
  budgetVnd: vnd,
  kinds: z
    .array(z.enum(supportKinds))
    .min(1)
    .max(supportKinds.length)
    .superRefine((kinds, ctx) =>
      kinds.forEach((k, i) => {
        if (kinds.indexOf(k) < i) ctx.addIssue({ code: 'custom', path: [i], message: because('LISTED_TWICE') });
      }),
    ),
};
const periodInOrder = (v: { periodFrom?: string; periodTo?: string }, ctx: z.RefinementCtx) => {
  if (v.periodFrom && v.periodTo && v.periodTo < v.periodFrom)
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: because('DATE_BEFORE_START') });
};

export const supportProgramInput = z.strictObject(programFields).superRefine(periodInOrder);
export type SupportProgramInput = z.infer<typeof supportProgramInput>;
export const supportProgramPatch = z
  .strictObject({ ...programFields, version: versionField })
  .partial()
  .superRefine(periodInOrder);
export type SupportProgramPatch = Omit<z.infer<typeof supportProgramPatch>, 'version'>;

export const supportProgramListQuery = z.strictObject({ q: searchQuery, ...pageQuery });

/** A program as listed: its record and its aggregates (no firm named). */
export const supportProgram = z.object({
  id: z.uuid(),
  name: z.string(),
  legalBasis: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  budgetVnd: z.number(),
  kinds: z.array(z.enum(supportKinds)),
  enrolled: z.number().int(),
  givenVnd: z.number(),
  version: z.number().int(),
});
export type SupportProgram = z.infer<typeof supportProgram>;

/** The most Decree 80 Art. 11 support the program's cohort implies in a year, by size class. */
export const cohortBudget = z.object({
  byClass: z.array(
    z.object({
      sizeClass: z.enum(sizeClasses),
      firms: z.number().int(),
      perFirmVnd: z.number(),
      totalVnd: z.number(),
    }),
  ),
  totalVnd: z.number(),
  /** formatted the Vietnamese way ("1.234.000.000 ₫") */
  totalText: z.string(),
  /** true while some figure counted is not confirmed against the decree's text */
  unconfirmed: z.boolean(),
  /** the Decree 80 items counted: those of the kinds of support the program offers */
  items: z.array(z.object({ code: z.string(), kind: z.enum(supportKinds), citation: z.string() })),
});

export const supportProgramDetail = supportProgram.extend({
  cohortBudget,
  permissions: z.object({
    edit: z.boolean(),
    enrol: z.boolean(),
    readEnrolments: z.boolean(),
    readImpact: z.boolean(),
  }),
});
export type SupportProgramDetail = z.infer<typeof supportProgramDetail>;

export const supportGivenInput = z.strictObject({
  kind: z.enum(supportKinds),
  provider: shortText(300),
  amountVnd: vnd,
  givenOn: isoDate,
});
export type SupportGivenInput = z.infer<typeof supportGivenInput>;
export const supportGivenPatch = supportGivenInput.partial().extend({ version: versionField }).strict();
export type SupportGivenPatch = Omit<z.infer<typeof supportGivenPatch>, 'version'>;

export const supportGiven = z.object({
  id: z.uuid(),
  enrolmentId: z.uuid(),
  kind: z.enum(supportKinds),
  provider: z.string(),
  amountVnd: z.number(),
  givenOn: z.string(),
  version: z.number().int(),
});
export type SupportGiven = z.infer<typeof supportGiven>;

export const enrolmentInput = z.strictObject({ taxCode: taxCodeField, enrolledOn: isoDate, note });
export type EnrolmentInput = z.infer<typeof enrolmentInput>;
export const enrolmentPatch = z.strictObject({ enrolledOn: isoDate.optional(), note, version: versionField });
export type EnrolmentPatch = Omit<z.infer<typeof enrolmentPatch>, 'version'>;

export const enrolmentListQuery = z.strictObject({
  programId: uuidField.optional(),
  taxCode: z.string().max(20).optional(),
  ...pageQuery,
});
export type EnrolmentListQuery = z.infer<typeof enrolmentListQuery>;

export const enrolment = z.object({
  id: z.uuid(),
  program: z.object({ id: z.uuid(), name: z.string(), periodFrom: z.string(), periodTo: z.string() }),
  enterprise: z.object({ id: z.uuid(), taxCode: z.string(), name: z.string(), sizeClass: z.enum(sizeClasses) }),
  enrolledOn: z.string(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  support: z.array(supportGiven),
  givenVnd: z.number(),
  version: z.number().int(),
  permissions: z.object({ edit: z.boolean() }),
});
export type Enrolment = z.infer<typeof enrolment>;

/** An enrolment import's answer: all rows valid → written; any row invalid → nothing written, every error listed. */
export const enrolmentImportResult = z.object({
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  alreadyEnrolled: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      /** the reason in English (for scripts and logs) */
      reason: z.string(),
      /** the reason as a code (src/shared/error-reasons.ts, else a zod issue code), with its values: the web says it */
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});
export type EnrolmentImportResult = z.infer<typeof enrolmentImportResult>;

/** The caveat printed beside every impact figure (vi first). */
export const IMPACT_CAVEAT = {
  vi: 'Đây không phải là thí nghiệm có đối chứng: doanh nghiệp tự chọn tham gia chương trình, nên chênh lệch có thể do khác biệt khác giữa hai nhóm chứ không chỉ do hỗ trợ.',
  en: 'This is not a controlled experiment: firms chose to join the program, so a difference may come from other differences between the groups, not only from the support.',
} as const;

/** One comparison cell: enrolled firms against similar firms not enrolled (same sector, size class, starting level). */
export const impactCell = z.object({
  sectorCode: z.string(),
  sizeClass: z.enum(sizeClasses),
  startLevel: z.number().int(),
  /** null: withheld (fewer than `suppressBelow` firms in a group, or withheld to protect another cell) */
  enrolled: z.object({ n: z.number().int(), meanChange: z.number() }).nullable(),
  others: z.object({ n: z.number().int(), meanChange: z.number() }).nullable(),
  difference: z.number().nullable(),
});

export const impactResult = z.object({
  programId: z.uuid(),
  /** the latest scored assessment in or before this year is the start, the latest after it the end */
  baselineYear: z.number().int(),
  suppressBelow: z.number().int(),
  caveat: z.object({ vi: z.string(), en: z.string() }),
  cells: z.array(impactCell),
  /** across the published cells: enrolled firms' mean change minus the others', weighted by enrolled firms */
  overall: z
    .object({ enrolledN: z.number().int(), othersN: z.number().int(), weightedDifference: z.number() })
    .nullable(),
  /** enrolled firms without a start and an end score on the same framework version (not compared) */
  notComparable: z.number().int(),
});
export type ImpactResult = z.infer<typeof impactResult>;

const bilingual = z.object({ vi: z.string(), en: z.string() });

/**
 * What a firm's DX report says about support (issue 13 §2): the Decree 80 Art. 11 support its size class is eligible
 * for (large firms: none, and the note says so), and the platform categories its weak answers point to (categories,
 * never vendors).
 */
export const reportSupport = z.object({
  sizeClass: z.enum(sizeClasses),
  decree80: z.object({
    items: z.array(
      z.object({
        code: z.string(),
        /** "Điều 11 khoản 2 Nghị định 80/2021/NĐ-CP" */
        citation: z.string(),
        title: bilingual,
        maxSharePercent: z.number(),
        capVnd: z.number(),
        capText: z.string(),
        per: z.enum(['contract_year', 'year']),
        /** false: the figure was not checked against the decree's own text */
        confirmed: z.boolean(),
      }),
    ),
    maxPerYearVnd: z.number(),
    maxPerYearText: z.string(),
    note: bilingual,
  }),
  platformCategories: z.object({
    /** a node scoring below this share of its points is weak */
    weakBelow: z.number(),
    items: z.array(
      z.object({
        code: z.string(),
        name: bilingual,
        because: z.array(z.object({ node: z.string(), share: z.number() })),
      }),
    ),
  }),
});
export type ReportSupport = z.infer<typeof reportSupport>;
