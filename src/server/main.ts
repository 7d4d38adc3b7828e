import { mkdirSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, pdfStartupLines, startupWarnings, type Config } from './config.js';
import { openDb } from './db/client.js';
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { systemClock } from './lib/clock.js';
import { shutdown } from './shutdown.js';

/** A start that cannot go on: one line saying why (the stack only at LOG_LEVEL=debug), exit code 1. */
function fail(e: unknown): never {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`steerboard: cannot start: ${message.replace(/\s*\n\s*/g, ' ')}`);
  if (process.env.LOG_LEVEL === 'debug' && e instanceof Error && !(e instanceof ConfigError)) console.error(e.stack);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  fail(e);
}

const handle = await (async () => {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  return openDb({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
})().catch(fail);
const { app, services } = await buildApp(
  { db: handle.db, dbKind: handle.kind, changes: handle.changes, config, clock: systemClock },
  { logger: true, poolStats: handle.poolStats, processMetrics: true },
);
for (const line of startupWarnings(config)) app.log.warn(line);
for (const { level, message } of pdfStartupLines(config)) app.log[level](message);
try {
  await prepareDatabase(handle, config, services, (msg) => app.log.info(msg));
  await app.listen({ port: config.port, host: config.host });
} catch (e) {
  await handle.close().catch(() => {});
  fail(e);
}

// SIGTERM/SIGINT: readiness false, stop accepting, finish in-flight requests and imports, close the database; past
// the grace period the process exits anyway (non-zero). An uncaught error takes the same path, logged first.
closeWithGrace(
  {
    delay: config.shutdown.graceMs,
    logger: { error: (m: unknown) => app.log.error(m) },
  },
  async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'fatal error: shutting down');
    else app.log.info(`${signal ?? 'close'}: shutting down (finishing requests in flight)`);
    await shutdown(app, handle, {
      drainMs: config.shutdown.drainMs,
      backgroundIdle: () => services.dxImports.idle(),
    });
  },
);
