import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { followUps, jobs, notifications, notificationSends, people, users } from '../../db/schema/index.js';
import { factories, type Factories } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { enterpriseWithAccounts, minimalDbiAnswers } from '../dx-assessments/test-helpers.js';
import { monitoringScene, reportWriter } from '../reporting-rounds/test-helpers.js';
import { issueConclusion } from '../follow-ups/test-helpers.js';
import { versionedWrite } from '../../test/versioned-write.js';
import { movableClock, startSmtpSink } from './test-helpers.js';

const ORIGIN = 'https://steerboard.example.vn';
// 10 March 2025, 10:00 in Hanoi
const clock = movableClock('2025-03-10T03:00:00Z');
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let ctx: TestContext;
let f: Factories;
let secretariat: string;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtpSink();
  ctx = await createTestContext({
    clock,
    env: { SMTP_URL: smtp.url, PUBLIC_ORIGIN: ORIGIN, MAIL_FROM: 'BCĐ <bcd@example.vn>' },
  });
  f = factories(ctx.handle.db, ctx.services);
  secretariat = await ctx.login('secretariat');
  admin = await ctx.login('admin');
}, 180_000);
// sessions last 12 hours of the test's clock, which jumps: log in afresh
beforeEach(async () => {
  secretariat = await ctx.login('secretariat');
  admin = await ctx.login('admin');
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

/** A unit account whose person has an e-mail address (the address e-mail goes to). */
async function mailUser(orgUnitId: string, email: string, positionTitle?: string) {
  const person = await f.person({ orgUnitId, email });
  if (positionTitle) await ctx.handle.db.update(people).set({ positionTitle }).where(eq(people.id, person.id));
  const u = await f.user('unit', { orgUnitId, personId: person.id });
  return {
    ...u,
    email,
    get cookie() {
      return ctx.login(u.username, u.password);
    },
  };
}
const mine = async (cookie: string | Promise<string>, q = '') =>
  (await ctx.as(await cookie, { method: 'GET', url: `/api/notifications${q}` })).json();

/** A submitted report of a fresh monitoring scene, and an e-mail-able account of the reporting unit. */
async function submittedReport(email: string, dueDate = '2025-03-20') {
  const s = await monitoringScene(ctx, f, secretariat, { dueDate });
  const as = reportWriter(ctx, () => secretariat);
  const saved = await as(s.center_, {
    method: 'PUT',
    url: s.reportUrl(),
    payload: { narrative: 'Đã làm', values: [{ indicatorId: s.courses.id, value: 8 }] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` })).statusCode).toBe(200);
  return { s, user: await mailUser(s.center.id, email) };
}

describe('notifications', () => {
  it('a returned report reaches the unit in the app and by e-mail (Vietnamese, with the comment and the link), once', async () => {
    const { s, user } = await submittedReport('donvi1@example.vn');
    const res = await ctx.as(secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'return', comment: 'Bổ sung số doanh nghiệp được đào tạo' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const path = `/reporting-rounds/${s.round.id}/reports/${s.center.id}`;
    const list = await mine(user.cookie);
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({
      kind: 'report.returned',
      path,
      params: {
        comment: 'Bổ sung số doanh nghiệp được đào tạo',
        roundTitle: 'Báo cáo năm 2024',
        unitName: s.center.name,
      },
      readAt: null,
    });
    // the other unit's account hears nothing
    expect((await mine(s.other_)).total).toBe(0);

    const before = smtp.mails.length;
    await ctx.services.jobs.runDue();
    await ctx.services.jobs.runDue();
    const sent = smtp.mails.slice(before).filter((m) => m.to.includes(user.email));
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('[Steerboard] Báo cáo định kỳ bị trả lại');
    expect(sent[0].text).toContain(`Kính gửi ${user.displayName}`);
    expect(sent[0].text).toContain(
      `Báo cáo định kỳ của ${s.center.name} (Báo cáo năm 2024) đã bị trả lại để bổ sung. Ý kiến: Bổ sung số doanh nghiệp được đào tạo`,
    );
    expect(sent[0].text).toContain(`${ORIGIN}${path}`);
    expect(sent[0].html).toContain(`href="${ORIGIN}${path}"`);

    // approval after resubmission is another event
    clock.add(60_000);
    const as = reportWriter(ctx, () => secretariat);
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await ctx.as(secretariat, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } });
    expect((await mine(user.cookie)).items.map((n: { kind: string }) => n.kind)).toEqual([
      'report.approved',
      'report.returned',
    ]);
  });

  it('a unit’s revision of an approved report waits for the secretariat: they hear of it, once per revision', async () => {
    const { s } = await submittedReport('donvi-rev@example.vn');
    const secPerson = await f.person({ email: 'thuongtruc@example.vn' });
    const secUser = await f.user('secretariat', { personId: secPerson.id });
    await ctx.as(secretariat, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } });
    const as = reportWriter(ctx, () => secretariat);
    const waiting = async () =>
      (await mine(ctx.login('secretariat'), '?limit=500')).items.filter(
        (n: { kind: string; path: string }) => n.kind === 'report.revisionWaiting' && n.path.includes(s.round.id),
      );
    // the secretariat's own revision stays approved: nothing to wait for
    const own = await as(secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/revisions`,
      payload: { reason: 'Đính chính', values: [{ indicatorId: s.courses.id, value: 9 }] },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(await waiting()).toEqual([]);
    const revise = async (value: number) => {
      const res = await as(s.center_, {
        method: 'POST',
        url: `${s.reportUrl()}/revisions`,
        payload: { reason: 'Bổ sung số liệu cuối năm', values: [{ indicatorId: s.courses.id, value }] },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await revise(12);
    const before = smtp.mails.length;
    await ctx.services.jobs.runDue();
    await ctx.services.jobs.runDue();
    const [n] = await waiting();
    expect(n).toMatchObject({
      path: `/reporting-rounds/${s.round.id}/reports/${s.center.id}`,
      params: { unitName: s.center.name, roundTitle: 'Báo cáo năm 2024', reason: 'Bổ sung số liệu cuối năm' },
    });
    expect(await waiting()).toHaveLength(1);
    const mail = smtp.mails.slice(before).find((m) => m.to.includes('thuongtruc@example.vn'));
    expect(mail?.subject).toBe('[Steerboard] Báo cáo điều chỉnh chờ phê duyệt');
    expect(mail?.text).toContain(
      `${s.center.name} đã điều chỉnh báo cáo định kỳ đã phê duyệt (Báo cáo năm 2024), chờ phê duyệt. Lý do: Bổ sung số liệu cuối năm`,
    );
    // approved again, then revised again: a second revision, a second notice
    await ctx.as(secretariat, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } });
    await revise(13);
    expect(await waiting()).toHaveLength(2);
    // the unit itself is not told of its own revision
    expect((await mine(s.center_)).items.map((x: { kind: string }) => x.kind)).not.toContain('report.revisionWaiting');
    // later tests count the secretariat's e-mails: this account leaves
    await ctx.handle.db.update(users).set({ active: false }).where(eq(users.id, secUser.id));
  });

  it('marks one read, then all read; nobody marks another person’s', async () => {
    const { s, user } = await submittedReport('donvi2@example.vn');
    await ctx.as(secretariat, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } });
    const [n] = (await mine(user.cookie)).items;
    const other = await mailUser(s.other.id, 'khac@example.vn');
    const read = async (c: Promise<string>) =>
      (await ctx.as(await c, { method: 'POST', url: `/api/notifications/${n.id}/read` })).statusCode;
    expect(await read(other.cookie)).toBe(404);
    expect(await read(user.cookie)).toBe(200);
    expect(await mine(user.cookie, '?unread=true')).toMatchObject({ total: 0, unread: 0 });
    expect((await mine(user.cookie)).items[0].readAt).not.toBeNull();
    const all = await ctx.as(await user.cookie, { method: 'POST', url: '/api/notifications/read-all' });
    expect(all.json()).toEqual({ updated: 0 });
  });

  it('the hourly scan: a report due within 7 days, due today, overdue — each once, however often it runs', async () => {
    clock.set('2025-04-01T03:00:00Z');
    secretariat = await ctx.login('secretariat');
    const s = await monitoringScene(ctx, f, secretariat, { dueDate: '2025-04-05' });
    const user = await mailUser(s.center.id, 'donvi3@example.vn');
    const kinds = async () =>
      (await mine(user.cookie)).items
        .filter((n: { path: string }) => n.path.includes(s.round.id))
        .map((n: { kind: string; params: { daysLeft: number } }) => `${n.kind}:${n.params.daysLeft}`);
    await ctx.services.jobs.runDue();
    clock.add(3_600_000);
    await ctx.services.jobs.runDue();
    expect(await kinds()).toEqual(['report.dueSoon:4']);
    clock.set('2025-04-05T01:00:00Z');
    await ctx.services.jobs.runDue();
    clock.set('2025-04-06T01:00:00Z');
    await ctx.services.jobs.runDue();
    await ctx.services.jobs.runDue();
    expect(await kinds()).toEqual(['report.overdue:0', 'report.dueToday:0', 'report.dueSoon:4']);
    const mails = smtp.mails.filter((m) => m.to.includes(user.email)).map((m) => m.subject);
    expect(mails).toEqual([
      '[Steerboard] Báo cáo định kỳ sắp đến hạn',
      '[Steerboard] Báo cáo định kỳ đến hạn hôm nay',
      '[Steerboard] Báo cáo định kỳ quá hạn',
    ]);
  });

  it('a follow-up overdue by 15 days escalates to its unit, the unit’s head and the secretariat; not before', async () => {
    clock.set('2025-03-10T03:00:00Z');
    const [open] = await ctx.services.followUps.dueForReminders(100_000);
    // due later than every scan so far has looked
    await ctx.handle.db.update(followUps).set({ dueDate: '2026-09-01' }).where(eq(followUps.id, open.id));
    const fu = { ...open, dueDate: '2026-09-01' };
    const user = await mailUser(fu.addresseeOrgUnitId, 'donvi4@example.vn');
    const head = await mailUser(fu.addresseeOrgUnitId, 'giamdoc@example.vn', 'Giám đốc Sở');
    const sec = await ctx.services.users.getByUsername('secretariat');
    const at = (days: number) => new Date(Date.parse(`${fu.dueDate}T10:00:00+07:00`) + days * 86_400_000).toISOString();
    const of = async (cookie: Promise<string>) =>
      (await mine(cookie, '?limit=500')).items
        .filter(
          (n: { recordId: string; params: { dueDate: string } }) =>
            n.recordId === fu.id && n.params.dueDate === fu.dueDate,
        )
        .map((n: { kind: string }) => n.kind);
    clock.set(at(-3));
    await ctx.services.jobs.runDue();
    clock.set(at(14));
    await ctx.services.jobs.runDue();
    expect(await of(user.cookie)).toEqual(['followUp.overdue', 'followUp.dueSoon']);
    expect(await of(head.cookie)).toEqual(['followUp.overdue', 'followUp.dueSoon']);
    expect(await of(ctx.login('secretariat'))).toEqual([]);
    clock.set(at(15));
    await ctx.services.jobs.runDue();
    clock.set(at(16));
    await ctx.services.jobs.runDue();
    expect(await of(user.cookie)).toEqual(['followUp.escalation', 'followUp.overdue', 'followUp.dueSoon']);
    expect(await of(head.cookie)).toEqual(['followUp.escalation', 'followUp.overdue', 'followUp.dueSoon']);
    expect(await of(ctx.login('secretariat'))).toEqual(['followUp.escalation']);
    expect(sec.role).toBe('secretariat');
    const escalations = smtp.mails.filter((m) => m.subject === '[Steerboard] CẢNH BÁO: kiến nghị quá hạn');
    expect(escalations.map((m) => m.to[0]).sort()).toEqual(['donvi4@example.vn', 'giamdoc@example.vn']);
    expect(escalations[0].text).toContain(`đã quá hạn 15 ngày`);
    expect(escalations[0].text).toContain(`${ORIGIN}/follow-ups?id=${fu.id}`);
  });

  it('escalation goes to the head the unit names (head_person_id), not to a title-inferred one, once one is set', async () => {
    clock.set('2025-03-10T03:00:00Z');
    const scene = await f.scene({ status: 'issued' });
    const unit = await f.orgUnit({ name: `Sở Xây dựng ${Date.now()}` });
    await issueConclusion(ctx, scene, [
      { kind: 'recommendation', text: 'Số hóa hồ sơ cấp phép', addresseeOrgUnitId: unit.id, dueDate: '2026-10-01' },
    ]);
    // the named head: an ordinary title, a viewer's account (not the unit's); a "Giám đốc" beside them is not named
    const named = await f.person({ orgUnitId: unit.id, email: 'truongdonvi@example.vn' });
    const namedUser = await f.user('viewer', { personId: named.id });
    const titled = await f.person({ orgUnitId: unit.id, email: 'giamdoc2@example.vn' });
    await ctx.handle.db.update(people).set({ positionTitle: 'Giám đốc' }).where(eq(people.id, titled.id));
    const titledUser = await f.user('viewer', { personId: titled.id });
    const set = await versionedWrite(ctx, admin, {
      method: 'PATCH',
      url: `/api/org-units/${unit.id}`,
      payload: { headPersonId: named.id },
    });
    expect(set.statusCode, set.body).toBe(200);
    clock.set(new Date(Date.parse('2026-10-01T10:00:00+07:00') + 15 * 86_400_000).toISOString());
    await ctx.services.jobs.runDue();
    await ctx.services.jobs.runDue();
    const escalations = async (u: { username: string; password: string }) =>
      (await mine(ctx.login(u.username, u.password), '?limit=500')).items.filter(
        (n: { kind: string; params: { unitName: string } }) =>
          n.kind === 'followUp.escalation' && n.params.unitName === unit.name,
      );
    expect(await escalations(namedUser)).toHaveLength(1);
    expect(await escalations(titledUser)).toHaveLength(0);
    const mails = smtp.mails.filter(
      (m) => m.subject === '[Steerboard] CẢNH BÁO: kiến nghị quá hạn' && m.text.includes(unit.name),
    );
    expect(mails.map((m) => m.to[0]).filter((a) => a !== undefined && !a.startsWith('secretariat'))).toContain(
      'truongdonvi@example.vn',
    );
    expect(mails.some((m) => m.to.includes('giamdoc2@example.vn'))).toBe(false);
  });

  it('an issued conclusion reaches the inspected unit’s accounts and the units of "Nơi nhận" that have accounts', async () => {
    clock.set('2025-03-10T03:00:00Z');
    const { target, inspection } = await f.scene({ status: 'drafting' });
    const user = await mailUser(target.id, 'duockiemtra@example.vn');
    // named in "Nơi nhận" (as printed: a dash, another case, no diacritics, a closing note): told
    const dept = await f.orgUnit({ name: `Sở Tài chính ${Date.now()}` });
    const deptUser = await mailUser(dept.id, 'sotaichinh@example.vn');
    // named, but without accounts: nothing; with accounts but not named: nothing
    const silent = await f.orgUnit({ name: `Sở Nội vụ ${Date.now()}` });
    const other = await f.orgUnit();
    const otherUser = await mailUser(other.id, 'khongnhan@example.vn');
    const res = await ctx.as(secretariat, {
      method: 'POST',
      url: `/api/inspections/${inspection.id}/conclusion`,
      payload: {
        issuedDate: clock.today(),
        signerName: 'Nguyễn Văn A',
        signerTitle: 'Trưởng đoàn',
        recipients: [
          `- ${target.name};`,
          `- ${dept.name.toUpperCase().replace('À', 'A')} (để phối hợp);`,
          `- ${silent.name};`,
          '- Như trên;',
          '- Lưu: VT.',
        ],
        reason: 'Kết luận sớm (thử)',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    for (const u of [user, deptUser]) {
      const [n] = (await mine(u.cookie)).items;
      expect(n).toMatchObject({
        kind: 'conclusion.issued',
        path: `/inspections/${inspection.id}`,
        params: { number: issued.number, unitName: target.name },
      });
    }
    expect((await mine(otherUser.cookie)).items).toEqual([]);
    await ctx.services.jobs.runDue();
    for (const u of [user, deptUser]) {
      const mails = smtp.mails.filter((m) => m.to.includes(u.email));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('[Steerboard] Kết luận kiểm tra đã ban hành');
      expect(mails[0].text).toContain(`Đã ban hành Kết luận kiểm tra số ${issued.number} đối với ${target.name}`);
      expect(mails[0].text).toContain(`${ORIGIN}/inspections/${inspection.id}`);
    }
    expect(smtp.mails.some((m) => m.to.includes(otherUser.email))).toBe(false);
    // the same event twice (a retried issue's port call) tells no one again
    await ctx.handle.db.transaction((tx) =>
      ctx.services.notifications.port.conclusionIssued(tx, {
        conclusionId: issued.id,
        inspectionId: inspection.id,
        number: issued.number,
        targetOrgUnitId: target.id,
        unitName: target.name,
        recipients: [dept.name],
      }),
    );
    expect((await mine(deptUser.cookie)).items).toHaveLength(1);
  });

  it('preferences: a daily digest at 07:00 instead, off for one kind; escalations cannot be off', async () => {
    clock.set('2025-05-01T22:00:00Z'); // 05:00 in Hanoi: today's digest not yet due
    secretariat = await ctx.login('secretariat');
    const { s, user } = await submittedReport('donvi5@example.vn', '2025-06-30');
    const put = async (items: object[]) =>
      ctx.as(await user.cookie, { method: 'PUT', url: '/api/notification-preferences', payload: { items } });
    const refused = await put([{ kind: 'followUp.escalation', mode: 'off' }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({
      field: 'body.items.0.mode',
      code: 'ESCALATION_ALWAYS_SENT',
    });
    const ok = await put([
      { kind: 'report.returned', mode: 'digest' },
      { kind: 'report.approved', mode: 'off' },
    ]);
    expect(ok.json().items).toContainEqual({ kind: 'report.returned', mode: 'digest', canTurnOff: true });
    expect(ok.json().items).toContainEqual({ kind: 'followUp.escalation', mode: 'immediate', canTurnOff: false });

    await ctx.as(secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'return', comment: 'Thiếu số liệu' },
    });
    const mailsTo = () => smtp.mails.filter((m) => m.to.includes(user.email));
    await ctx.services.jobs.runDue();
    expect(
      mailsTo().map((m) => m.text),
      'nothing at once',
    ).toEqual([]);
    expect((await mine(user.cookie)).unread, 'but in the app').toBe(1);
    clock.set('2025-05-02T00:30:00Z'); // 07:30 in Hanoi
    await ctx.services.jobs.runDue();
    await ctx.services.jobs.runDue();
    expect(mailsTo()).toHaveLength(1);
    expect(mailsTo()[0].subject).toBe('[Steerboard] Tổng hợp thông báo ngày 02/05/2025 (1)');
    expect(mailsTo()[0].text).toContain('Thiếu số liệu');
    // approved ("off"): in the app, no e-mail, not even in the next digest
    const as = reportWriter(ctx, () => secretariat);
    await as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await ctx.as(secretariat, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } });
    clock.set('2025-05-03T00:30:00Z');
    await ctx.services.jobs.runDue();
    expect(mailsTo()).toHaveLength(1);
    expect((await mine(user.cookie)).total).toBe(2);
  });

  it('a refused send is retried with back-off, then failed and shown to the admin; a send cut off mid-way is never repeated', async () => {
    clock.set('2025-07-01T03:00:00Z');
    secretariat = await ctx.login('secretariat');
    admin = await ctx.login('admin');
    const { s } = await submittedReport('donvi6@example.vn', '2025-12-31');
    await mailUser(s.center.id, 'reject-me@example.vn');
    await ctx.as(secretariat, { method: 'POST', url: `${s.reportUrl()}/review`, payload: { decision: 'approve' } });
    const failedSend = async () =>
      (await ctx.as(admin, { method: 'GET', url: '/api/notification-sends?status=failed' })).json();
    for (let i = 0; i < 6; i++) {
      await ctx.services.jobs.runDue();
      clock.add(3_600_000);
    }
    const page = await failedSend();
    const rejected = page.items.find((x: { toAddress: string }) => x.toAddress === 'reject-me@example.vn');
    expect(rejected).toMatchObject({ status: 'failed', attempts: 5, notifications: 1 });
    expect(rejected.lastError).toMatch(/mailbox unavailable/);
    expect((await ctx.as(secretariat, { method: 'GET', url: '/api/notification-sends' })).statusCode).toBe(403);

    // an instance died after marking a send "sending": its job's lease runs out, the next tick must not send it
    const { s: s2, user } = await submittedReport('donvi7@example.vn', '2025-12-31');
    await ctx.as(secretariat, { method: 'POST', url: `${s2.reportUrl()}/review`, payload: { decision: 'approve' } });
    const db = ctx.handle.db;
    const [send] = await db.select().from(notificationSends).where(eq(notificationSends.toAddress, user.email));
    await db.update(notificationSends).set({ status: 'sending' }).where(eq(notificationSends.id, send.id));
    await db
      .update(jobs)
      .set({ status: 'running', lockedBy: 'dead', lockedUntil: new Date(clock.now().getTime() + 60_000) })
      .where(eq(jobs.key, `send:${send.id}`));
    await ctx.services.jobs.runDue();
    expect(
      (await db.select().from(notificationSends).where(eq(notificationSends.id, send.id)))[0].status,
      'held by its lease',
    ).toBe('sending');
    clock.add(3_600_000);
    await ctx.services.jobs.runDue();
    expect(smtp.mails.filter((m) => m.to.includes(user.email))).toHaveLength(0);
    const [after] = await db.select().from(notificationSends).where(eq(notificationSends.id, send.id));
    expect(after).toMatchObject({ status: 'failed' });
    expect(after.lastError).toMatch(/interrupted/);
  });

  it('an enterprise hears once per account and year that a new assessment year is open (daily scan), not if it started one', async () => {
    // 31 December 2026: one enterprise already started its 2027 assessment, another has none
    clock.set('2026-12-31T03:00:00Z');
    const waiting = await enterpriseWithAccounts(ctx, f, 0);
    const other = await f.user('enterprise');
    await ctx.services.enterprises.linkUser(SYSTEM_ACTOR, other.id, waiting.enterprise.taxCode);
    // sessions last 12 hours of the test's clock, which jumps: log in afresh
    const otherCookie = () => ctx.login(other.username, other.password);
    const [{ name }] = await ctx.services.enterprises.names([waiting.enterprise.id]);
    const person = await f.person({ email: 'namdanhgia@example.vn' });
    const account = await f.user('enterprise', { personId: person.id });
    await ctx.services.enterprises.linkUser(SYSTEM_ACTOR, account.id, waiting.enterprise.taxCode);
    const early = await enterpriseWithAccounts(ctx, f, 0);
    const earlyUser = await f.user('enterprise');
    await ctx.services.enterprises.linkUser(SYSTEM_ACTOR, earlyUser.id, early.enterprise.taxCode);
    const started = await ctx.as(await ctx.login(earlyUser.username, earlyUser.password), {
      method: 'POST',
      url: '/api/dx/assessments',
      payload: { year: 2027 },
    });
    expect(started.statusCode, started.body).toBe(201);
    const yearOpen = async (cookie: string | Promise<string>) =>
      (await mine(cookie, '?limit=500')).items.filter(
        (n: { kind: string; params: { year: number } }) => n.kind === 'dxAssessment.yearOpen' && n.params.year === 2027,
      );
    // 1 January 2027, 05:00 in Hanoi: the daily scan (06:00) has not run yet
    clock.set('2026-12-31T22:00:00Z');
    await ctx.services.jobs.runDue();
    expect(await yearOpen(otherCookie())).toEqual([]);
    // 06:30, then the next days: once
    for (const at of ['2026-12-31T23:30:00Z', '2027-01-01T23:30:00Z', '2027-01-02T23:30:00Z']) {
      clock.set(at);
      await ctx.services.jobs.runDue();
      await ctx.services.jobs.runDue();
    }
    const [n, ...more] = await yearOpen(otherCookie());
    expect(more).toEqual([]);
    expect(n).toMatchObject({ path: '/dx-assessments', params: { enterpriseName: name, year: 2027 } });
    expect(await yearOpen(ctx.login(account.username, account.password))).toHaveLength(1);
    expect(await yearOpen(ctx.login(earlyUser.username, earlyUser.password)), 'it started one').toEqual([]);
    const mails = smtp.mails.filter((m) => m.to.includes('namdanhgia@example.vn'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('[Steerboard] Mở kỳ tự đánh giá chuyển đổi số năm mới');
    expect(mails[0].text).toContain(
      `Đã mở kỳ tự đánh giá mức độ chuyển đổi số năm 2027: ${name} có thể bắt đầu phiếu tự đánh giá`,
    );
    expect(mails[0].text).toContain(`${ORIGIN}/dx-assessments`);
  });

  it('an enterprise hears of its DX assessment returned (with the comment) and verified, in the app and by e-mail', async () => {
    clock.set('2025-08-01T03:00:00Z');
    secretariat = await ctx.login('secretariat');
    const {
      enterprise,
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const [{ name }] = await ctx.services.enterprises.names([enterprise.id]);
    const person = await f.person({ email: 'doanhnghiep@example.vn' });
    const account = await f.user('enterprise', { personId: person.id });
    await ctx.services.enterprises.linkUser(SYSTEM_ACTOR, account.id, enterprise.taxCode);
    const stranger = await enterpriseWithAccounts(ctx, f);
    const act = (cookie: string, what: string, payload?: object) =>
      ctx.as(cookie, { method: 'POST', url: `/api/dx/assessments/${id}/${what}`, ...(payload ? { payload } : {}) });
    const started = await ctx.as(me, { method: 'POST', url: '/api/dx/assessments', payload: { year: 2025 } });
    expect(started.statusCode, started.body).toBe(201);
    const id: string = started.json().id;
    const answered = await ctx.as(me, {
      method: 'PATCH',
      url: `/api/dx/assessments/${id}/answers`,
      payload: { answers: minimalDbiAnswers() },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await act(me, 'submit')).statusCode).toBe(200);
    const returned = await act(secretariat, 'return', { comment: 'Bổ sung minh chứng kế hoạch' });
    expect(returned.statusCode, returned.body).toBe(200);
    const path = `/dx-assessments/${id}`;
    const kinds = async (cookie: string | Promise<string>) =>
      (await mine(cookie)).items.filter((n: { path: string }) => n.path === path).map((n: { kind: string }) => n.kind);
    const [n] = (await mine(me)).items;
    expect(n).toMatchObject({
      kind: 'dxAssessment.returned',
      path,
      params: { enterpriseName: name, year: 2025, comment: 'Bổ sung minh chứng kế hoạch' },
    });
    expect(await kinds(ctx.login(account.username, account.password))).toEqual(['dxAssessment.returned']);
    expect(await kinds(stranger.cookies[0]), 'another enterprise hears nothing').toEqual([]);
    await ctx.services.jobs.runDue();
    const mails = () => smtp.mails.filter((m) => m.to.includes('doanhnghiep@example.vn'));
    expect(mails()).toHaveLength(1);
    expect(mails()[0].subject).toBe('[Steerboard] Phiếu tự đánh giá chuyển đổi số bị trả lại');
    expect(mails()[0].text).toContain(
      `Phiếu tự đánh giá chuyển đổi số năm 2025 của ${name} đã bị trả lại để bổ sung. Ý kiến: Bổ sung minh chứng kế hoạch`,
    );
    expect(mails()[0].text).toContain(`${ORIGIN}${path}`);

    // resubmitted, then verified: another event; returned twice would be two
    clock.add(60_000);
    expect((await act(me, 'submit')).statusCode).toBe(200);
    expect((await act(secretariat, 'verify', {})).statusCode).toBe(200);
    await ctx.services.jobs.runDue();
    await ctx.services.jobs.runDue();
    expect(await kinds(me)).toEqual(['dxAssessment.verified', 'dxAssessment.returned']);
    expect(mails().map((m) => m.subject)).toEqual([
      '[Steerboard] Phiếu tự đánh giá chuyển đổi số bị trả lại',
      '[Steerboard] Phiếu tự đánh giá chuyển đổi số đã được xác nhận',
    ]);
    expect(mails()[1].text).toContain(`Phiếu tự đánh giá chuyển đổi số năm 2025 của ${name} đã được xác nhận`);
  });

  it('escalation day per program: a program set to 5 escalates at day 5, another at the default 15', async () => {
    clock.set('2027-02-20T03:00:00Z');
    secretariat = await ctx.login('secretariat');
    const db = ctx.handle.db;
    const [model] = await db.select().from(followUps).limit(1);
    /** An open follow-up of an inspection in a fresh program, due 1 March 2027 (later than any scan so far). */
    async function followUpIn(programId: string, text: string) {
      const { plan } = await f.plan({ programId });
      const team = await f.team(plan.id);
      const inspection = await f.inspection({ planId: plan.id, teamId: team.id });
      const { id: _id, ...rest } = model;
      const [row] = await db
        .insert(followUps)
        .values({
          ...rest,
          inspectionId: inspection.id,
          text,
          searchText: text,
          dueDate: '2027-03-01',
          status: 'open',
          acceptedAt: null,
          acceptedBy: null,
          withdrawnAt: null,
        })
        .returning();
      return row;
    }
    const fast = await f.program();
    const slow = await f.program();
    // the secretariat sets the program's escalation day where its other settings are edited (a versioned write)
    const set = await ctx.as(secretariat, {
      method: 'PATCH',
      url: `/api/programs/${fast.id}`,
      payload: { escalationDays: 5, version: fast.version },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ escalationDays: 5, defaultEscalationDays: 15, version: fast.version + 1 });
    const stale = await ctx.as(secretariat, {
      method: 'PATCH',
      url: `/api/programs/${fast.id}`,
      payload: { escalationDays: 7, version: fast.version },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await ctx.as(secretariat, {
      method: 'PATCH',
      url: `/api/programs/${fast.id}`,
      payload: { escalationDays: 0, version: fast.version + 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await ctx.as(secretariat, { method: 'GET', url: `/api/programs/${slow.id}` })).json()).toMatchObject({
      escalationDays: null,
      defaultEscalationDays: 15,
    });
    const a = await followUpIn(fast.id, 'Kiến nghị chương trình 5 ngày');
    const b = await followUpIn(slow.id, 'Kiến nghị chương trình mặc định');
    const sec = await ctx.services.users.getByUsername('secretariat');
    // straight from the table: the secretariat has many escalations of older follow-ups by now
    const escalated = async () =>
      (
        await db
          .select({ id: notifications.recordId })
          .from(notifications)
          .where(
            and(
              eq(notifications.kind, 'followUp.escalation'),
              eq(notifications.recipientUserId, sec.id),
              inArray(notifications.recordId, [a.id, b.id]),
            ),
          )
      ).map((r) => r.id);
    const at = (days: number) => new Date(Date.parse('2027-03-01T10:00:00+07:00') + days * 86_400_000).toISOString();
    clock.set(at(4));
    await ctx.services.jobs.runDue();
    expect(await escalated()).toEqual([]);
    clock.set(at(5));
    await ctx.services.jobs.runDue();
    expect(await escalated()).toEqual([a.id]);
    clock.set(at(14));
    await ctx.services.jobs.runDue();
    expect(await escalated()).toEqual([a.id]);
    clock.set(at(15));
    await ctx.services.jobs.runDue();
    expect((await escalated()).sort()).toEqual([a.id, b.id].sort());
    const [n] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'followUp.escalation'), eq(notifications.recordId, a.id)))
      .limit(1);
    expect(n.params).toMatchObject({ daysOverdue: 5 });
  });
});
