import { z } from 'zod';
import { checkTaxCode } from '../enterprises/tax-code.js';
import { sizeClasses } from '../enterprises/size-class.js';
import { pageQuery, searchQuery, shortText, timestamp, uuidField, versionField } from '../fields.js';
import { because } from '../error-reasons.js';

export const communeResolutions = ['direct', 'crosswalk', 'needs_review', 'resolved'] as const;
export type CommuneResolution = (typeof communeResolutions)[number];
export const VSIC_VERSION = 'VSIC2018';

/** 10 digits, or 10 + "-" + 3 for a branch, with the official check digit. */
export const taxCodeField = z
  .string()
  .max(20)
  .superRefine((v, ctx) => {
    const r = checkTaxCode(v);
    if (!r.valid)
      ctx.addIssue({
        code: 'custom',
        message: r.reason === 'format' ? because('TAX_CODE_FORMAT') : because('TAX_CODE_CHECK_DIGIT'),
      });
  });
/** `HN.00004` (a commune from 2025-07-01) or `HN.D001.00004` (a commune before, mapped through the crosswalk). */
export const communeCodeField = z
  .string()
  .max(40)
  .regex(/^HN\.(D\d{3}\.)?\d{5}$/, because('COMMUNE_CODE'));
export const sectorCodeField = z.string().regex(/^[A-U]$/, because('VSIC_SECTION'));
const vnd = z.number().int(because('WHOLE_VND')).min(0).max(Number.MAX_SAFE_INTEGER);

export const enterpriseInput = z.strictObject({
  taxCode: taxCodeField,
  name: shortText(300),
  communeCode: communeCodeField,
  sectorCode: sectorCodeField,
  industryCode: z
    .string()
    .regex(/^\d{2,5}$/, because('VSIC_CODE'))
    .nullish(),
  address: z.string().trim().max(500).nullish(),
  /** employees with social insurance (Decree 80/2021, Art. 5) */
  employees: z.number().int().min(0).max(10_000_000),
  revenueVnd: vnd,
  capitalVnd: vnd,
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

export const enterprisePatch = enterpriseInput
  .omit({ taxCode: true })
  .partial()
  .extend({ version: versionField })
  .strict();
export type EnterprisePatch = Omit<z.infer<typeof enterprisePatch>, 'version'>;

export const taxCodeParams = z.strictObject({
  taxCode: z
    .string()
    .max(20)
    .regex(/^\d{10}(-\d{3})?$/, because('TAX_CODE_FORMAT')),
});

/** Linking an account: the form picks `userId`, validated with this same field. */
export const linkAccountParams = taxCodeParams.extend({ userId: uuidField });

export const resolveCommuneInput = z.strictObject({ communeCode: communeCodeField });

export const enterpriseListQuery = z.strictObject({
  q: searchQuery,
  sectorCode: sectorCodeField.optional(),
  sizeClass: z.enum(sizeClasses).optional(),
  communeResolution: z.enum(communeResolutions).optional(),
  currentCommuneId: z.uuid().optional(),
  ...pageQuery,
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const limit = z.object({ employees: z.number(), revenue: z.number(), capital: z.number() });

export const enterpriseItem = z.object({
  id: z.uuid(),
  /** +1 on every change: the version a PATCH names */
  version: z.number().int(),
  taxCode: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  /** the commune as recorded (possibly before 2025) */
  commune: unitRef.nullable(),
  /** the commune from 2025-07-01; null while a split commune awaits an officer */
  currentCommune: unitRef.nullable(),
  communeResolution: z.enum(communeResolutions),
  vsicVersion: z.string(),
  sectorCode: z.string(),
  industryCode: z.string().nullable(),
  employees: z.number().int(),
  revenueVnd: z.number(),
  capitalVnd: z.number(),
  sizeClass: z.enum(sizeClasses),
  /** why: the sector group, the ceiling met and which financial test passed */
  sizeReason: z.object({
    group: z.enum(['agri_industry_construction', 'trade_services']),
    limit: limit.nullable(),
    by: z.array(z.enum(['revenue', 'capital'])),
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type EnterpriseItem = z.infer<typeof enterpriseItem>;

export const enterpriseDetail = enterpriseItem.extend({
  /** the communes a split (needs_review) commune passed to, to choose from */
  successorCommunes: z.array(unitRef.extend({ share: z.string() })),
  /** what the caller may do with this enterprise, from the catalogue (src/shared/permissions.ts) */
  permissions: z.object({
    canEdit: z.boolean(),
    /** sector, employees, revenue and capital (they set the peer cell): the secretariat's */
    canEditClassification: z.boolean(),
    canResolveCommune: z.boolean(),
    canManageAccounts: z.boolean(),
  }),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

/** An account with role `enterprise` and the enterprise it acts for (one at most). */
export const enterpriseAccount = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  enterprise: z.object({ taxCode: z.string(), name: z.string() }).nullable(),
});
export type EnterpriseAccount = z.infer<typeof enterpriseAccount>;
export const enterpriseAccountQuery = z.strictObject({
  q: searchQuery,
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type EnterpriseAccountQuery = z.infer<typeof enterpriseAccountQuery>;

export const vsicCode = z.object({
  version: z.string(),
  code: z.string(),
  level: z.number().int(),
  sectionCode: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
});
export const vsicListQuery = z.strictObject({
  version: z.string().max(20).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
});
