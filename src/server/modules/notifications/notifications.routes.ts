import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];
const mine = { audience: ['staff', 'enterprise'] } as const;

export const notificationsRoutes =
  (notifications: NotificationsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, 'GET /api/notifications', { tags, summary: 'My notifications, newest first', config: mine }, (req) =>
      notifications.list(requireActor(req), req.query),
    );
    route(app, 'POST /api/notifications/{id}/read', { tags, summary: 'Mark one read', config: mine }, async (req) => {
      await notifications.markRead(requireActor(req), req.params.id);
      return { ok: true as const };
    });
    route(app, 'POST /api/notifications/read-all', { tags, summary: 'Mark all mine read', config: mine }, (req) =>
      notifications.markAllRead(requireActor(req)),
    );
    route(
      app,
      'GET /api/notification-preferences',
      { tags, summary: 'How I receive each kind of notification by e-mail', config: mine },
      (req) => notifications.preferences(requireActor(req)),
    );
    route(
      app,
      'PUT /api/notification-preferences',
      { tags, summary: 'Choose: at once, daily digest or off (escalations cannot be off)', config: mine },
      (req) => notifications.setPreferences(requireActor(req), req.body),
    );
    route(
      app,
      'GET /api/notification-sends',
      { tags, summary: 'E-mail sends and their failures (admin)', config: { audience: 'staff' } },
      (req) => notifications.listSends(requireActor(req), req.query),
    );
  };
