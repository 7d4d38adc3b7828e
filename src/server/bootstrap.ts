import type { Config } from './config.js';
import type { DbHandle } from './db/client.js';
import { migrate } from './db/migrate.js';
import { loadReferenceData } from './db/reference/load-reference.js';
import { seedDemo } from './db/seed/demo.js';
import type { Services } from './services.js';
import { SYSTEM_ACTOR } from './http/authorize.js';

/**
 * Brings a database up to date: migrations, reference data, then either the first admin
 * (production) or the demo data (first start elsewhere). Safe to run on every start.
 */
export async function prepareDatabase(
  handle: DbHandle,
  config: Config,
  services: Services,
  log: (msg: string) => void = () => {},
) {
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
