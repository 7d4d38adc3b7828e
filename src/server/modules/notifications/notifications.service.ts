import type {
  NotificationListQuery,
  NotificationPreferencesInput,
  NotificationSendQuery,
} from '../../../shared/contracts/notifications.js';
import {
  DUE_SOON_DAYS,
  mandatoryKinds,
  notificationKinds,
  type NotificationKind,
  type NotificationMode,
  type NotifyPort as SharedNotifyPort,
} from '../../../shared/notifications.js';
import { recordPath } from '../../../shared/record-paths.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { JobContext, JobRunner } from '../../jobs/runner.js';
import { dailyAt, hanoiParts, hourly } from '../../jobs/runner.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Mailer } from './mailer.js';
import { notificationsPolicy } from './notifications.policy.js';
import type { NewNotification, NotificationsRepo } from './notifications.repo.js';
import { renderMail } from './templates.js';

type Params = Record<string, string | number | null>;

/** One event: what it is about and who must hear of it. `key` names the event (the same key never notifies twice). */
export interface NotificationEvent {
  kind: NotificationKind;
  key: string;
  recordType: string;
  recordId: string;
  path: string;
  params: Params;
  recipients: string[];
}

/** What the reminder scan reads from the modules that own reports and follow-ups (wired in services.ts). */
export interface ReminderSources {
  reports(): Promise<
    { roundId: string; roundTitle: string; orgUnit: { id: string; name: string }; dueDate: string; daysLeft: number }[]
  >;
  followUps(withinDays: number): Promise<
    {
      id: string;
      text: string;
      dueDate: string;
      addresseeOrgUnitId: string;
      addresseeName: string;
      programId: string;
      daysOverdue: number;
    }[]
  >;
  /** Each program's escalation day (its own, or the default), by program id. */
  escalationDays(programIds: string[]): Promise<Map<string, number>>;
  /**
   * The enterprises (with their accounts) that can start a DX assessment for the year and have none for it yet
   * (dx-assessments knows).
   */
  assessmentYearOpen(year: number): Promise<{ enterpriseId: string; name: string; accountIds: string[] }[]>;
  /** The active accounts acting for an enterprise (the enterprises' service knows them). */
  enterpriseAccounts(tx: DbOrTx, enterpriseId: string): Promise<string[]>;
}

/** What other modules call, inside their own transaction, when something happens that people must hear of. */
export type NotifyPort = SharedNotifyPort<DbOrTx>;

const SEND_JOB = 'notifications.send';
const DEFAULT_MODE: NotificationMode = 'immediate';
const shortText = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

export function createNotificationsService({
  db,
  repo,
  audit,
  clock,
  jobs,
  mailer,
  origin,
  escalationDays,
  sources,
}: {
  db: Db;
  repo: NotificationsRepo;
  audit: AuditService;
  clock: Clock;
  jobs: JobRunner;
  /** none: notifications stay in the app (no SMTP_URL) */
  mailer?: Mailer;
  /** PUBLIC_ORIGIN, put before each link in an e-mail */
  origin: string;
  escalationDays: number;
  sources: ReminderSources;
}) {
  /** A send row for these notifications and its job, in the caller's transaction (nothing without a mailer). */
  async function queueSend(tx: DbOrTx, key: string, userId: string, notificationIds: string[]) {
    if (!mailer) return;
    const address = (await repo.addresses(tx, [userId])).get(userId);
    const send = await repo.createSend(tx, { key, userId, toAddress: address?.email ?? null }, notificationIds);
    if (send) await jobs.enqueue(tx, { kind: SEND_JOB, key: `send:${send.sendId}`, payload: { sendId: send.sendId } });
  }

  /** Records the event for each recipient not yet told of it; e-mails at once those who want it so. */
  async function emit(tx: DbOrTx, e: NotificationEvent) {
    const recipients = [...new Set(e.recipients)];
    const rows: NewNotification[] = recipients.map((recipientUserId) => ({
      recipientUserId,
      eventKey: e.key,
      kind: e.kind,
      recordType: e.recordType,
      recordId: e.recordId,
      path: e.path,
      params: e.params,
      createdAt: clock.now(),
    }));
    const inserted = await repo.insert(tx, rows);
    if (!inserted.length || !mailer) return inserted.length;
    const modes = await repo.modes(
      tx,
      inserted.map((n) => n.recipientUserId),
      e.kind,
    );
    for (const n of inserted) {
      const mode = modes.get(n.recipientUserId) ?? DEFAULT_MODE;
      if (mode === 'immediate' || (mode === 'off' && mandatoryKinds.includes(e.kind)))
        await queueSend(tx, `n:${n.id}`, n.recipientUserId, [n.id]);
    }
    return inserted.length;
  }

  /** The hourly scan: reports and follow-ups due soon, due today, overdue, and escalations. Each event once. */
  async function scan() {
    let created = 0;
    for (const r of await sources.reports()) {
      const kind: NotificationKind =
        r.daysLeft > 0 ? 'report.dueSoon' : r.daysLeft === 0 ? 'report.dueToday' : 'report.overdue';
      const recipients = await repo.unitUsers(db, [r.orgUnit.id]);
      created += await db.transaction((tx) =>
        emit(tx, {
          kind,
          key: `${kind}:${r.roundId}:${r.orgUnit.id}:${r.dueDate}`,
          recordType: 'unitReport',
          recordId: `${r.roundId}/${r.orgUnit.id}`,
          path: recordPath.unitReport(r.roundId, r.orgUnit.id),
          params: {
            roundTitle: r.roundTitle,
            unitName: r.orgUnit.name,
            dueDate: r.dueDate,
            daysLeft: Math.max(r.daysLeft, 0),
          },
          recipients,
        }),
      );
    }
    const secretariat = await repo.roleUsers(db, 'secretariat');
    const due = await sources.followUps(DUE_SOON_DAYS);
    // each follow-up escalates at its program's day (the default when the program sets none)
    const dayOf = await sources.escalationDays([...new Set(due.map((f) => f.programId))]);
    for (const f of due) {
      const unitUsers = await repo.unitUsers(db, [f.addresseeOrgUnitId]);
      const base = {
        recordType: 'followUp',
        recordId: f.id,
        path: recordPath.followUp(f.id),
        params: {
          text: shortText(f.text),
          unitName: f.addresseeName,
          dueDate: f.dueDate,
          daysOverdue: f.daysOverdue,
          daysLeft:
            f.daysOverdue > 0 ? 0 : Math.round((Date.parse(f.dueDate) - Date.parse(clock.today())) / 86_400_000),
        },
      };
      created += await db.transaction(async (tx) => {
        const kind: NotificationKind = f.daysOverdue > 0 ? 'followUp.overdue' : 'followUp.dueSoon';
        let n = await emit(tx, { ...base, kind, key: `${kind}:${f.id}:${f.dueDate}`, recipients: unitUsers });
        if (f.daysOverdue >= (dayOf.get(f.programId) ?? escalationDays)) {
          const heads = await repo.headUsers(tx, f.addresseeOrgUnitId);
          n += await emit(tx, {
            ...base,
            kind: 'followUp.escalation',
            key: `followUp.escalation:${f.id}:${f.dueDate}`,
            recipients: [...unitUsers, ...heads, ...secretariat],
          });
        }
        return n;
      });
    }
    return created;
  }

  /**
   * The daily scan for enterprises: the current calendar year (Hanoi) is an assessment year; each enterprise that can
   * start one for it and has none is told once per account and year (the event key names enterprise and year).
   */
  async function assessmentYear() {
    const year = Number(clock.today().slice(0, 4));
    let created = 0;
    for (const e of await sources.assessmentYearOpen(year))
      created += await db.transaction((tx) =>
        emit(tx, {
          kind: 'dxAssessment.yearOpen',
          key: `dxAssessment.yearOpen:${e.enterpriseId}:${year}`,
          recordType: 'enterprise',
          recordId: e.enterpriseId,
          path: recordPath.dxAssessments(),
          params: { enterpriseName: e.name, year },
          recipients: e.accountIds,
        }),
      );
    return created;
  }

  /** The 07:00 digest: each person's digest-mode notifications no e-mail carries yet, in one e-mail. */
  async function digest() {
    const date = hanoiParts(clock.now()).date;
    const pending = await repo.digestPending(db, clock.now());
    const byUser = new Map<string, string[]>();
    for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p.id]);
    for (const [userId, ids] of byUser)
      await db.transaction((tx) => queueSend(tx, `digest:${userId}:${date}`, userId, ids));
    return byUser.size;
  }

  /**
   * Sends one e-mail, at most once: `sending` is committed before the SMTP call. A send found `sending` was cut off
   * (its instance died mid-send): whether the server took it is unknown, so it is marked failed, not sent again. An
   * SMTP error puts it back to `pending` and throws: the job runner retries it with back-off, then gives up.
   */
  async function deliver(payload: unknown, job: JobContext) {
    const { sendId } = payload as { sendId: string };
    const send = await repo.getSend(db, sendId);
    if (!send || send.status === 'sent' || send.status === 'failed') return;
    if (send.status === 'sending') {
      await repo.moveSend(db, sendId, 'sending', {
        status: 'failed',
        lastError: 'interrupted while sending: not sent again (at most once)',
      });
      return;
    }
    if (!mailer) throw new Error('no SMTP_URL');
    if (!send.toAddress) {
      await repo.moveSend(db, sendId, 'pending', { status: 'failed', lastError: 'the account has no e-mail address' });
      return;
    }
    if (!(await repo.moveSend(db, sendId, 'pending', { status: 'sending', attempts: send.attempts + 1 }))) return;
    try {
      const notices = await repo.sendContents(db, sendId);
      const name = (await repo.addresses(db, [send.userId])).get(send.userId)?.name ?? '';
      const digestDate = send.key.startsWith('digest:') ? send.key.split(':')[2] : undefined;
      await mailer.send({ to: send.toAddress, ...renderMail(name, notices, origin, digestDate) });
    } catch (e) {
      const last = job.attempts >= job.maxAttempts;
      await repo.moveSend(db, sendId, 'sending', {
        status: last ? 'failed' : 'pending',
        lastError: (e instanceof Error ? e.message : String(e)).slice(0, 2000),
      });
      throw e;
    }
    await repo.moveSend(db, sendId, 'sending', { status: 'sent', sentAt: clock.now(), lastError: null });
  }

  jobs.register('notifications.scan', async () => {
    await scan();
  });
  jobs.register('notifications.digest', async () => {
    await digest();
  });
  jobs.register('notifications.assessmentYear', async () => {
    await assessmentYear();
  });
  jobs.register(SEND_JOB, deliver);
  jobs.schedule(hourly('notifications.scan'));
  jobs.schedule(dailyAt('notifications.digest', 7));
  // before the digest, so a digest-mode account finds it in that day's e-mail
  jobs.schedule(dailyAt('notifications.assessmentYear', 6));

  const port: NotifyPort = {
    async reportReviewed(tx, e) {
      const kind = e.decision === 'approve' ? 'report.approved' : 'report.returned';
      await emit(tx, {
        kind,
        key: `${kind}:${e.reportId}:v${e.version}`,
        recordType: 'unitReport',
        recordId: e.reportId,
        path: recordPath.unitReport(e.roundId, e.orgUnitId),
        params: { roundTitle: e.roundTitle, unitName: await repo.unitName(tx, e.orgUnitId), comment: e.comment },
        recipients: await repo.unitUsers(tx, [e.orgUnitId]),
      });
    },
    async reportRevised(tx, e) {
      await emit(tx, {
        kind: 'report.revisionWaiting',
        // the revision number names the event: each revision waits (and is told) once
        key: `report.revisionWaiting:${e.reportId}:r${e.revision}`,
        recordType: 'unitReport',
        recordId: e.reportId,
        path: recordPath.unitReport(e.roundId, e.orgUnitId),
        params: {
          roundTitle: e.roundTitle,
          unitName: await repo.unitName(tx, e.orgUnitId),
          reason: shortText(e.reason),
        },
        recipients: await repo.roleUsers(tx, 'secretariat'),
      });
    },
    async conclusionIssued(tx, e) {
      await emit(tx, {
        kind: 'conclusion.issued',
        key: `conclusion.issued:${e.conclusionId}`,
        recordType: 'inspection',
        recordId: e.inspectionId,
        path: recordPath.inspection(e.inspectionId),
        params: { number: e.number, unitName: e.unitName },
        // the inspected unit, and the units "Nơi nhận" names that have accounts
        recipients: await repo.unitUsers(tx, [e.targetOrgUnitId, ...(await repo.unitsNamed(tx, e.recipients))]),
      });
    },
    async assessmentReviewed(tx, e) {
      const kind = e.decision === 'return' ? 'dxAssessment.returned' : 'dxAssessment.verified';
      await emit(tx, {
        kind,
        // the version after the review names the event: a second return (after a resubmission) is another one
        key: `${kind}:${e.assessmentId}:v${e.version}`,
        recordType: 'dxAssessment',
        recordId: e.assessmentId,
        path: recordPath.dxAssessment(e.assessmentId),
        params: { enterpriseName: e.enterpriseName, year: e.year, comment: e.comment },
        recipients: await sources.enterpriseAccounts(tx, e.enterpriseId),
      });
    },
  };

  return {
    port,
    scan,
    digest,
    assessmentYear,

    async list(actor: Actor, q: NotificationListQuery) {
      notificationsPolicy.assertSelf(actor);
      return repo.list(db, actor.id, { unread: q.unread === 'true', limit: q.limit, offset: q.offset });
    },

    async markRead(actor: Actor, id: string) {
      notificationsPolicy.assertSelf(actor);
      await db.transaction(async (tx) => {
        if (!(await repo.markRead(tx, actor.id, id, clock.now()))) throw notFound('notification', id);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'notification',
          entityId: id,
          after: { read: true },
        });
      });
    },

    async markAllRead(actor: Actor) {
      notificationsPolicy.assertSelf(actor);
      return db.transaction(async (tx) => {
        const updated = await repo.markAllRead(tx, actor.id, clock.now());
        if (updated)
          await audit.record(tx, actor, {
            action: 'update',
            entityType: 'notification',
            entityId: actor.id,
            after: { allRead: updated },
          });
        return { updated };
      });
    },

    async preferences(actor: Actor) {
      notificationsPolicy.assertSelf(actor);
      const chosen = new Map((await repo.preferences(db, actor.id)).map((p) => [p.kind, p.mode]));
      return {
        items: notificationKinds.map((kind) => ({
          kind,
          mode: chosen.get(kind) ?? DEFAULT_MODE,
          canTurnOff: !mandatoryKinds.includes(kind),
        })),
      };
    },

    async setPreferences(actor: Actor, input: NotificationPreferencesInput) {
      notificationsPolicy.assertSelf(actor);
      const issues = input.items.flatMap((p, i) =>
        p.mode === 'off' && mandatoryKinds.includes(p.kind)
          ? [{ field: `body.items.${i}.mode`, reason: 'ESCALATION_ALWAYS_SENT' as const }]
          : [],
      );
      if (issues.length) throw invalid(issues);
      const before = await this.preferences(actor);
      await db.transaction(async (tx) => {
        for (const p of input.items) await repo.setPreference(tx, actor.id, p.kind, p.mode);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'notificationPreferences',
          entityId: actor.id,
          before: before.items,
          after: input.items,
        });
      });
      return this.preferences(actor);
    },

    async listSends(actor: Actor, q: NotificationSendQuery) {
      notificationsPolicy.assertCanReadSends(actor);
      const { items, total } = await repo.listSends(db, q);
      return {
        total,
        items: items.map((r) => ({
          ...r.send,
          user: { id: r.send.userId, username: r.username, displayName: r.displayName },
          notifications: r.notifications,
        })),
      };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
