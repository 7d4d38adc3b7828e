import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { MyWorkService } from './my-work.service.js';

export const myWorkRoutes =
  (svc: MyWorkService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/my-work',
      {
        tags: ['my-work'],
        summary:
          "The caller's home: what it must do and what waits for it across inspections, monitoring and DX, each line with its reason",
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.get(requireActor(req)),
    );
  };
