import '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { forbidden, unauthenticated } from './errors.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sb_session';

/**
 * Enterprise accounts reach only the enterprise-facing API. The officials' modules were written before the role
 * existed and read "not a unit" as "staff", so this fence keeps them out of inspections, follow-ups and the rest.
 */
const ENTERPRISE_API = [
  '/api/auth/',
  '/api/enterprises',
  '/api/vsic-codes',
  '/api/dx/frameworks',
  '/api/dx/assessments',
];

/** Resolves the session cookie on every API request; non-public routes need a session. */
export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await auth.resolve(token) : null;
    req.actor = session?.actor ?? null;
    req.sessionId = session?.sessionId ?? null;
    if (!req.actor && !req.routeOptions.config?.public) throw unauthenticated();
    if (
      req.actor?.role === 'enterprise' &&
      !req.routeOptions.config?.public &&
      !ENTERPRISE_API.some((p) => req.url.startsWith(p))
    ) {
      throw forbidden('Enterprise accounts use the enterprise pages only');
    }
  });
}
