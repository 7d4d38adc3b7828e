import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { route } from './route.js';
import type { Db } from '../db/client.js';
import { pendingMigrations } from '../db/migrate.js';

/** The process's state as the proxy should see it: shutting down turns readiness false before anything closes. */
export interface Lifecycle {
  shuttingDown: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

const DB_TIMEOUT_MS = 2_000;

/**
 * `GET /api/ready`: may this instance take traffic? The database answers, this build's migrations are all applied,
 * and it is not shutting down. 503 otherwise, so a proxy or orchestrator sends requests elsewhere.
 * `GET /api/health` stays the liveness check (the process answers).
 */
export function registerReadiness(app: FastifyInstance, db: Db) {
  const lifecycle: Lifecycle = { shuttingDown: false };
  app.decorate('lifecycle', lifecycle);
  // once shutting down, every answer closes its connection: a keep-alive connection (a browser's, or nginx's
  // upstream pool) left open would hold the server's close until the grace period ends
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (lifecycle.shuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
  // once every migration of this build is applied it stays so: later checks only ask the database to answer
  let migrated = false;
  route(
    app,
    'GET /api/ready',
    {
      tags: ['system'],
      summary: 'Readiness: database reachable, migrations applied, not shutting down (503 otherwise)',
      security: [],
      config: { audience: 'public' },
    },
    async (_req, reply) => {
      const shuttingDown = app.lifecycle.shuttingDown;
      let dbOk = false;
      if (!shuttingDown) {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            (async () => {
              if (!migrated) migrated = (await pendingMigrations(db)).length === 0;
              else await db.execute(sql`select 1`);
            })(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('database timeout')), DB_TIMEOUT_MS);
            }),
          ]);
          dbOk = true;
        } catch {
          dbOk = false;
        } finally {
          clearTimeout(timer);
        }
      }
      const ready = !shuttingDown && dbOk && migrated;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks: {
          db: shuttingDown ? 'not_checked' : dbOk ? 'ok' : 'unreachable',
          migrations: migrated ? 'applied' : 'pending',
          shuttingDown,
        },
      });
    },
  );
}
