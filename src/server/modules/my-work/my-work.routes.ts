import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myWork } from '../../../shared/contracts/my-work.js';
import { requireActor } from '../../http/context.js';
import type { MyWorkService } from './my-work.service.js';

export const myWorkRoutes =
  (svc: MyWorkService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/my-work',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags: ['my-work'],
          summary:
            "The caller's home: what it must do and what waits for it across inspections, monitoring and DX, each line with its reason",
          response: { 200: myWork },
        },
      },
      async (req) => svc.get(requireActor(req)),
    );
  };
