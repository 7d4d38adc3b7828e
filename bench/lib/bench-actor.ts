import type { Actor } from '../../src/server/http/context.js';

/** The secretariat the in-process benches call services as (no account behind it: nothing here is audited for real). */
export const BENCH_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'secretariat',
  orgUnitId: null,
  orgUnitName: null,
  personId: null,
};
