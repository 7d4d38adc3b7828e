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
import { unauthenticated } from '../../http/errors.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
import type { FastifyRequest } from 'fastify';
import type { UsersService } from '../users/users.service.js';
import type { AuthService } from './auth.service.js';

const tags = ['auth'];

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
