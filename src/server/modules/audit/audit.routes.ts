import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEvent, auditListQuery } from '../../../shared/contracts/audit.js';
import { pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { auditPolicy } from './audit.policy.js';
import type { Db } from '../../db/client.js';
import type { AuditService } from './audit.service.js';

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
          querystring: auditListQuery,
          response: { 200: pageOf(auditEvent) },
        },
      },
      async (req) => {
        auditPolicy.assertCanRead(requireActor(req));
        return audit.list(db, req.query);
      },
    );
  };
