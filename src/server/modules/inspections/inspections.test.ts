import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { followUps } from '../../db/schema/index.js';
import { type Factories } from '../../test/factories.js';
import { useTestContext } from '../../test/test-app.js';
import { counts, fieldsOf } from './test-helpers.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'viewer'] });

type Scene = Awaited<ReturnType<Factories['scene']>>;
const loginAs = (u: { username: string; password: string }) => ctx.login(u.username, u.password);
const post = (cookie: string, url: string, payload?: unknown) =>
  ctx.as(cookie, { method: 'POST', url, payload: payload as object });
const move = (cookie: string, id: string, to: string) => post(cookie, `/api/inspections/${id}/transitions`, { to });
const issueBody = {
  issuedDate: '2023-07-20',
  signerName: 'Nguyễn Văn Phong',
  signerTitle: 'Trưởng đoàn',
  recipients: ['Thường trực Thành ủy', 'Lưu hồ sơ'],
  // these inspections are started in the system today, after the conclusion's date of 2023 (inspection-schedule.ts)
  reason: 'Nhập hồ sơ sau khi kiểm tra',
};

/** Findings of every kind on a scene in progress; returns their texts and ids. */
async function writeFindings(cookie: string, s: Scene) {
  const area = s.areas[0].id;
  const bodies = [
    { contentAreaId: area, kind: 'strength', text: 'Ban hành kế hoạch triển khai kịp thời.' },
    { contentAreaId: area, kind: 'shortcoming', text: 'Tỷ lệ hồ sơ trực tuyến còn thấp.' },
    { contentAreaId: s.areas[1].id, kind: 'cause', causeType: 'subjective', text: 'Việc đôn đốc chưa thường xuyên.' },
    {
      contentAreaId: area,
      kind: 'remedy',
      text: 'Nâng cấp dịch vụ công trực tuyến.',
      addresseeOrgUnitId: s.target.id,
      dueDate: '2024-03-31',
    },
    {
      contentAreaId: area,
      kind: 'recommendation',
      text: 'Bổ sung kinh phí hạ tầng số.',
      addresseeOrgUnitId: s.target.id,
      dueDate: '2024-06-30',
    },
  ];
  const ids: string[] = [];
  for (const b of bodies) {
    const res = await post(cookie, `/api/inspections/${s.inspection.id}/findings`, b);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return { texts: bodies.map((b) => b.text), ids };
}

/** A scene taken by its head from planned to drafting, with an assessment and findings. */
async function toDrafting() {
  const s = await f.scene();
  const head = await loginAs(s.inspector);
  const id = s.inspection.id;
  for (const to of ['notified', 'in_progress']) expect((await move(head, id, to)).statusCode).toBe(200);
  const put = await ctx.as(head, {
    method: 'PUT',
    url: `/api/inspections/${id}/assessments/${s.areas[0].id}`,
    payload: { rating: 'fair', notes: 'Đạt yêu cầu cơ bản.', version: 0 },
  });
  expect(put.statusCode, put.body).toBe(200);
  const written = await writeFindings(head, s);
  const drafting = await move(head, id, 'drafting');
  expect(drafting.statusCode, drafting.body).toBe(200);
  expect(drafting.json().draftSharedAt).not.toBeNull();
  return { s, head, id, ...written };
}

/** The text of `word/document.xml`, tags dropped (non-breaking hyphens back to '-'). */
async function documentXml(body: Buffer) {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:noBreakHyphen\/>/g, '-').replace(/<[^>]+>/g, '');
}

describe('inspection lifecycle through the API', () => {
  it('goes planned → issued with a numbered, hashed conclusion and follow-ups, then freezes the content', async () => {
    const { s, head, id, texts, ids } = await toDrafting();
    const unit = await loginAs(s.unitUser);
    const seen = await ctx.as(unit, { method: 'GET', url: `/api/inspections/${id}` });
    expect(seen.json()).toMatchObject({ status: 'drafting', permissions: { canRespond: true, canEdit: false } });
    expect(seen.json().findings).toHaveLength(5);
    expect(
      (await post(unit, `/api/inspections/${id}/responses`, { text: 'Đơn vị thống nhất với dự thảo.' })).statusCode,
    ).toBe(201);

    const issued = await post(head, `/api/inspections/${id}/conclusion`, issueBody);
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().number).toMatch(/^\d{2,}-KL\/ĐKT$/);
    expect(issued.json().contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    expect(detail).toMatchObject({
      status: 'issued',
      permissions: { canEdit: false, canIssue: false, canCorrect: true },
    });
    expect(detail.responses).toHaveLength(1);
    expect(detail.conclusions).toMatchObject([{ number: issued.json().number, version: 1, superseded: false }]);
    expect(detail.findings.every((x: { conclusionId: string }) => x.conclusionId === issued.json().id)).toBe(true);
    const fus = await ctx.handle.db.select().from(followUps).where(eq(followUps.inspectionId, id));
    expect(fus.map((x) => x.kind).sort()).toEqual(['recommendation', 'remedy']);

    const before = await counts(ctx);
    const attempts = [
      await ctx.as(head, {
        method: 'PUT',
        url: `/api/inspections/${id}/assessments/${s.areas[0].id}`,
        payload: { rating: 'weak', notes: 'x', version: 1 },
      }),
      await post(head, `/api/inspections/${id}/findings`, {
        contentAreaId: s.areas[0].id,
        kind: 'strength',
        text: 'Thêm',
      }),
      await ctx.as(head, { method: 'PATCH', url: `/api/findings/${ids[0]}`, payload: { text: 'Sửa', version: 2 } }),
      await ctx.as(head, { method: 'DELETE', url: `/api/findings/${ids[0]}` }),
      await ctx.as(cookies.secretariat, {
        method: 'PATCH',
        url: `/api/findings/${ids[1]}`,
        payload: { text: 'Sửa', version: 2 },
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('IMMUTABLE');
    }
    expect(await counts(ctx)).toEqual(before);
    const after = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    expect(after.findings.map((x: { text: string }) => x.text).sort()).toEqual([...texts].sort());
    expect(after.contentAreas[0].assessment).toMatchObject({ rating: 'fair' });

    const docx = await ctx.as(unit, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toContain(
      `filename="ket-luan-${issued.json().number.replace('/ĐKT', '-DKT')}-2023.docx"`,
    );
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const xml = await documentXml(docx.rawPayload);
    for (const text of [
      `Số ${issued.json().number}`,
      'KẾT LUẬN KIỂM TRA',
      'Nơi nhận',
      'TRƯỞNG ĐOÀN',
      'Nguyễn Văn Phong',
      ...texts,
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).not.toContain('DỰ THẢO');
    // the team issues it, under its direct superior the steering committee: two levels, not the city committee above
    expect(xml).toContain('BAN CHỈ ĐẠO CHƯƠNG TRÌNH');
    expect(xml).toContain('ĐOÀN KIỂM TRA SỐ');
    expect(xml).not.toContain('THÀNH ỦY HÀ NỘI');
  });

  it('serves the draft with the DỰ THẢO mark while drafting, and nothing before', async () => {
    const early = await f.scene({ status: 'in_progress' });
    const none = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: `/api/inspections/${early.inspection.id}/conclusion.docx`,
    });
    expect(none.statusCode).toBe(409);
    const { id, texts } = await toDrafting();
    const draft = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx` });
    expect(draft.statusCode).toBe(200);
    const xml = await documentXml(draft.rawPayload);
    expect(xml).toContain('DỰ THẢO');
    for (const text of texts) expect(xml).toContain(text);
  });

  it('refuses moves the lifecycle lacks with 409 INVALID_TRANSITION { from, to }', async () => {
    const s = await f.scene();
    for (const to of ['issued', 'drafting', 'closed']) {
      const res = await move(cookies.secretariat, s.inspection.id, to);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'planned', to } });
    }
    const early = await post(cookies.secretariat, `/api/inspections/${s.inspection.id}/conclusion`, issueBody);
    expect(early.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'planned', to: 'issued' },
    });
    const conflicting = await post(cookies.secretariat, `/api/inspections/${s.inspection.id}/findings`, {
      contentAreaId: s.areas[0].id,
      kind: 'strength',
      text: 'x',
    });
    expect(conflicting.statusCode).toBe(409);
    expect(conflicting.json().error.details).toEqual({ status: 'planned', reason: 'INSPECTION_NOT_IN_PROGRESS' });
  });

  it('lets only the secretariat close, and only when every follow-up is done and accepted', async () => {
    const { s, head, id } = await toDrafting();
    expect((await post(head, `/api/inspections/${id}/conclusion`, issueBody)).statusCode).toBe(201);
    expect((await move(head, id, 'follow_up')).statusCode).toBe(403);
    expect((await move(cookies.secretariat, id, 'follow_up')).statusCode).toBe(200);
    const closing = await move(cookies.secretariat, id, 'closed');
    expect(closing.statusCode).toBe(409);
    expect(closing.json().error.details).toEqual({ unfinishedFollowUps: 2, reason: 'FOLLOW_UPS_OPEN' });
    await ctx.handle.db
      .update(followUps)
      .set({ status: 'done', acceptedAt: new Date() })
      .where(eq(followUps.inspectionId, s.inspection.id));
    expect((await move(cookies.secretariat, id, 'closed')).json().status).toBe('closed');
  });

  it('numbers two conclusions issued at the same moment differently', async () => {
    const [a, b] = await Promise.all([toDrafting(), toDrafting()]);
    const [ra, rb] = await Promise.all([
      post(a.head, `/api/inspections/${a.id}/conclusion`, issueBody),
      post(b.head, `/api/inspections/${b.id}/conclusion`, issueBody),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    expect(ra.json().number).not.toBe(rb.json().number);
    const twice = await Promise.all(
      [1, 2].map(() => post(cookies.secretariat, `/api/inspections/${a.id}/conclusion`, issueBody)),
    );
    expect(twice.map((r) => r.statusCode)).toEqual([409, 409]);
  });

  it('restarts numbering each year: 01-KL/ĐKT of a new year beside the demo 01-KL/ĐKT of 2023', async () => {
    const a = await toDrafting();
    const res = await post(a.head, `/api/inspections/${a.id}/conclusion`, { ...issueBody, issuedDate: '2026-01-05' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().number).toBe('01-KL/ĐKT');
    const all = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/inspections?limit=500' });
    expect(
      all.json().items.filter((i: { conclusionNumber: string | null }) => i.conclusionNumber === '01-KL/ĐKT').length,
    ).toBe(2);
  });

  it('issues a correction as version 2 with the next number, citing version 1, whose document stays byte-for-byte the same', async () => {
    const { s, head, id, ids } = await toDrafting();
    const v1 = (await post(head, `/api/inspections/${id}/conclusion`, issueBody)).json();
    const v1Doc = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx` })).rawPayload;
    const correction = await post(head, `/api/inspections/${id}/conclusion/corrections`, {
      ...issueBody,
      issuedDate: '2023-08-01',
      reason: 'Sửa thời hạn khắc phục',
      findings: [
        {
          supersedesFindingId: ids[0],
          contentAreaId: s.areas[0].id,
          kind: 'strength',
          text: 'Ban hành kế hoạch triển khai kịp thời.',
        },
        {
          supersedesFindingId: ids[3],
          contentAreaId: s.areas[0].id,
          kind: 'remedy',
          text: 'Nâng cấp dịch vụ công (điều chỉnh).',
          addresseeOrgUnitId: s.target.id,
          dueDate: '2024-09-30',
        },
      ],
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const v2 = correction.json();
    expect(v2.version).toBe(2);
    expect(Number(v2.number.split('-')[0])).toBeGreaterThan(Number(v1.number.split('-')[0]));
    const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    expect(detail.conclusions).toMatchObject([
      {
        version: 2,
        number: v2.number,
        supersedesNumber: v1.number,
        superseded: false,
        correctionReason: 'Sửa thời hạn khắc phục',
      },
      { version: 1, number: v1.number, superseded: true },
    ]);
    expect(detail.findings.map((x: { supersedesFindingId: string }) => x.supersedesFindingId).sort()).toEqual(
      [ids[0], ids[3]].sort(),
    );
    const again = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx?version=1` }))
      .rawPayload;
    const third = (
      await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx?version=1` })
    ).rawPayload;
    expect(again.equals(v1Doc)).toBe(true);
    expect(third.equals(v1Doc)).toBe(true);
    const latest = await documentXml(
      (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx` })).rawPayload,
    );
    expect(latest).toContain(v2.number);
    expect(latest).toContain(`Thay thế Kết luận số ${v1.number}`);
    expect(
      (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx?version=3` })).statusCode,
    ).toBe(404);

    const stale = await post(head, `/api/inspections/${id}/conclusion/corrections`, {
      ...issueBody,
      issuedDate: '2023-08-02',
      reason: 'x',
      findings: [{ supersedesFindingId: ids[0], contentAreaId: s.areas[0].id, kind: 'strength', text: 'x' }],
    });
    expect(stale.statusCode).toBe(400);
    expect(fieldsOf(stale.json())).toEqual(['body.findings.0.supersedesFindingId']);
  });
});

describe('who may do what', () => {
  it('answers every write by an inspector of another team, a viewer or the unit with 403', async () => {
    const s = await f.scene({ status: 'in_progress' });
    const other = await f.scene();
    const outsider = await loginAs(other.inspector);
    const unit = await loginAs(s.unitUser);
    const finding = await post(cookies.secretariat, `/api/inspections/${s.inspection.id}/findings`, {
      contentAreaId: s.areas[0].id,
      kind: 'strength',
      text: 'Có',
    });
    const fid = finding.json().id;
    const before = await counts(ctx);
    for (const cookie of [outsider, cookies.viewer, unit]) {
      const writes = [
        ctx.as(cookie, {
          method: 'PUT',
          url: `/api/inspections/${s.inspection.id}/assessments/${s.areas[0].id}`,
          payload: { rating: 'good', notes: '', version: 0 },
        }),
        post(cookie, `/api/inspections/${s.inspection.id}/findings`, {
          contentAreaId: s.areas[0].id,
          kind: 'strength',
          text: 'x',
        }),
        ctx.as(cookie, { method: 'PATCH', url: `/api/findings/${fid}`, payload: { text: 'y', version: 1 } }),
        ctx.as(cookie, { method: 'DELETE', url: `/api/findings/${fid}` }),
        move(cookie, s.inspection.id, 'drafting'),
        post(cookie, `/api/inspections/${s.inspection.id}/conclusion`, issueBody),
        post(cookie, `/api/inspections/${s.inspection.id}/conclusion/corrections`, {
          ...issueBody,
          reason: 'x',
          findings: [{ contentAreaId: s.areas[0].id, kind: 'strength', text: 'x' }],
        }),
      ];
      for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    }
    expect((await post(outsider, `/api/inspections/${s.inspection.id}/responses`, { text: 'x' })).statusCode).toBe(403);
    expect(await counts(ctx)).toEqual(before);
    // an inspector reads only its own teams' inspections (docs/security.md): another team's is 403, and absent from lists
    expect((await ctx.as(outsider, { method: 'GET', url: `/api/inspections/${s.inspection.id}` })).statusCode).toBe(
      403,
    );
    const listed = (await ctx.as(outsider, { method: 'GET', url: '/api/inspections?limit=500' })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).not.toContain(s.inspection.id);
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(other.inspection.id);
    const asViewer = (
      await ctx.as(cookies.viewer, { method: 'GET', url: `/api/inspections/${s.inspection.id}` })
    ).json();
    expect(asViewer).toMatchObject({
      allowedTransitions: [],
      permissions: { canEdit: false, canIssue: false, canCorrect: false, canRespond: false },
    });
  });

  it('lets a plain member work but not submit the draft; a deputy head may', async () => {
    const member = await f.scene({ status: 'in_progress', memberRole: 'member' });
    const m = await loginAs(member.inspector);
    expect(
      (await ctx.as(m, { method: 'GET', url: `/api/inspections/${member.inspection.id}` })).json().allowedTransitions,
    ).toEqual([]);
    expect((await move(m, member.inspection.id, 'drafting')).statusCode).toBe(403);
    expect(
      (
        await post(m, `/api/inspections/${member.inspection.id}/findings`, {
          contentAreaId: member.areas[0].id,
          kind: 'strength',
          text: 'Tốt',
        })
      ).statusCode,
    ).toBe(201);
    const deputy = await f.scene({ status: 'in_progress', memberRole: 'deputyHead' });
    const d = await loginAs(deputy.inspector);
    expect((await move(d, deputy.inspection.id, 'drafting')).statusCode).toBe(200);
    expect((await post(d, `/api/inspections/${deputy.inspection.id}/conclusion`, issueBody)).statusCode).toBe(403);
    expect((await move(d, deputy.inspection.id, 'in_progress')).statusCode).toBe(200);
  });

  it("shows a unit only its own inspections, hides the team's work until drafting, and takes its response only then", async () => {
    const mine = await f.scene({ status: 'in_progress' });
    const theirs = await f.scene({ status: 'drafting' });
    await post(cookies.secretariat, `/api/inspections/${mine.inspection.id}/findings`, {
      contentAreaId: mine.areas[0].id,
      kind: 'strength',
      text: 'Nội bộ',
    });
    const unit = await loginAs(mine.unitUser);
    const list = (await ctx.as(unit, { method: 'GET', url: '/api/inspections?limit=500' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([mine.inspection.id]);
    expect(list.total).toBe(1);
    const sneaky = (
      await ctx.as(unit, { method: 'GET', url: `/api/inspections?targetOrgUnitId=${theirs.target.id}` })
    ).json();
    expect(sneaky.total).toBe(0);
    const other = await ctx.as(unit, { method: 'GET', url: `/api/inspections/${theirs.inspection.id}` });
    expect(other.statusCode).toBe(403);
    expect(
      (await ctx.as(unit, { method: 'GET', url: `/api/inspections/${theirs.inspection.id}/conclusion.docx` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ctx.as(unit, { method: 'GET', url: `/api/inspections/${mine.inspection.id}` })).json().findings,
    ).toEqual([]);
    const early = await post(unit, `/api/inspections/${mine.inspection.id}/responses`, { text: 'Sớm' });
    expect(early.statusCode).toBe(409);
    expect(
      (await post(unit, `/api/inspections/${theirs.inspection.id}/responses`, { text: 'Không phải của tôi' }))
        .statusCode,
    ).toBe(403);
  });

  it('lists every inspection for the secretariat, filtered by status and by target name without diacritics', async () => {
    const s = await f.scene({ status: 'notified' });
    await ctx.handle.db.execute(
      `update org_units set name = 'Sở Văn hóa Thử nghiệm', search_text = 'so van hoa thu nghiem ${s.target.code.toLowerCase()}' where id = '${s.target.id}'`,
    );
    const hit = (
      await ctx.as(cookies.viewer, {
        method: 'GET',
        url: `/api/inspections?q=van%20hoa%20thu%20nghiem&status=notified&planId=${s.plan.id}`,
      })
    ).json();
    expect(hit.items).toMatchObject([
      {
        id: s.inspection.id,
        target: { name: 'Sở Văn hóa Thử nghiệm' },
        status: 'notified',
        findingsCount: 0,
        conclusionNumber: null,
      },
    ]);
    const none = (
      await ctx.as(cookies.viewer, { method: 'GET', url: `/api/inspections?status=closed&planId=${s.plan.id}` })
    ).json();
    expect(none.total).toBe(0);
  });
});

describe('bad input', () => {
  it('answers malformed, mistyped, unknown, oversized and non-UUID input with 4xx naming the field, changing nothing', async () => {
    const s = await f.scene({ status: 'in_progress' });
    const id = s.inspection.id;
    const area = s.areas[0].id;
    const before = await counts(ctx);
    const url = `/api/inspections/${id}/findings`;
    const cases: [Promise<{ statusCode: number; json(): unknown }>, string[]][] = [
      [
        ctx.as(cookies.secretariat, {
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: '{"kind":',
        }),
        ['body'],
      ],
      [post(cookies.secretariat, url, { contentAreaId: area, kind: 'strength', text: 5 }), ['body.text']],
      [
        post(cookies.secretariat, url, { contentAreaId: area, kind: 'strength', text: 'x', colour: 'red' }),
        ['body.colour'],
      ],
      [
        post(cookies.secretariat, url, { contentAreaId: area, kind: 'strength', text: 'x'.repeat(100_000) }),
        ['body.text'],
      ],
      [post(cookies.secretariat, url, { contentAreaId: area, kind: 'cause', text: 'x' }), ['body.causeType']],
      [
        post(cookies.secretariat, url, { contentAreaId: area, kind: 'strength', text: 'x', causeType: 'objective' }),
        ['body.causeType'],
      ],
      [
        post(cookies.secretariat, url, { contentAreaId: area, kind: 'remedy', text: 'x', dueDate: '2024-02-30' }),
        ['body.addresseeOrgUnitId', 'body.dueDate'],
      ],
      [
        post(cookies.secretariat, url, { contentAreaId: s.target.id, kind: 'strength', text: 'x' }),
        ['body.contentAreaId'],
      ],
      [
        post(cookies.secretariat, url, {
          contentAreaId: area,
          kind: 'remedy',
          text: 'x',
          addresseeOrgUnitId: area,
          dueDate: '2024-01-01',
        }),
        ['body.addresseeOrgUnitId'],
      ],
      [
        post(cookies.secretariat, '/api/inspections/not-a-uuid/findings', {
          contentAreaId: area,
          kind: 'strength',
          text: 'x',
        }),
        ['params.id'],
      ],
      [ctx.as(cookies.secretariat, { method: 'GET', url: '/api/inspections/123' }), ['params.id']],
      [
        ctx.as(cookies.secretariat, {
          method: 'PUT',
          url: `/api/inspections/${id}/assessments/${s.target.id}`,
          payload: { rating: 'good', notes: '', version: 0 },
        }),
        ['params.contentAreaId'],
      ],
      [
        ctx.as(cookies.secretariat, {
          method: 'PUT',
          url: `/api/inspections/${id}/assessments/${area}`,
          payload: { rating: 'excellent', notes: 'x'.repeat(20_001), version: 0 },
        }),
        ['body.rating', 'body.notes'],
      ],
      [move(cookies.secretariat, id, 'finished'), ['body.to']],
      [post(cookies.secretariat, `/api/inspections/${id}/responses`, { text: '' }), ['body.text']],
      [
        post(cookies.secretariat, `/api/inspections/${id}/conclusion`, { ...issueBody, recipients: [] }),
        ['body.recipients'],
      ],
      [
        post(cookies.secretariat, `/api/inspections/${id}/conclusion`, { ...issueBody, issuedDate: '20/07/2023' }),
        ['body.issuedDate'],
      ],
      [ctx.as(cookies.secretariat, { method: 'GET', url: '/api/inspections?status=unknown' }), ['querystring.status']],
    ];
    for (const [promise, fields] of cases) {
      const res = await promise;
      expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
      expect(fieldsOf(res.json() as never).sort(), JSON.stringify(res.json())).toEqual([...fields].sort());
    }
    const finding = await post(cookies.secretariat, url, { contentAreaId: area, kind: 'strength', text: 'Tốt' });
    const patched = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/findings/${finding.json().id}`,
      payload: { kind: 'remedy', version: 1 },
    });
    expect(patched.statusCode).toBe(400);
    expect(fieldsOf(patched.json()).sort()).toEqual(['body.addresseeOrgUnitId', 'body.dueDate']);
    const future = await post(cookies.secretariat, `/api/inspections/${id}/conclusion`, {
      ...issueBody,
      issuedDate: '2999-01-01',
    });
    expect(future.statusCode).toBe(409);
    expect(
      (
        await ctx.as(cookies.secretariat, {
          method: 'GET',
          url: '/api/inspections/00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
    const after = await counts(ctx);
    expect({ ...after, findings: after.findings - 1, audit_events: after.audit_events - 1 }).toEqual(before);
  });
});
