import { z } from 'zod';
import { followUpStatuses } from '../domain.js';
import { timestamp } from '../fields.js';
import { followUpKinds } from './follow-ups.js';

/** An inspection's publication state, as the secretariat sees it on the inspection page. */
export const publicationState = z.object({
  inspectionId: z.uuid(),
  published: z.boolean(),
  publishedAt: timestamp.nullable(),
  withdrawnAt: timestamp.nullable(),
  withdrawReason: z.string().nullable(),
  /** the public page that shows it (null until the inspection has been published once) */
  publicPath: z.string().nullable(),
  version: z.number().int(),
  permissions: z.object({ publish: z.boolean(), withdraw: z.boolean() }),
});
export type PublicationState = z.infer<typeof publicationState>;

export const withdrawInput = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  version: z.number().int().min(0).optional(),
});
export type WithdrawInput = z.infer<typeof withdrawInput>;

export const publishInput = z.strictObject({ version: z.number().int().min(0).optional() });

/**
 * What the public sees of a recommendation: numbers, dates, units and status — never a person's name, a progress
 * note or evidence (issue 14 §3: no personal data).
 */
export const publicRecommendation = z.object({
  kind: z.enum(followUpKinds),
  text: z.string(),
  addressee: z.string(),
  dueDate: z.string(),
  status: z.enum(followUpStatuses),
  accepted: z.boolean(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
});

export const publicInspection = z.object({
  inspectedUnit: z.string(),
  planCode: z.string(),
  conclusion: z.object({ number: z.string(), year: z.number().int() }),
  publishedAt: timestamp,
  recommendations: z.array(publicRecommendation),
});

export const publicProgram = z.object({ id: z.uuid(), code: z.string(), title: z.string(), inspections: z.number() });

export const publicProgramList = z.object({ items: z.array(publicProgram) });

export const publicFeed = z.object({
  program: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  /** the day overdue is counted to (Hanoi) */
  asOf: z.string(),
  generatedAt: timestamp,
  inspections: z.array(publicInspection),
});
export type PublicFeed = z.infer<typeof publicFeed>;
