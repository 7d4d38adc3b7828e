import '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginBody, meResponse } from '../../../shared/contracts/auth.js';
import { okResponse } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
import type { AuthService } from './auth.service.js';

export const authRoutes =
  (auth: AuthService, cookie: { secure: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { audience: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Log in; sets the HttpOnly session cookie',
          body: loginBody,
          response: { 200: meResponse },
        },
      },
      async (req, reply) => {
        const { token, actor, expiresAt } = await auth.login(req.body.username, req.body.password, req.ip);
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
        schema: { tags: ['auth'], summary: 'Log out; ends the session', response: { 200: okResponse } },
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
        schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: meResponse } },
      },
      async (req) => ({ user: requireActor(req) }),
    );
  };
