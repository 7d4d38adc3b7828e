import { describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openDb } from './db/client.js';
import { systemClock } from './lib/clock.js';

describe('production start-up', () => {
  it('creates only the configured admin: no demo accounts, no known password', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      ADMIN_USERNAME: 'chief',
      ADMIN_PASSWORD: 'correct-horse-battery',
      WEB_DIST: '/nonexistent',
    });
    const handle = await openDb({ dataDir: 'memory://' });
    try {
      const { app, services } = await buildApp({ db: handle.db, dbKind: handle.kind, config, clock: systemClock });
      await prepareDatabase(handle, config, services);
      await prepareDatabase(handle, config, services); // a restart changes nothing
      expect(await services.users.count()).toBe(1);
      const demo = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'demo' },
      });
      expect(demo.statusCode).toBe(401);
      const ok = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'chief', password: 'correct-horse-battery' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.cookies[0].secure).toBe(true);
      await app.close();
    } finally {
      await handle.close();
    }
  });
});
