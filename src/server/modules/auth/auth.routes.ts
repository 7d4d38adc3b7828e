import '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { DomainError, unauthenticated } from '../../http/errors.js';
import { ErrorCode } from '../../../shared/errors.js';
import { reasonText } from '../../../shared/error-reasons.js';
import { isLoopbackHost } from '../../config.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
import { route } from '../../http/route.js';
import type { FastifyRequest } from 'fastify';
import type { UsersService } from '../users/users.service.js';
import type { AuthService } from './auth.service.js';

const tags = ['auth'];

/**
 * True when the browser's page is plain HTTP on a host other than localhost: a browser drops a `Secure` cookie set
 * there (localhost counts as secure), so the login would "succeed" and land back on an empty login form.
 * Read from `Origin`, which every browser sends on a POST: right even when no proxy says how it was reached.
 */
function pageIsPlainHttp(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin?.startsWith('http://')) return false;
  try {
    return !isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/** The request's actor and session id (every route below needs a session). */
function session(req: FastifyRequest) {
  const actor = requireActor(req);
  if (!req.sessionId) throw unauthenticated();
  return { actor, sessionId: req.sessionId };
}

export const authRoutes =
  (auth: AuthService, users: UsersService, cookie: { secure: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'POST /api/auth/login',
      { tags, summary: 'Log in; sets the HttpOnly session cookie', config: { audience: 'public' } },
      async (req, reply) => {
        if (cookie.secure && pageIsPlainHttp(req)) {
          req.log.warn('login refused: cookies are Secure; serve behind HTTPS or set COOKIE_SECURE=false');
          throw new DomainError(ErrorCode.FORBIDDEN, 403, reasonText('COOKIE_NEEDS_HTTPS', 'en'), {
            reason: 'COOKIE_NEEDS_HTTPS',
          });
        }
        const { token, actor, expiresAt } = await auth.login(req.body.username, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: cookie.secure,
          path: '/',
          expires: expiresAt,
        });
        return { user: actor };
      },
    );

    route(
      app,
      'POST /api/auth/logout',
      { tags, summary: 'Log out; ends the session', config: { audience: 'public' } },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await auth.logout(token, req.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    route(
      app,
      'GET /api/auth/me',
      { tags, summary: 'The logged-in user', config: { audience: ['staff', 'enterprise'] } },
      async (req) => ({ user: requireActor(req) }),
    );

    route(
      app,
      'GET /api/auth/session',
      {
        tags,
        summary: 'The logged-in user, or null without a session (200 either way: a start-up probe, not an error)',
        security: [],
        config: { audience: 'public' },
      },
      async (req) => ({ user: req.actor }),
    );

    route(
      app,
      'POST /api/auth/password',
      {
        tags,
        summary: 'Change your own password; your other sessions end',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => {
        const { actor, sessionId } = session(req);
        await users.changeOwnPassword(actor, { sessionId, ip: req.ip }, req.body.currentPassword, req.body.newPassword);
        return { ok: true as const };
      },
    );

    route(
      app,
      'GET /api/auth/sessions',
      {
        tags,
        summary: 'Your own sessions (created, last seen, address, browser; the current one marked)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => {
        const { actor, sessionId } = session(req);
        return auth.listSessions(actor, sessionId);
      },
    );

    route(
      app,
      'DELETE /api/auth/sessions',
      { tags, summary: 'End all your sessions but this one', config: { audience: ['staff', 'enterprise'] } },
      async (req) => {
        const { actor, sessionId } = session(req);
        return auth.endOtherSessions(actor, sessionId);
      },
    );

    route(
      app,
      'DELETE /api/auth/sessions/{id}',
      { tags, summary: 'End one of your sessions', config: { audience: ['staff', 'enterprise'] } },
      async (req) => {
        await auth.endSession(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
