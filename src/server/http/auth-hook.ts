import '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { unauthenticated } from './errors.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sb_session';

/** Resolves the session cookie on every API request; non-public routes need a session. */
export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    req.actor = token ? await auth.resolve(token) : null;
    if (!req.actor && !req.routeOptions.config?.public) throw unauthenticated();
  });
}
