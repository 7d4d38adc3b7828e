import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.js';
import { unique, useTestContext } from '../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

async function count(query: ReturnType<typeof sql>) {
  return rowsOf<{ n: number }>(await ctx.handle.db.execute(query))[0].n;
}
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
const post = (url: string, payload: object, key?: string) =>
  ctx.as(cookies.secretariat, {
    method: 'POST',
    url,
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });

/** Three ways to create a record the domain says exists once, each with its own fresh parent. */
const cases = {
  async target() {
    const { plan } = await f.plan();
    const team = await f.team(plan.id, [{ personId: (await f.person()).id, role: 'head' }]);
    const unit = await f.orgUnit();
    return {
      url: `/api/inspection-teams/${team.id}/targets`,
      body: { targetOrgUnitId: unit.id, windowStart: '2024-05-01', windowEnd: '2024-05-10' },
      count: () => count(sql`select count(*)::int as n from inspections where team_id = ${team.id}`),
    };
  },
  async round() {
    const program = await f.program();
    const unit = await f.orgUnit();
    return {
      url: '/api/reporting-rounds',
      body: {
        programId: program.id,
        title: 'Báo cáo quý 2/2024',
        periodType: 'quarter',
        year: 2024,
        quarter: 2,
        dueDate: '2024-07-15',
        orgUnitIds: [unit.id],
      },
      count: () => count(sql`select count(*)::int as n from reporting_rounds where program_id = ${program.id}`),
    };
  },
  async person() {
    const unit = await f.orgUnit();
    const email = `${unique('nguoi')}@hanoi.gov.vn`;
    return {
      url: '/api/people',
      body: { fullName: 'Nguyễn Thị Hà', orgUnitId: unit.id, email },
      count: () => count(sql`select count(*)::int as n from people where lower(email) = lower(${email})`),
    };
  },
};

describe('no duplicates', () => {
  for (const [name, make] of Object.entries(cases)) {
    it(`20 identical concurrent creations of a ${name} make one record; the others get 409`, async () => {
      const c = await make();
      const res = await times(20, () => post(c.url, c.body));
      expect(res.filter((r) => r.statusCode === 201).length, res.map((r) => r.body).join('\n')).toBe(1);
      expect(res.filter((r) => r.statusCode !== 201).map((r) => r.statusCode)).toEqual(Array(19).fill(409));
      expect(await c.count()).toBe(1);
    });

    it(`a ${name} created again, one after the other, is refused with 409`, async () => {
      const c = await make();
      expect((await post(c.url, c.body)).statusCode).toBe(201);
      const again = await post(c.url, c.body);
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().error.code).toBe('CONFLICT');
      expect(await c.count()).toBe(1);
    });

    it(`a ${name} retried with the same Idempotency-Key gets the same response and makes one record`, async () => {
      const c = await make();
      const key = unique('key');
      const first = await post(c.url, c.body, key);
      expect(first.statusCode, first.body).toBe(201);
      const retry = await post(c.url, c.body, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await c.count()).toBe(1);
    });
  }

  it('refuses a key reused for another body (422) and answers concurrent retries of one key once', async () => {
    const c = await cases.person();
    const key = unique('key');
    const res = await times(20, () => post(c.url, c.body, key));
    const created = res.filter((r) => r.statusCode === 201);
    // the first runs; a retry arriving while it runs is told so (409), one arriving after gets its response
    expect(res.every((r) => r.statusCode === 201 || r.json().error.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    expect(await c.count()).toBe(1);

    const other = await post(c.url, { ...c.body, fullName: 'Trần Văn Nam' }, key);
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await post((await cases.round()).url, (await cases.round()).body, key);
    expect(elsewhere.statusCode).toBe(422);
    const bad = await post(c.url, { ...c.body, email: `${unique('x')}@x.vn` }, 'có dấu');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('headers.idempotency-key');
  });

  it('stores a refusal too: the same bad request with the same key gets the same 400, and nothing is written', async () => {
    const c = await cases.round();
    const key = unique('key');
    const wrong = await post(c.url, { ...c.body, orgUnitIds: ['00000000-0000-0000-0000-000000000001'] }, key);
    expect(wrong.statusCode).toBe(400);
    // a 4xx is a response like any other: the same request with the same key gets it again
    expect(
      (await post(c.url, { ...c.body, orgUnitIds: ['00000000-0000-0000-0000-000000000001'] }, key)).statusCode,
    ).toBe(400);
    expect(await c.count()).toBe(0);
  });
});
