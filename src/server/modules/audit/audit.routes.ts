import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { auditPolicy } from './audit.policy.js';
import type { Db } from '../../db/client.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes =
  (db: Db, audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/audit-events',
      { tags: ['audit'], summary: 'Browse the audit log (admin)', config: { audience: 'staff' } },
      async (req) => {
        auditPolicy.assertCanRead(requireActor(req));
        return audit.list(db, req.query);
      },
    );
  };
