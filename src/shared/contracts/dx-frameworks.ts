import { z } from 'zod';
import { frameworkGenerations } from '../dx/framework-format.js';
import { timestamp } from '../fields.js';
import { because } from '../error-reasons.js';

export const frameworkVersionStatuses = ['draft', 'published', 'retired'] as const;
export type FrameworkVersionStatus = (typeof frameworkVersionStatuses)[number];

export const frameworkCodeParams = z.strictObject({
  code: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, because('FRAMEWORK_CODE')),
});
export const frameworkVersionParams = frameworkCodeParams.extend({
  version: z.coerce.number().int().min(1).max(10_000),
});

const label = z.object({ vi: z.string(), en: z.string() });

export const frameworkVersionInfo = z.object({
  version: z.number().int(),
  status: z.enum(frameworkVersionStatuses),
  definitionSha256: z.string(),
  /** the national generation (family): results of two generations are never compared or averaged */
  generation: z.enum(frameworkGenerations),
  publishedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type FrameworkVersionInfo = z.infer<typeof frameworkVersionInfo>;

export const frameworkSummary = z.object({
  code: z.string(),
  name: label,
  /** the newest published version, the one new assessments use */
  publishedVersion: z.number().int().nullable(),
  versions: z.array(frameworkVersionInfo),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

/** Answers keyed by question code; values are checked against the framework version, so any JSON here. */
export const answersMap = z
  .record(
    z.string().max(40),
    z.union([z.string().max(20_000), z.array(z.string().max(40)).max(50), z.number(), z.boolean(), z.null()]),
  )
  .refine((m) => Object.keys(m).length <= 1000, because('TOO_MANY_ANSWERS'));

export const scoreRequest = z.strictObject({ answers: answersMap, version: z.number().int().min(1).optional() });

export const diffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const diffChange = z.object({
  kind: z.enum(['framework', 'node', 'question', 'option']),
  code: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type DiffChange = z.infer<typeof diffChange>;
export const frameworkDiff = z.object({
  code: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(diffChange),
});
export type FrameworkDiff = z.infer<typeof frameworkDiff>;

const nodeScore = z.object({ score: z.number(), max: z.number() });
export const scoreSnapshot = z.object({
  frameworkCode: z.string(),
  version: z.number().int(),
  total: z.number(),
  max: z.number(),
  overallLevel: z.number().int(),
  overallLevelName: label,
  pillars: z.array(
    z.object({ code: z.string(), score: z.number(), max: z.number(), share: z.number(), level: z.number().int() }),
  ),
  nodes: z.record(z.string(), nodeScore),
  answeredCount: z.number().int(),
  requiredMissing: z.array(z.string()),
});

/** A framework definition as JSON (its format is checked by `src/shared/dx/framework-format.ts` on import). */
export const frameworkDefinitionJson = z.record(z.string(), z.unknown());
/** A framework version after an import or a publication. */
export const frameworkVersionResult = z.object({
  code: z.string(),
  version: z.number().int(),
  status: z.enum(frameworkVersionStatuses),
  definitionSha256: z.string(),
});
export type FrameworkVersionResult = z.infer<typeof frameworkVersionResult>;
