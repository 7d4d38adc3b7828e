import { z } from 'zod';
import { followUpStatuses } from '../domain.js';
import { pageQuery, searchQuery, timestamp, uuidField } from '../fields.js';
import { because } from '../error-reasons.js';

export const followUpKinds = ['remedy', 'recommendation'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** What a history entry records: the addressee's progress report, or the secretariat accepting / returning it. */
export const followUpUpdateActions = ['report', 'accept', 'return'] as const;
export type FollowUpUpdateAction = (typeof followUpUpdateActions)[number];

export const followUpWithdrawnReasons = ['dropped_by_correction'] as const;
export type FollowUpWithdrawnReason = (typeof followUpWithdrawnReasons)[number];

const flag = z.enum(['true', 'false'], { message: because('TRUE_OR_FALSE') });

export const followUpListQuery = z.strictObject({
  status: z.enum(followUpStatuses).optional(),
  overdue: flag.optional(),
  accepted: flag.optional(),
  /** withdrawn follow-ups (dropped by a corrected conclusion) are hidden unless asked for */
  includeWithdrawn: flag.optional(),
  /** true: the secretariat returned the last progress report (more work or evidence asked for), not yet accepted */
  returned: flag.optional(),
  kind: z.enum(followUpKinds).optional(),
  addresseeOrgUnitId: uuidField.optional(),
  inspectionId: uuidField.optional(),
  planId: uuidField.optional(),
  q: searchQuery,
  ...pageQuery,
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

export const followUpItem = z.object({
  id: z.uuid(),
  kind: z.enum(followUpKinds),
  text: z.string(),
  addressee: z.object({ id: z.uuid(), name: z.string() }),
  dueDate: z.string(),
  status: z.enum(followUpStatuses),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  accepted: z.object({ at: timestamp, byName: z.string().nullable() }).nullable(),
  withdrawn: z.object({ at: timestamp, reason: z.enum(followUpWithdrawnReasons).nullable() }).nullable(),
  inspection: z.object({ id: z.uuid(), targetName: z.string(), planId: z.uuid(), planCode: z.string() }),
  conclusion: z.object({ id: z.uuid(), number: z.string(), year: z.number().int() }),
  lastUpdate: z.object({ at: timestamp, note: z.string().nullable() }).nullable(),
});
export type FollowUpItem = z.infer<typeof followUpItem>;

export const followUpDetail = followUpItem.extend({
  history: z.array(
    z.object({
      id: z.uuid(),
      action: z.enum(followUpUpdateActions),
      status: z.enum(followUpStatuses),
      note: z.string().nullable(),
      authorName: z.string(),
      at: timestamp,
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number().int(),
      uploadedByName: z.string(),
      uploadedAt: timestamp,
    }),
  ),
  /** what the caller may do with this follow-up now, from the catalogue (src/shared/permissions.ts) */
  permissions: z.object({ report: z.boolean(), accept: z.boolean() }),
});
export type FollowUpDetail = z.infer<typeof followUpDetail>;

const note = z.string().trim().min(1, because('NOT_EMPTY')).max(10_000);

export const followUpUpdateInput = z.strictObject({ status: z.enum(followUpStatuses), note });
export type FollowUpUpdateInput = z.infer<typeof followUpUpdateInput>;

/** Returning a report needs a reason the unit can act on; accepting may carry a remark. */
export const followUpAcceptanceInput = z
  .strictObject({ accepted: z.boolean(), note: note.optional() })
  .refine((v) => v.accepted || v.note, { path: ['note'], message: because('REASON_REQUIRED_TO_RETURN') });
export type FollowUpAcceptanceInput = z.infer<typeof followUpAcceptanceInput>;
