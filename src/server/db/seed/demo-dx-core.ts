import { allQuestions } from '../../../shared/dx/framework-format.js';
import { bestAnswer } from '../../../shared/dx/what-if.js';
import type { Actor } from '../../http/context.js';
import type { Services } from '../../services.js';
import { DEMO_PASSWORD } from './demo-foundation.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

/** A valid tax code (check digit 8) for the invented demo enterprise. */
export const DEMO_ENTERPRISE_TAX_CODE = '0109123458';
export const DEMO_ASSESSMENT_YEAR = 2025;

/**
 * One invented enterprise with the `enterprise-demo` account (password "demo") and a DBI-SME assessment
 * in progress: the first three pillars answered, the other three still open.
 */
export async function seedDemoDxCore(services: Services) {
  const { enterprises, users, dxAssessments, dxFrameworks } = services;
  await enterprises.create(
    SYSTEM_ACTOR,
    {
      taxCode: DEMO_ENTERPRISE_TAX_CODE,
      name: 'Công ty TNHH Giải pháp Số Hồ Tây (demo)',
      communeCode: 'HN.00103',
      sectorCode: 'G',
      industryCode: '4651',
      address: 'Số 12 đường Thụy Khuê, Phường Tây Hồ (demo)',
      employees: 25,
      revenueVnd: 18_000_000_000,
      capitalVnd: 6_000_000_000,
    },
    { isDemo: true },
  );
  const user = await users.create(SYSTEM_ACTOR, {
    username: 'enterprise-demo',
    displayName: 'Giải pháp Số Hồ Tây (doanh nghiệp demo)',
    role: 'enterprise',
    password: DEMO_PASSWORD,
    orgUnitId: null,
    personId: null,
  });
  await enterprises.linkUser(SYSTEM_ACTOR, user.id, DEMO_ENTERPRISE_TAX_CODE);
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: 'enterprise',
    orgUnitId: null,
    orgUnitName: null,
    personId: null,
  };
  const assessment = await dxAssessments.start(actor, { frameworkCode: 'DBI-SME', year: DEMO_ASSESSMENT_YEAR });
  const { definition } = await dxFrameworks.version(actor, 'DBI-SME');
  // a middling firm: a good answer to every other question of the first three pillars
  const answers: Record<string, unknown> = {};
  allQuestions(definition)
    .filter(({ pillar }) => ['CX', 'ST', 'IT'].includes(pillar))
    .forEach(({ question: q }, i) => {
      if (q.type === 'single') answers[q.code] = q.options[i % 2 ? q.options.length - 1 : 1].code;
      else if (q.type === 'multi') answers[q.code] = q.options.slice(0, 3).map((o) => o.code);
      else if (q.type === 'yesno') answers[q.code] = true;
      else if (q.type === 'number' || q.type === 'ratio')
        answers[q.code] = q.bands[Math.min(3, q.bands.length - 1)].from;
      else if (q.code === 'CX-1b') answers[q.code] = 'https://hotaydigital.example.vn';
      else if (bestAnswer(q)) answers[q.code] = bestAnswer(q)!.value;
    });
  await dxAssessments.saveAnswers(actor, assessment.id, answers);
  return { assessmentId: assessment.id };
}
