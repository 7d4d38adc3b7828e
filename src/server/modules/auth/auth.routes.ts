import '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginBody,
  meResponse,
  passwordChangeBody,
  sessionProbe,
  sessionList,
  sessionsEnded,
} from '../../../shared/contracts/auth.js';
import { idParams, okResponse } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { DomainError, unauthenticated } from '../../http/errors.js';
import { ErrorCode } from '../../../shared/errors.js';
import { reasonText } from '../../../shared/error-reasons.js';
import { isLoopbackHost } from '../../config.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
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
    app.post(
      '/api/auth/login',
      {
        config: { audience: 'public' },
        schema: {
          tags,
          summary: 'Log in; sets the HttpOnly session cookie',
          body: loginBody,
          response: { 200: meResponse },
        },
      },
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

    app.post(
      '/api/auth/logout',
      {
        config: { audience: 'public' },
        schema: { tags, summary: 'Log out; ends the session', response: { 200: okResponse } },
      },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await auth.logout(token, req.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: { tags, summary: 'The logged-in user', response: { 200: meResponse } },
      },
      async (req) => ({ user: requireActor(req) }),
    );

    app.get(
      '/api/auth/session',
      {
        config: { audience: 'public' },
        schema: {
          tags,
          summary: 'The logged-in user, or null without a session (200 either way: a start-up probe, not an error)',
          security: [],
          response: { 200: sessionProbe },
        },
      },
      async (req) => ({ user: req.actor }),
    );

    app.post(
      '/api/auth/password',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Change your own password; your other sessions end',
          body: passwordChangeBody,
          response: { 200: okResponse },
        },
      },
      async (req) => {
        const { actor, sessionId } = session(req);
        await users.changeOwnPassword(actor, { sessionId, ip: req.ip }, req.body.currentPassword, req.body.newPassword);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/sessions',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Your own sessions (created, last seen, address, browser; the current one marked)',
          response: { 200: sessionList },
        },
      },
      async (req) => {
        const { actor, sessionId } = session(req);
        return auth.listSessions(actor, sessionId);
      },
    );

    app.delete(
      '/api/auth/sessions',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: { tags, summary: 'End all your sessions but this one', response: { 200: sessionsEnded } },
      },
      async (req) => {
        const { actor, sessionId } = session(req);
        return auth.endOtherSessions(actor, sessionId);
      },
    );

    app.delete(
      '/api/auth/sessions/:id',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: { tags, summary: 'End one of your sessions', params: idParams, response: { 200: okResponse } },
      },
      async (req) => {
        await auth.endSession(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
