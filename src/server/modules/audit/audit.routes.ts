import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { auditPolicy } from './audit.policy.js';
import type { Db } from '../../db/client.js';
import type { AuditService } from './audit.service.js';

const auditEvent = z.object({
  id: z.number().int(),
  at: z.date(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
const query = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(80).optional(),
  actorUsername: z.string().max(64).optional(),
  action: z.string().max(30).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});

export const auditRoutes =
  (db: Db, audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit-events',
      {
        config: { audience: 'staff' },
        schema: {
          tags: ['audit'],
          summary: 'Browse the audit log (admin)',
          querystring: query,
          response: { 200: pageOf(auditEvent) },
        },
      },
      async (req) => {
        auditPolicy.assertCanRead(requireActor(req));
        return audit.list(db, req.query);
      },
    );
  };
