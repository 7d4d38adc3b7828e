import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { monitoringScene, reportWriter } from './test-helpers.js';

// "today" is 10 March 2025 in Hanoi for the whole file
const { ctx, f, cookies } = useTestContext({
  clock: fixedClock('2025-03-10T03:00:00Z'),
  login: ['secretariat', 'viewer'],
});
const as = reportWriter(ctx, () => cookies.secretariat);

describe('reporting rounds and unit reports', () => {
  it('opens one report per responsible unit: the center reports the indicators and the delegated task', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    expect(s.round.units.map((u: { orgUnit: { id: string } }) => u.orgUnit.id)).toEqual([s.center.id]);
    const d = (await as(s.center_, { method: 'GET', url: s.reportUrl() })).json();
    expect(d.indicators.map((i: { code: string }) => i.code)).toEqual(['COURSES', 'TRAINED']);
    expect(d.tasks).toEqual([expect.objectContaining({ code: 'T-01', delegated: true, status: 'not_started' })]);
    expect(d.permissions).toEqual({
      canEdit: true,
      canSubmit: true,
      canReview: false,
      canRevise: false,
      canAttachValueEvidence: true,
    });
  });

  it('runs draft → submitted → returned with a comment → resubmitted → approved, and the dashboard shows the approved values', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const put = (payload: object) => as(s.center_, { method: 'PUT', url: s.reportUrl(), payload });
    const saved = await put({
      narrative: 'Đã tổ chức các khóa đào tạo',
      values: [
        { indicatorId: s.courses.id, value: 8 },
        { indicatorId: s.trained.id, value: 40, comment: 'tạm tính' },
      ],
      tasks: [
        {
          taskId: s.task.id,
          status: 'in_progress',
          progressPercent: 40,
          spentVnd: 800_000_000,
          note: 'Đã tổ chức 8 khóa',
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` })).json()).toMatchObject({
      status: 'submitted',
      timeliness: 'on_time',
    });
    // under review the unit cannot change it
    expect((await put({ narrative: 'x' })).statusCode).toBe(409);

    const returned = await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'return', comment: 'Bổ sung số doanh nghiệp' },
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số doanh nghiệp' });
    expect((await put({ values: [{ indicatorId: s.trained.id, value: 50, comment: null }] })).statusCode).toBe(200);
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });

    const before = (
      await as(cookies.secretariat, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    expect(
      before.indicators.find((i: { code: string; current: { actual: number } }) => i.code === 'TRAINED')!.current
        .actual,
    ).toBeNull();

    const approved = await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', revision: 1 });
    expect(approved.json().events.map((e: { action: string }) => e.action)).toEqual([
      'save',
      'submit',
      'return',
      'save',
      'submit',
      'approve',
    ]);

    const dash = (
      await as(cookies.secretariat, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    const by = Object.fromEntries(dash.indicators.map((i: { code: string; current: unknown }) => [i.code, i.current]));
    expect(by.COURSES).toMatchObject({ actual: 8, target: 20, attainmentPct: 40, light: 'red' });
    expect(by.TRAINED).toMatchObject({ actual: 50, target: 100, light: 'red' });
    expect(by.PER_COURSE).toMatchObject({ actual: 6.25, target: 5, light: 'green' });
    // the approved progress became the task's own; the lead department still sees the task
    const task = (await as(s.lead_, { method: 'GET', url: `/api/program-tasks/${s.task.id}` })).json();
    expect(task).toMatchObject({
      status: 'in_progress',
      progressPercent: 40,
      budgetSpentVnd: 800_000_000,
      canReport: false,
    });
    expect(dash.timeliness).toEqual([
      expect.objectContaining({ orgUnit: { id: s.center.id, name: s.center.name }, onTime: 1, completenessPct: 100 }),
    ]);
  });

  it('refuses a unit acting for another unit (403), the unit reviewing (403), a viewer writing (403), and edits after approval (409)', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const payload = { values: [{ indicatorId: s.courses.id, value: 1 }] };
    expect((await as(s.other_, { method: 'PUT', url: s.reportUrl(), payload })).statusCode).toBe(403);
    expect((await as(s.other_, { method: 'POST', url: `${s.reportUrl()}/submit` })).statusCode).toBe(403);
    expect((await as(s.other_, { method: 'GET', url: s.reportUrl() })).statusCode).toBe(403);
    expect((await as(cookies.viewer, { method: 'PUT', url: s.reportUrl(), payload })).statusCode).toBe(403);
    expect(
      (
        await as(cookies.viewer, {
          method: 'POST',
          url: '/api/reporting-rounds',
          payload: { programId: s.program.id, title: 'x', periodType: 'year', year: 2024, dueDate: '2025-01-01' },
        })
      ).statusCode,
    ).toBe(403);
    await as(s.center_, { method: 'PUT', url: s.reportUrl(), payload });
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    expect(
      (await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await as(cookies.viewer, {
          method: 'POST',
          url: `${s.reportUrl()}/review`,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(403);
    await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });

    const late = await as(s.center_, {
      method: 'PUT',
      url: s.reportUrl(),
      payload: { values: [{ indicatorId: s.courses.id, value: 99 }] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('IMMUTABLE');
    expect((await as(cookies.secretariat, { method: 'PUT', url: s.reportUrl(), payload })).statusCode).toBe(409);
    expect((await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` })).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
    const d = (await as(cookies.secretariat, { method: 'GET', url: s.reportUrl() })).json();
    expect(d.indicators.find((i: { code: string }) => i.code === 'COURSES').value).toBe(1);
  });

  it("keeps every revision after approval: a change needs a reason, keeps the earlier values, and a unit's change goes back for approval", async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    await as(s.center_, {
      method: 'PUT',
      url: s.reportUrl(),
      payload: { values: [{ indicatorId: s.courses.id, value: 10 }] },
    });
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });

    const noReason = await as(s.center_, {
      method: 'POST',
      url: `${s.reportUrl()}/revisions`,
      payload: { values: [{ indicatorId: s.courses.id, value: 12 }] },
    });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['body.reason']);
    expect(
      (
        await as(s.other_, {
          method: 'POST',
          url: `${s.reportUrl()}/revisions`,
          payload: { reason: 'x', values: [] },
        })
      ).statusCode,
    ).toBe(403);

    const byUnit = await as(s.center_, {
      method: 'POST',
      url: `${s.reportUrl()}/revisions`,
      payload: { reason: 'Thiếu 2 khóa tổ chức cuối năm', values: [{ indicatorId: s.courses.id, value: 12 }] },
    });
    expect(byUnit.statusCode, byUnit.body).toBe(200);
    expect(byUnit.json()).toMatchObject({ status: 'submitted', revision: 2 });
    const revision = byUnit.json().events.find((e: { action: string }) => e.action === 'revise');
    expect(revision.comment).toBe('Thiếu 2 khóa tổ chức cuối năm');
    expect(revision.snapshot.before.values[0].value).toBe(10);
    expect(revision.snapshot.after.values[0].value).toBe(12);
    await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });

    const bySecretariat = await as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/revisions`,
      payload: { reason: 'Đính chính theo công văn', values: [{ indicatorId: s.courses.id, value: 11 }] },
    });
    expect(bySecretariat.json()).toMatchObject({ status: 'approved', revision: 4 });
    const approvals = bySecretariat.json().events.filter((e: { action: string }) => e.action === 'approve');
    expect(approvals.map((e: { snapshot: { values: { value: number }[] } }) => e.snapshot.values[0].value)).toEqual([
      10, 12,
    ]);
    const dash = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    expect(dash.indicators.find((i: { code: string }) => i.code === 'COURSES').current.actual).toBe(11);
  });

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const put = (payload: unknown) => as(s.center_, { method: 'PUT', url: s.reportUrl(), payload: payload as object });
    const cases: [unknown, string][] = [
      [{ narrative: 'x', extra: 1 }, 'body.extra'],
      [{ values: [{ indicatorId: s.courses.id, value: 'mười' }] }, 'body.values.0.value'],
      [{ values: [{ indicatorId: s.courses.id, value: 1, comment: 'x'.repeat(2001) }] }, 'body.values.0.comment'],
      [{ narrative: 'x'.repeat(20_001) }, 'body.narrative'],
      [{ tasks: [{ taskId: s.task.id, status: 'done', progressPercent: 10, spentVnd: 0 }] }, 'body.tasks.0.status'],
      [
        { tasks: [{ taskId: s.task.id, status: 'in_progress', progressPercent: 120, spentVnd: 0 }] },
        'body.tasks.0.progressPercent',
      ],
      [
        { tasks: [{ taskId: s.task.id, status: 'in_progress', progressPercent: 10, spentVnd: 1.5 }] },
        'body.tasks.0.spentVnd',
      ],
      [{ values: [{ indicatorId: s.perCourse.id, value: 3 }] }, 'body.values.0.indicatorId'],
      [
        {
          values: [
            { indicatorId: s.courses.id, value: 1 },
            { indicatorId: '00000000-0000-4000-8000-000000000000', value: 2 },
          ],
        },
        'body.values.1.indicatorId',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await put(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    const d = (await as(s.center_, { method: 'GET', url: s.reportUrl() })).json();
    expect(d.indicators.every((i: { value: unknown }) => i.value === null)).toBe(true);
    expect(d.narrative).toBe('');
    expect(d.events).toEqual([]);
    const round = await as(cookies.secretariat, {
      method: 'POST',
      url: '/api/reporting-rounds',
      payload: { programId: s.program.id, title: 'Q', periodType: 'quarter', year: 2024, dueDate: '2025-01-01' },
    });
    expect(fields(round)).toEqual(['body.quarter']);
    const receivedByUnit = await as(s.center_, {
      method: 'POST',
      url: `${s.reportUrl()}/submit`,
      payload: { receivedOn: '2025-01-01' },
    });
    expect(fields(receivedByUnit)).toEqual(['body.receivedOn']);
  });

  it('judges timeliness on the first submission against the due date, and lists units to remind', async () => {
    const late = await monitoringScene(ctx, f, cookies.secretariat, { dueDate: '2025-03-01' });
    const soon = await monitoringScene(ctx, f, cookies.secretariat, { dueDate: '2025-03-15' });
    const later = await monitoringScene(ctx, f, cookies.secretariat, { dueDate: '2025-04-30' });
    const reminders = (await as(cookies.secretariat, { method: 'GET', url: '/api/reporting-reminders' })).json();
    const due = (s: typeof late) => reminders.find((r: { roundId: string }) => r.roundId === s.round.id);
    expect(due(late)).toMatchObject({ daysLeft: -9, status: 'draft' });
    expect(due(soon)).toMatchObject({ daysLeft: 5 });
    expect(due(later)).toBeUndefined();
    expect(
      (await as(late.center_, { method: 'GET', url: `/api/reporting-rounds/${late.round.id}` })).json().units[0]
        .timeliness,
    ).toBe('missing');

    expect((await as(late.center_, { method: 'POST', url: `${late.reportUrl()}/submit` })).json().timeliness).toBe(
      'late',
    );
    // a paper report received before the due date counts as on time
    const paper = await as(cookies.secretariat, {
      method: 'POST',
      url: `${soon.reportUrl()}/submit`,
      payload: { receivedOn: '2025-03-05' },
    });
    expect(paper.json().timeliness).toBe('on_time');
    const after = (await as(cookies.secretariat, { method: 'GET', url: '/api/reporting-reminders' })).json();
    expect(after.find((r: { roundId: string }) => r.roundId === late.round.id)).toBeUndefined();
    const round = (await as(cookies.viewer, { method: 'GET', url: `/api/reporting-rounds/${late.round.id}` })).json();
    expect(round.counts).toMatchObject({ expected: 1, submitted: 1, late: 1, onTime: 0 });
  });

  it('closes a round: no more reminders; only the secretariat may', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat, { dueDate: '2025-03-01' });
    const patch = (cookie: string) =>
      as(cookie, { method: 'PATCH', url: `/api/reporting-rounds/${s.round.id}`, payload: { status: 'closed' } });
    expect((await patch(s.center_)).statusCode).toBe(403);
    expect((await patch(cookies.secretariat)).json().status).toBe('closed');
    const reminders = (await as(cookies.secretariat, { method: 'GET', url: '/api/reporting-reminders' })).json();
    expect(reminders.find((r: { roundId: string }) => r.roundId === s.round.id)).toBeUndefined();
  });

  it('keeps the latest quarter of a stock indicator and adds up a flow over quarters', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const post = async (url: string, payload: object) =>
      (await as(cookies.secretariat, { method: 'POST', url, payload })).json();
    const common = {
      programId: s.program.id,
      measureUnit: 'count',
      periodType: 'quarter',
      unitAggregation: 'sum',
      direction: 'higher',
      responsibleOrgUnitIds: [s.center.id, s.other.id],
    };
    await post('/api/indicators', { ...common, code: 'FUNDS', nameVi: 'Số quỹ', periodAggregation: 'latest' });
    await post('/api/indicators', { ...common, code: 'EVENTS', nameVi: 'Số sự kiện', periodAggregation: 'sum' });
    for (const [quarter, values] of [
      [1, { c: [10, 2], o: [5, 1] }],
      [2, { c: [12, 3], o: [6, 4] }],
    ] as const) {
      const round = await post('/api/reporting-rounds', {
        programId: s.program.id,
        title: `Q${quarter}/2024`,
        periodType: 'quarter',
        year: 2024,
        quarter,
        dueDate: '2025-04-30',
      });
      for (const [unit, cookie, v] of [
        [s.center.id, s.center_, values.c],
        [s.other.id, s.other_, values.o],
      ] as const) {
        const url = `/api/reporting-rounds/${round.id}/reports/${unit}`;
        const d = (await as(cookie, { method: 'GET', url })).json();
        const id = (code: string) => d.indicators.find((i: { code: string }) => i.code === code).indicatorId;
        await as(cookie, {
          method: 'PUT',
          url,
          payload: {
            values: [
              { indicatorId: id('FUNDS'), value: v[0] },
              { indicatorId: id('EVENTS'), value: v[1] },
            ],
          },
        });
        await as(cookie, { method: 'POST', url: `${url}/submit` });
        await as(cookies.secretariat, { method: 'POST', url: `${url}/review`, payload: { decision: 'approve' } });
      }
    }
    const dash = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    const actual = (code: string) => dash.indicators.find((i: { code: string }) => i.code === code).current.actual;
    expect(actual('FUNDS')).toBe(18);
    expect(actual('EVENTS')).toBe(10);
    const unitOnly = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024&orgUnitId=${s.other.id}`,
      })
    ).json();
    expect(unitOnly.indicators.find((i: { code: string }) => i.code === 'FUNDS').current.actual).toBe(6);
  });
});
