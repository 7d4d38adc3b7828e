import { describe, expect, it } from 'vitest';
import { IMPACT_CAVEAT } from '../../../shared/contracts/support-programs.js';
import { multipart } from '../../test/multipart.js';
import { newTaxCode } from '../../test/factories.js';
import { issueFields, unique, useTestContext } from '../../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'viewer', 'admin'] });

const programInput = (o: Record<string, unknown> = {}) => ({
  name: unique('Chương trình hỗ trợ chuyển đổi số'),
  legalBasis: 'Nghị định 80/2021/NĐ-CP; Kế hoạch của UBND Thành phố',
  periodFrom: '2024-01-01',
  periodTo: '2025-12-31',
  budgetVnd: 5_000_000_000,
  kinds: ['dx_consulting', 'dx_solutions'],
  ...o,
});

async function program(o: Record<string, unknown> = {}) {
  const res = await ctx.as(cookies.secretariat, {
    method: 'POST',
    url: '/api/support-programs',
    payload: programInput(o),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

const enrol = (programId: string, taxCode: string, cookie = cookies.secretariat) =>
  ctx.as(cookie, {
    method: 'POST',
    url: `/api/support-programs/${programId}/enrolments`,
    payload: { taxCode, enrolledOn: '2024-02-01' },
  });

const giveSupport = (enrolmentId: string, payload: Record<string, unknown>) =>
  ctx.as(cookies.secretariat, { method: 'POST', url: `/api/support-enrolments/${enrolmentId}/support`, payload });

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);
const importFile = (programId: string, data: Buffer, name = 'enrol.csv') =>
  ctx.as(cookies.secretariat, {
    method: 'POST',
    url: `/api/support-programs/${programId}/enrolments/import`,
    ...multipart(name, data),
  });

describe('support programs (issue 13 §2): records', () => {
  it('the secretariat creates and edits a program with versions; the viewer reads it; every change is audited', async () => {
    const created = await program();
    expect(created).toMatchObject({ version: 1, enrolled: 0, givenVnd: 0, kinds: ['dx_consulting', 'dx_solutions'] });

    const list = await ctx.as(cookies.viewer, { method: 'GET', url: '/api/support-programs?limit=500' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(created.id);
    const seen = await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-programs/${created.id}` });
    expect(seen.json().permissions).toEqual({ edit: false, enrol: false, readEnrolments: false, readImpact: true });
    expect(seen.headers.etag).toBe('"1"');

    const url = `/api/support-programs/${created.id}`;
    const blind = await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { budgetVnd: 6_000_000_000 } });
    expect(blind.statusCode).toBe(428);
    const ok = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url,
      payload: { budgetVnd: 6_000_000_000, version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ budgetVnd: 6_000_000_000, version: 2 });
    const stale = await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { name: 'Tên mới', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    // the end may not come before the start, on create and on a patch of one side
    const backwards = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/support-programs',
      payload: programInput({ periodFrom: '2025-01-01', periodTo: '2024-01-01' }),
    });
    expect(backwards.statusCode).toBe(400);
    expect(issueFields(backwards)).toEqual(['body.periodTo']);
    const patchBack = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url,
      payload: { periodTo: '2023-01-01', version: 2 },
    });
    expect(patchBack.statusCode).toBe(400);
    expect(issueFields(patchBack)).toEqual(['body.periodTo']);
    const noKinds = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/support-programs',
      payload: programInput({ kinds: [], budgetVnd: -1 }),
    });
    expect(issueFields(noKinds).sort()).toEqual(['body.budgetVnd', 'body.kinds']);
    // a kind listed twice is refused on create and on a patch, naming the entry
    const twiceKinds = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/support-programs',
      payload: programInput({ kinds: ['dx_consulting', 'dx_solutions', 'dx_consulting'] }),
    });
    expect(twiceKinds.statusCode).toBe(400);
    expect(issueFields(twiceKinds)).toEqual(['body.kinds.2']);
    expect(twiceKinds.json().error.details.issues[0].code).toBe('LISTED_TWICE');
    const twicePatch = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/support-programs/${created.id}`,
      payload: { kinds: ['training', 'training'], version: 2 },
    });
    expect(issueFields(twicePatch)).toEqual(['body.kinds.1']);

    expect(
      (await ctx.as(cookies.viewer, { method: 'POST', url: '/api/support-programs', payload: programInput() }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ctx.as(cookies.viewer, { method: 'PATCH', url, payload: { name: 'x', version: 2 } })).statusCode,
    ).toBe(403);

    const audit = await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?entityType=supportProgram' });
    const mine = audit.json().items.filter((e: { entityId: string }) => e.entityId === created.id);
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    expect(mine[0].subject).toMatchObject({ path: `/support-programs/${created.id}` });
  });

  it('enrols firms by hand, records support given, and the cohort implies the Decree 80 maximum by size class', async () => {
    const p = await program({ kinds: ['dx_consulting', 'dx_solutions', 'ip_consulting', 'tech_transfer_consulting'] });
    const micro = await f.enterprise({ employees: 5, revenueVnd: 1_000_000_000, capitalVnd: 1_000_000_000 });
    const small = await f.enterprise();
    const medium = await f.enterprise({ employees: 80, revenueVnd: 200_000_000_000, capitalVnd: 80_000_000_000 });
    const large = await f.enterprise({ employees: 500, revenueVnd: 900_000_000_000, capitalVnd: 500_000_000_000 });
    expect([micro, small, medium, large].map((e) => e.sizeClass)).toEqual(['micro', 'small', 'medium', 'large']);
    for (const e of [micro, small, medium, large]) expect((await enrol(p.id, e.taxCode)).statusCode).toBe(201);

    const twice = await enrol(p.id, small.taxCode);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('ALREADY_ENROLLED');
    const unknown = await enrol(p.id, '0100000006');
    expect(unknown.statusCode).toBe(400);
    expect(issueFields(unknown)).toEqual(['body.taxCode']);
    expect((await enrol(p.id, small.taxCode, cookies.viewer)).statusCode).toBe(403);

    const detail = (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/support-programs/${p.id}` })).json();
    expect(detail.enrolled).toBe(4);
    // a program offering all four supports of Art. 11, M VND a year: micro 20 + 100 + 100 (clause 1 names small and
    // medium firms only); small 50 + 50 + 100 + 100; medium 100 × 4; large nothing
    expect(detail.cohortBudget.byClass).toEqual([
      { sizeClass: 'micro', firms: 1, perFirmVnd: 220_000_000, totalVnd: 220_000_000 },
      { sizeClass: 'small', firms: 1, perFirmVnd: 300_000_000, totalVnd: 300_000_000 },
      { sizeClass: 'medium', firms: 1, perFirmVnd: 400_000_000, totalVnd: 400_000_000 },
      { sizeClass: 'large', firms: 1, perFirmVnd: 0, totalVnd: 0 },
    ]);
    expect(detail.cohortBudget).toMatchObject({
      totalVnd: 920_000_000,
      totalText: '920.000.000 ₫',
      unconfirmed: false,
    });
    expect(detail.cohortBudget.items.map((i: { citation: string }) => i.citation)).toEqual(
      [1, 2, 3, 4].map((k) => `Điều 11 khoản ${k} Nghị định 80/2021/NĐ-CP`),
    );

    // only what the program offers counts: consulting and solutions alone, then training alone (no Decree 80 cap)
    const onlyDx = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/support-programs/${p.id}`,
      payload: { kinds: ['dx_solutions', 'dx_consulting'], version: 1 },
    });
    expect(onlyDx.statusCode, onlyDx.body).toBe(200);
    expect(onlyDx.json().cohortBudget.byClass.map((c: { perFirmVnd: number }) => c.perFirmVnd / 1e6)).toEqual([
      20, 100, 200, 0,
    ]);
    expect(onlyDx.json().cohortBudget).toMatchObject({ totalVnd: 320_000_000 });
    expect(onlyDx.json().cohortBudget.items.map((i: { code: string }) => i.code)).toEqual([
      'DX_CONSULTING',
      'DX_SOLUTIONS',
    ]);
    const training = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/support-programs/${p.id}`,
      payload: { kinds: ['training'], version: 2 },
    });
    expect(training.json().cohortBudget).toMatchObject({ totalVnd: 0, totalText: '0 ₫', items: [] });

    const list = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: `/api/support-enrolments?programId=${p.id}&taxCode=${small.taxCode}`,
    });
    const enrolment = list.json().items[0];
    expect(list.json().total).toBe(1);
    const given = await giveSupport(enrolment.id, {
      kind: 'dx_consulting',
      provider: 'Trung tâm Hỗ trợ doanh nghiệp',
      amountVnd: 25_000_000,
      givenOn: '2024-05-10',
    });
    expect(given.statusCode, given.body).toBe(201);
    const badGiven = await giveSupport(enrolment.id, {
      kind: 'gift',
      provider: ' ',
      amountVnd: 1.5,
      givenOn: '2024-13-01',
    });
    expect(issueFields(badGiven).sort()).toEqual(['body.amountVnd', 'body.givenOn', 'body.kind', 'body.provider']);

    const changed = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/support-given/${given.json().id}`,
      payload: { amountVnd: 30_000_000, version: 1 },
    });
    expect(changed.json()).toMatchObject({ amountVnd: 30_000_000, version: 2 });
    const staleGiven = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/support-given/${given.json().id}`,
      payload: { amountVnd: 1, version: 1 },
    });
    expect(staleGiven.json().error.code).toBe('STALE_VERSION');
    const note = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/support-enrolments/${enrolment.id}`,
      headers: { 'if-match': '"1"' },
      payload: { note: 'Đăng ký qua Sở KH&ĐT' },
    });
    expect(note.json()).toMatchObject({ note: 'Đăng ký qua Sở KH&ĐT', version: 2, givenVnd: 30_000_000 });

    const after = (await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-programs/${p.id}` })).json();
    expect(after.givenVnd).toBe(30_000_000);
    // the viewer reads aggregates only, never the firms
    expect(
      (await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-enrolments?programId=${p.id}` })).statusCode,
    ).toBe(403);
    expect(
      (await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-enrolments/${enrolment.id}` })).statusCode,
    ).toBe(403);

    const audit = await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?entityType=supportGiven' });
    expect(audit.json().items.some((e: { entityId: string }) => e.entityId === given.json().id)).toBe(true);
  });

  it('offers and records intellectual-property consulting (Art. 11 clause 3) as a kind of its own', async () => {
    const p = await program({ kinds: ['ip_consulting', 'tech_transfer_consulting'] });
    const e = await f.enterprise();
    const enrolment = (await enrol(p.id, e.taxCode)).json();
    const given = await giveSupport(enrolment.id, {
      kind: 'ip_consulting',
      provider: 'Văn phòng luật sư (test)',
      amountVnd: 40_000_000,
      givenOn: '2024-06-03',
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({ kind: 'ip_consulting', amountVnd: 40_000_000 });
    const detail = (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/support-programs/${p.id}` })).json();
    // a small firm: clauses 3 and 4, 100 M VND each
    expect(detail).toMatchObject({
      kinds: ['ip_consulting', 'tech_transfer_consulting'],
      givenVnd: 40_000_000,
      cohortBudget: { totalVnd: 200_000_000 },
    });
  });

  it('an enterprise sees its own enrolments and the support given, never another firm’s', async () => {
    const p = await program();
    const mine = await f.enterprise();
    const other = await f.enterprise();
    await enrol(p.id, mine.taxCode);
    const otherEnrolment = (await enrol(p.id, other.taxCode)).json();
    const user = await f.enterpriseUser(mine.taxCode);
    const cookie = await ctx.login(user.username, user.password);

    const own = await ctx.as(cookie, { method: 'GET', url: '/api/support-enrolments' });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((e: { enterprise: { taxCode: string } }) => e.enterprise.taxCode)).toEqual([
      mine.taxCode,
    ]);
    expect(own.json().items[0].permissions).toEqual({ edit: false });
    // asking for another firm's enrolments by filter or by id shows nothing of it
    const filtered = await ctx.as(cookie, { method: 'GET', url: `/api/support-enrolments?taxCode=${other.taxCode}` });
    expect(filtered.json()).toEqual({ items: [], total: 0 });
    expect(
      (await ctx.as(cookie, { method: 'GET', url: `/api/support-enrolments/${otherEnrolment.id}` })).statusCode,
    ).toBe(404);
    expect((await ctx.as(cookie, { method: 'GET', url: `/api/support-programs/${p.id}` })).statusCode).toBe(403);
    expect((await ctx.as(cookie, { method: 'GET', url: `/api/support-programs/${p.id}/impact` })).statusCode).toBe(403);
  });
});

describe('support programs: enrolment import (CSV/XLSX, the DX import reader)', () => {
  it('one bad row and nothing is written, every error named by row and column; then all rows, once', async () => {
    const p = await program();
    const a = await f.enterprise();
    const b = await f.enterprise();
    const bad = await importFile(
      p.id,
      csv([
        'taxCode,enrolledOn,note',
        `${a.taxCode},2024-03-01,`,
        `${b.taxCode},31/02/2024,`,
        `${newTaxCode()},2024-03-01,`,
        `${a.taxCode},2024-03-02,twice`,
        '0100000006,2024-03-01,',
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ applied: false, rows: 5, created: 0 });
    // each error has its reason as a code (and its values) for the web to say in the user's language
    expect(
      bad
        .json()
        .errors.map((e: { row: number; field: string; code: string; params?: object }) => [
          e.row,
          e.field,
          e.code,
          e.params,
        ]),
    ).toEqual([
      [3, 'enrolledOn', 'ISO_DATE', undefined],
      [4, 'taxCode', 'NO_SUCH_ENTERPRISE', undefined],
      [5, 'taxCode', 'IMPORT_SAME_TAX_CODE', { row: 2 }],
      [6, 'taxCode', 'TAX_CODE_CHECK_DIGIT', undefined],
    ]);
    expect(bad.json().errors[2].reason).toBe('The same tax code as row 2');
    const none = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/support-enrolments?programId=${p.id}` });
    expect(none.json().total).toBe(0);

    // a date typed the Vietnamese way (dd/mm/yyyy, as a spreadsheet saves it) is read as that day
    const good = csv(['taxCode,enrolledOn,note', `${a.taxCode},2024-03-01,Đợt 1`, `${b.taxCode},1/3/2024,`]);
    expect((await importFile(p.id, good)).json()).toEqual({
      applied: true,
      rows: 2,
      created: 2,
      alreadyEnrolled: 0,
      errors: [],
    });
    expect((await importFile(p.id, good)).json()).toMatchObject({ applied: true, created: 0, alreadyEnrolled: 2 });
    const list = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/support-enrolments?programId=${p.id}` });
    expect(list.json().items.map((e: { source: string }) => e.source)).toEqual(['import', 'import']);
    expect(list.json().items.map((e: { enrolledOn: string }) => e.enrolledOn)).toEqual(['2024-03-01', '2024-03-01']);

    const noColumn = await importFile(p.id, csv(['maSoThue,ngay', `${a.taxCode},2024-03-01`]));
    expect(noColumn.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['taxCode', 'IMPORT_COLUMN_MISSING'],
      ['enrolledOn', 'IMPORT_COLUMN_MISSING'],
    ]);
    const pdf = await importFile(p.id, Buffer.from('%PDF-1.4'), 'x.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(issueFields(pdf)).toEqual(['file']);
  });
});

describe('support programs: impact and the port for the DX analytics', () => {
  it('answers the comparison with its caveat in both languages, and withholds small cells', async () => {
    const p = await program({ periodFrom: '2024-01-01' });
    const e = await f.enterprise();
    await enrol(p.id, e.taxCode);
    const res = await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-programs/${p.id}/impact` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      programId: p.id,
      baselineYear: 2023,
      suppressBelow: ctx.config.dxSuppressBelow,
      caveat: IMPACT_CAVEAT,
    });
    // the firm has no scores: not comparable, and nothing about it is published
    expect(res.json().notComparable).toBe(1);
    expect(res.json().overall).toBeNull();
  });

  it('exposes enrolments as a subquery (enterpriseId, supportProgramId) and program names by id', async () => {
    const p = await program({ name: unique('Chương trình cổng') });
    const e = await f.enterprise();
    await enrol(p.id, e.taxCode);
    const svc = ctx.services.supportPrograms;
    const sq = svc.views.enrolments();
    const rows = await ctx.handle.db
      .select({ enterpriseId: sq.enterpriseId, supportProgramId: sq.supportProgramId })
      .from(sq);
    expect(rows).toContainEqual({ enterpriseId: e.id, supportProgramId: p.id });
    const names = await svc.names([p.id, p.id]);
    expect([...names.entries()]).toEqual([[p.id, expect.stringContaining('Chương trình cổng')]]);
  });
});
