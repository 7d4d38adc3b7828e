import { z } from 'zod';
import { causeTypes, findingKinds, type CauseType, type FindingKind } from '../domain.js';
import { isoDate, uuidField, versionField } from '../fields.js';
import { because, type ErrorReason } from '../error-reasons.js';

const findingFields = {
  contentAreaId: uuidField,
  kind: z.enum(findingKinds),
  text: z.string().trim().min(1, because('NOT_EMPTY')).max(10_000),
  causeType: z.enum(causeTypes).nullable().optional(),
  addresseeOrgUnitId: uuidField.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
};

interface FindingShape {
  kind: FindingKind;
  causeType?: CauseType | null;
  addresseeOrgUnitId?: string | null;
  dueDate?: string | null;
}

const isAssignment = (kind: FindingKind) => kind === 'remedy' || kind === 'recommendation';

/**
 * The fields a kind needs: a cause type only for causes; an addressee and a due date only for remedies and
 * recommendations. One rule for the API, the service (on PATCH, against the merged row) and the web forms.
 */
export function findingShapeIssues(
  f: FindingShape,
): { field: 'causeType' | 'addresseeOrgUnitId' | 'dueDate'; reason: ErrorReason }[] {
  const out: { field: 'causeType' | 'addresseeOrgUnitId' | 'dueDate'; reason: ErrorReason }[] = [];
  if (f.kind === 'cause' && !f.causeType) out.push({ field: 'causeType', reason: 'CAUSE_TYPE_REQUIRED' });
  if (f.kind !== 'cause' && f.causeType) out.push({ field: 'causeType', reason: 'CAUSE_TYPE_ONLY_FOR_CAUSE' });
  for (const field of ['addresseeOrgUnitId', 'dueDate'] as const) {
    if (isAssignment(f.kind) && !f[field]) out.push({ field, reason: 'ASSIGNMENT_REQUIRED' });
    if (!isAssignment(f.kind) && f[field]) out.push({ field, reason: 'ASSIGNMENT_ONLY' });
  }
  return out;
}

const refineShape = (f: FindingShape, ctx: z.RefinementCtx) => {
  for (const i of findingShapeIssues(f)) ctx.addIssue({ code: 'custom', path: [i.field], message: i.reason });
};

export const findingInput = z.strictObject(findingFields).superRefine(refineShape);
export type FindingInput = z.infer<typeof findingInput>;

export const findingPatch = z.strictObject({
  contentAreaId: findingFields.contentAreaId.optional(),
  kind: findingFields.kind.optional(),
  text: findingFields.text.optional(),
  causeType: findingFields.causeType,
  addresseeOrgUnitId: findingFields.addresseeOrgUnitId,
  dueDate: findingFields.dueDate,
  version: versionField,
});
export type FindingPatch = Omit<z.infer<typeof findingPatch>, 'version'>;

/** A finding of a corrected conclusion; `supersedesFindingId` names the finding of the previous version it replaces. */
export const correctionFindingInput = z
  .strictObject({ ...findingFields, supersedesFindingId: uuidField.nullable().optional() })
  .superRefine(refineShape);
export type CorrectionFindingInput = z.infer<typeof correctionFindingInput>;

export const finding = z.object({
  id: z.uuid(),
  contentAreaId: z.uuid(),
  kind: z.enum(findingKinds),
  text: z.string(),
  causeType: z.enum(causeTypes).nullable(),
  addresseeOrgUnitId: z.uuid().nullable(),
  addresseeName: z.string().nullable(),
  dueDate: z.string().nullable(),
  position: z.number().int(),
  conclusionId: z.uuid().nullable(),
  supersedesFindingId: z.uuid().nullable(),
  version: z.number().int(),
});
export type Finding = z.infer<typeof finding>;
