import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { DashboardService } from './dashboard.service.js';

export const dashboardRoutes =
  (svc: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/dashboard',
      {
        tags: ['dashboard'],
        summary:
          'Plan progress, inspections by status, follow-up counts and the most overdue follow-ups (unit accounts: their own)',
        config: { audience: 'staff' },
      },
      async (req) => svc.get(requireActor(req)),
    );
  };
