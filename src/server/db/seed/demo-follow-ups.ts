import type { Actor } from '../../http/context.js';
import type { Services } from '../../services.js';
import type { DemoFoundation } from './demo-foundation.js';
import type { DemoPlans } from './demo-plans.js';

async function actorOf(services: Services, username: string): Promise<Actor> {
  const u = await services.users.getByUsername(username);
  if (!u) throw new Error(`demo: account ${username} missing`);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnitName,
    personId: u.personId,
  };
}

/**
 * Progress on the follow-ups of the issued demo conclusion: the Sở TT&TT reports work on one remedy,
 * one recommendation is done and accepted by the secretariat, and the earliest remedy stays untouched
 * so that it shows as overdue.
 */
export async function seedDemoFollowUps(
  services: Services,
  foundation: DemoFoundation,
  plans: DemoPlans,
  inspections: { conclusionId: string },
) {
  const [unit, secretariat] = [await actorOf(services, 'unit-stttt'), await actorOf(services, 'secretariat')];
  const { items } = await services.followUps.list(secretariat, {
    inspectionId: plans.inspections.stttt,
    limit: 100,
    offset: 0,
  });
  const issued = items.filter((i) => i.conclusion.id === inspections.conclusionId);
  const remedies = issued.filter((i) => i.kind === 'remedy');
  const recommendations = issued.filter((i) => i.kind === 'recommendation');
  if (remedies.length < 2 || !recommendations.length)
    throw new Error('demo: the issued conclusion needs two remedies and a recommendation');

  // remedies come earliest-due first: the first (due in 2024) is left overdue
  await services.followUps.report(unit, remedies[1].id, {
    status: 'in_progress',
    note: 'Sở đã giao Trung tâm Công nghệ thông tin xây dựng dự thảo kế hoạch; dự kiến trình UBND Thành phố trong quý tới.',
  });
  const done = recommendations[0];
  // the addressee reports; the secretariat reports on behalf of a city-level addressee without its own account
  const reporter = done.addressee.id === foundation.units.stttt ? unit : secretariat;
  await services.followUps.report(reporter, done.id, {
    status: 'done',
    note: 'Đã ban hành văn bản hướng dẫn và tổ chức hội nghị phổ biến cho các đơn vị trực thuộc.',
  });
  await services.followUps.decide(secretariat, done.id, {
    accepted: true,
    note: 'Đạt yêu cầu, đề nghị tiếp tục duy trì.',
  });
}
