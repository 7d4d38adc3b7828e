import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { route } from '../../http/route.js';
import type { InspectionsService } from './inspections.service.js';

/** The origin the request came to, printed in a document's verification address when PUBLIC_ORIGIN is not set. */
export const requestOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export const verificationRoutes =
  (svc: InspectionsService, opts: { ratePerMinute: number }): FastifyPluginAsyncZod =>
  async (app) => {
    // no login, limited per address like the publication pages: a code has 60 random bits, and the limit keeps
    // anyone from trying codes in bulk
    route(
      app,
      'GET /api/public/verify/{code}',
      {
        tags: ['verification'],
        summary: 'Check an issued document by the verification code in its footer (no login; facts only, no content)',
        security: [],
        config: { audience: 'public', rateLimit: { max: opts.ratePerMinute, timeWindow: 60_000 } },
      },
      async (req, reply) => {
        // an issued version never changes, only whether a correction replaced it: a short cache
        void reply.header('cache-control', 'public, max-age=60');
        return svc.verify(req.params.code, requestOrigin(req));
      },
    );
  };
