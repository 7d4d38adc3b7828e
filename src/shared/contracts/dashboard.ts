import { z } from 'zod';
import { inspectionStatuses } from '../domain.js';
import { followUpItem } from './follow-ups.js';

/** Every inspection status with its count (0 included), so charts and sums need no guessing. */
const byStatus = z.record(z.enum(inspectionStatuses), z.number().int());

export const dashboard = z.object({
  plans: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      year: z.number().int(),
      inspectionsTotal: z.number().int(),
      byStatus,
      /** share of the plan's inspections whose conclusion is issued (issued, follow_up, closed), 0–100 */
      progressPercent: z.number().int(),
    }),
  ),
  inspectionsTotal: z.number().int(),
  inspectionsByStatus: byStatus,
  /** inspections whose conclusion has been issued (issued, follow_up, closed) */
  conclusionsIssued: z.number().int(),
  followUps: z.object({
    open: z.number().int(),
    inProgress: z.number().int(),
    done: z.number().int(),
    accepted: z.number().int(),
    overdue: z.number().int(),
  }),
  /** the 10 most overdue follow-ups */
  overdueFollowUps: z.array(followUpItem),
});
export type Dashboard = z.infer<typeof dashboard>;
