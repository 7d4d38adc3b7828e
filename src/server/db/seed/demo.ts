import type { Services } from '../../services.js';
import { seedDemoFoundation } from './demo-foundation.js';

/**
 * The demo: the article's program, plan, teams and targets, one inspection carried to an issued
 * conclusion with follow-ups. Runs once, on an empty database (no user accounts yet).
 */
export async function seedDemo(services: Services) {
  const foundation = await seedDemoFoundation(services);
  return { foundation };
}
