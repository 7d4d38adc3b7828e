import { mkdirSync } from 'node:fs';
import { loadConfig } from './config.js';
import { openDb } from './db/client.js';
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { systemClock } from './lib/clock.js';

const config = loadConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const handle = await openDb({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
const { app, services } = await buildApp(
  { db: handle.db, dbKind: handle.kind, config, clock: systemClock },
  { logger: true },
);
await prepareDatabase(handle, config, services, (msg) => app.log.info(msg));
await app.listen({ port: config.port, host: config.host });

// a failed close still ends the process: non-zero, with the reason in the log (not an unhandled rejection)
async function stop() {
  try {
    await app.close();
    await handle.close();
    process.exit(0);
  } catch (e) {
    app.log.error(e);
    process.exit(1);
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
