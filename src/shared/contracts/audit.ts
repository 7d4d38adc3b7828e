import { z } from 'zod';
import { isoDate, pageQuery, timestamp } from '../fields.js';

/** One audit event: who did what to which record, with the record before and after. */
export const auditEvent = z.object({
  id: z.number().int(),
  at: timestamp,
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** The record as people know it (its name) and the page that shows it; null when nothing names it any more. */
  subject: z
    .object({ name: z.string(), nameEn: z.string().nullable().optional(), path: z.string().nullable() })
    .nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditListQuery = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(80).optional(),
  actorUsername: z.string().max(64).optional(),
  action: z.string().max(30).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type AuditListQuery = z.input<typeof auditListQuery>;
