import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestOrigin } from '../../http/origin.js';
import { route } from '../../http/route.js';
import type { VerificationService } from './verification.service.js';

export const verificationRoutes =
  (svc: VerificationService, opts: { ratePerMinute: number }): FastifyPluginAsyncZod =>
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
