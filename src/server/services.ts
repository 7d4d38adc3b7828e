import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Clock } from './lib/clock.js';
import { createAuditRepo } from './modules/audit/audit.repo.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuthRepo } from './modules/auth/auth.repo.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createOrgUnitsRepo } from './modules/org-units/org-units.repo.js';
import { createOrgUnitsService } from './modules/org-units/org-units.service.js';
import { createPeopleRepo } from './modules/people/people.repo.js';
import { createPeopleService } from './modules/people/people.service.js';
import { createUsersRepo } from './modules/users/users.repo.js';
import { createUsersService } from './modules/users/users.service.js';

export interface Deps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  clock: Clock;
}

/** Wires every feature's repo and service once; routes, seeds and scripts share the result. */
export function createServices({ db, config, clock }: Deps) {
  const audit = createAuditService({ repo: createAuditRepo() });
  const orgUnitsRepo = createOrgUnitsRepo();
  const auth = createAuthService({
    db, repo: createAuthRepo(), audit, clock, sessionTtlHours: config.sessionTtlHours, login: config.login,
  });
  const orgUnits = createOrgUnitsService({ db, repo: orgUnitsRepo, audit });
  const people = createPeopleService({ db, repo: createPeopleRepo(), orgUnits: orgUnitsRepo, audit });
  const users = createUsersService({ db, repo: createUsersRepo(), audit });
  return { audit, auth, orgUnits, people, users };
}
export type Services = ReturnType<typeof createServices>;
