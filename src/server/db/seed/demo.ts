import type { Services } from '../../services.js';
import { seedDemoDxAnalytics } from './demo-dx-analytics.js';
import { seedDemoFollowUps } from './demo-follow-ups.js';
import { seedDemoFoundation } from './demo-foundation.js';
import { seedDemoInspections } from './demo-inspections.js';
import { seedDemoMonitoring } from './demo-monitoring.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoDxCore } from './demo-dx-core.js';

/**
 * The demo: the article's program, plan, teams and targets, one inspection carried to an issued
 * conclusion with follow-ups. Runs once, on an empty database (no user accounts yet).
 */
export async function seedDemo(services: Services) {
  const foundation = await seedDemoFoundation(services);
  const plans = await seedDemoPlans(services, foundation);
  const inspections = await seedDemoInspections(services, foundation, plans);
  await seedDemoFollowUps(services, foundation, plans, inspections);
  await seedDemoDxCore(services);
  await seedDemoDxAnalytics(services);
  const monitoring = await seedDemoMonitoring(services, foundation);
  return { foundation, plans, inspections, monitoring };
}
