import { z } from 'zod';

/** `GET /api/health`: the process answers and its database too. */
export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  time: z.string(),
});

/** `GET /api/ready`: may this instance take traffic (200), or not (503, with the check that failed). */
export const readyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    db: z.enum(['ok', 'unreachable', 'not_checked']),
    migrations: z.enum(['applied', 'pending']),
    shuttingDown: z.boolean(),
  }),
});
