import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboard } from '../../../shared/contracts/dashboard.js';
import { requireActor } from '../../http/context.js';
import type { DashboardService } from './dashboard.service.js';

export const dashboardRoutes =
  (svc: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dashboard',
      {
        config: { audience: 'staff' },
        schema: {
          tags: ['dashboard'],
          summary:
            'Plan progress, inspections by status, follow-up counts and the most overdue follow-ups (unit accounts: their own)',
          response: { 200: dashboard },
        },
      },
      async (req) => svc.get(requireActor(req)),
    );
  };
