import { z } from 'zod';

/** `GET /api/health`: the process answers and its database too. */
export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  time: z.string(),
});
