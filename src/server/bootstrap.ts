import type { Config } from './config.js';
import type { DbHandle } from './db/client.js';
import { migrate } from './db/migrate.js';
import { loadReferenceData } from './db/reference/load-reference.js';
import { seedDemo } from './db/seed/demo.js';
import type { Services } from './services.js';
import { SYSTEM_ACTOR } from './http/authorize.js';

// the whole start-up preparation, one instance at a time (the migrations' own lock is another key)
export const PREPARE_LOCK_KEY = 7_042_025;

/**
 * Brings a database up to date: migrations, reference data, then either the first admin
 * (production) or the demo data (first start elsewhere). Safe to run on every start.
 * Several instances starting together on one PostgreSQL: one prepares while the others wait for the advisory lock
 * and then find everything done; if the one preparing dies, its lock ends with its connection and the next one
 * prepares (each step is idempotent; each migration is one transaction).
 */
export async function prepareDatabase(
  handle: DbHandle,
  config: Config,
  services: Services,
  log: (msg: string) => void = () => {},
) {
  await handle.exclusive(PREPARE_LOCK_KEY, async () => {
    log('preparing the database (holding the start-up lock)');
    await prepare(handle, config, services, log);
  });
}

async function prepare(handle: DbHandle, config: Config, services: Services, log: (msg: string) => void) {
  const applied = await migrate(handle.db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const { inserted } = await loadReferenceData(handle.db);
  if (inserted) log(`reference data: ${inserted} org units loaded`);
  await services.dxFrameworks.ensureBundled();

  const empty = (await services.users.count()) === 0;
  if (config.admin && !(await services.users.getByUsername(config.admin.username))) {
    await services.users.create(SYSTEM_ACTOR, {
      username: config.admin.username,
      displayName: 'Administrator',
      role: 'admin',
      password: config.admin.password,
    });
    log(`admin account ${config.admin.username} created`);
  }
  if (empty && config.loadDemo) {
    await seedDemo(services);
    log(
      'demo data loaded (accounts admin, secretariat, team1, team2, unit-stttt, unit-ttht, unit-skhdt, unit-skhcn, viewer, enterprise-demo; password "demo")',
    );
  }
}
