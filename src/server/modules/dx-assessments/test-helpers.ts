import { sql } from 'drizzle-orm';
import { allQuestions } from '../../../shared/dx/framework-format.js';
import { bestAnswer } from '../../../shared/dx/what-if.js';
import { enterpriseInputFor, type Factories } from '../../test/factories.js';
import type { TestContext } from '../../test/test-app.js';
import { readBundledFramework } from '../dx-frameworks/bundled.js';
import type { EnterpriseInput } from '../../../shared/contracts/enterprises.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

export const dbi = readBundledFramework('dbi-sme.json');

/** The best answer to every DBI-SME question (320 points). */
export const bestDbiAnswers = (): Record<string, unknown> =>
  Object.fromEntries(
    allQuestions(dbi).flatMap(({ question }) => {
      const b = bestAnswer(question);
      return b ? [[question.code, b.value]] : [];
    }),
  );

/** The lowest-scoring answer to every required question: enough to submit, scoring 0. */
export const minimalDbiAnswers = (): Record<string, unknown> =>
  Object.fromEntries(
    allQuestions(dbi)
      .filter(({ question: q }) => q.required && !q.showIf)
      .map(({ question: q }) => {
        switch (q.type) {
          case 'single':
            return [q.code, q.options[0].code];
          case 'yesno':
            return [q.code, false];
          default:
            return [q.code, 0];
        }
      }),
  );

/** A registered enterprise with `accounts` enterprise users (cookies), and the secretariat's cookie. */
export async function enterpriseWithAccounts(
  ctx: TestContext,
  f: Factories,
  accounts = 1,
  o: Partial<EnterpriseInput> = {},
) {
  const secretariat = await ctx.login('secretariat');
  const res = await ctx.as(secretariat, { method: 'POST', url: '/api/enterprises', payload: enterpriseInputFor(o) });
  if (res.statusCode !== 201) throw new Error(res.body);
  const cookies: string[] = [];
  const userIds: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const user = await f.user('enterprise');
    await ctx.services.enterprises.linkUser(SYSTEM_ACTOR, user.id, res.json().taxCode);
    cookies.push(await ctx.login(user.username, user.password));
    userIds.push(user.id);
  }
  return {
    enterprise: res.json<{ id: string; taxCode: string; sectorCode: string; sizeClass: string }>(),
    cookies,
    userIds,
    secretariat,
  };
}

/** Assessments counted in the rollup for a year (all communes, sectors, sizes, levels). */
export async function rollupCount(ctx: TestContext, year: number): Promise<number> {
  const res = await ctx.handle.db.execute(
    sql`select coalesce(sum(n), 0)::int as n from dx_rollups where year = ${year}`,
  );
  const rows = (res as { rows: { n: number }[] }).rows;
  return Number(rows[0].n);
}
