import '@fastify/cookie';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { audienceOf, audiences, type Audience } from '../../shared/permissions.js';
import { forbidden, unauthenticated } from './errors.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sb_session';

const audiencesOf = (a: Audience | readonly Audience[] | undefined): readonly Audience[] =>
  a === undefined ? [] : typeof a === 'string' ? [a] : a;

/**
 * Every API route declares its audience (`config.audience`); one without is a programming error, refused when
 * the route is registered so no new route can forget it. Called from an `onRoute` hook.
 */
export function assertRouteAudience(route: Pick<RouteOptions, 'url' | 'method' | 'config'>) {
  if (!route.url.startsWith('/api/')) return;
  const list = audiencesOf(route.config?.audience);
  if (!list.length || list.some((a) => !audiences.includes(a)))
    throw new Error(`Route ${[route.method].flat().join(',')} ${route.url} declares no audience (config.audience)`);
}

/**
 * Resolves the session cookie on every API request, then holds the caller to the route's audience: a public
 * route lets anyone in, any other needs a session whose kind (staff or enterprise) the route names. What the
 * caller may then do with a record is the services' `authorize()` (src/shared/permissions.ts).
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await auth.resolve(token) : null;
    req.actor = session?.actor ?? null;
    req.sessionId = session?.sessionId ?? null;
    const list = audiencesOf(req.routeOptions.config?.audience);
    if (list.includes('public')) return;
    if (!req.actor) throw unauthenticated();
    // unknown URLs (the not-found handler) have no audience: any session gets its 404
    if (list.length && !list.includes(audienceOf(req.actor.role)))
      throw forbidden(`This part of the API is not for ${audienceOf(req.actor.role)} accounts`);
  });
}
