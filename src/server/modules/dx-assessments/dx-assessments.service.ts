import type { NotifyPort } from '../../../shared/notifications.js';
import type {
  AssessmentDetail,
  AssessmentItem,
  AssessmentListQuery,
  AssessmentReport,
  AssessmentStartInput,
  AssessmentStatus,
  StaleAnswer,
} from '../../../shared/contracts/dx-assessments.js';
import { answerIssues, type Answers, progressOf } from '../../../shared/dx/answers.js';
import { allQuestions, type AppliesTo } from '../../../shared/dx/framework-format.js';
import { applicabilityReason } from '../../../shared/dx/applicability.js';
import { scoreAssessment } from '../../../shared/dx/scoring.js';
import { packSnapshot, unpackSnapshot } from '../../../shared/dx/snapshot-store.js';
import { recommendationFor, topImprovements } from '../../../shared/dx/what-if.js';
import { peerBand } from '../../../shared/dx/peers.js';
import { reportSupportFor } from '../../../shared/support/report-support.js';
import type { SizeClass } from '../../../shared/enterprises/size-class.js';
import { carryOver, comparable, wavesChange, type WavePoint } from '../../../shared/dx/waves.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { authorId, listScope } from '../../http/authorize.js';
import {
  conflict,
  DomainError,
  forbidden,
  immutable,
  invalid,
  invalidTransition,
  notFound,
  type ReasonIssue,
} from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ScoredFacts } from '../dx-analytics/dx-analytics.service.js';
import type { DxFrameworksService } from '../dx-frameworks/dx-frameworks.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { FilesService } from '../files/files.service.js';
import type { AssessmentImportRow, DxAssessmentsBulkRepo } from './dx-assessments-bulk.repo.js';
import type { AssessmentRow, DxAssessmentsRepo } from './dx-assessments.repo.js';
import { dxAssessmentsPolicy } from './dx-assessments.policy.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';
import type { VerifiedDocument } from '../../../shared/contracts/conclusions.js';
import { formatVerificationCode } from '../../../shared/verification-code.js';
import { sha256Hex } from '../../lib/hash.js';
import type { MintCode } from '../verification/verification.service.js';
import { assessmentReportDocx } from './assessment-docx.js';

/** Keeps the analytics rollup in step, inside the caller's transaction (the dx-analytics module owns it). */
export interface RollupPort {
  apply(tx: DbOrTx, before: ScoredFacts | null, after: ScoredFacts | null): Promise<void>;
  /**
   * The analytics' small-cell rule for a peer cell (version × year × sector × size class, all communes and
   * levels): k, and whether the publication cube publishes that cell.
   */
  peerCell(cell: { frameworkVersionId: string; year: number; sectorCode: string; sizeClass: string }): Promise<{
    suppressBelow: number;
    published: boolean;
  }>;
}

const EDITABLE: AssessmentStatus[] = ['draft', 'returned'];
const SCORED: AssessmentStatus[] = ['submitted', 'verified'];

/** What a scored assessment contributes to the rollup; null when it does not count (draft, returned). */
export type FactColumns = Pick<
  AssessmentRow,
  | 'status'
  | 'frameworkVersionId'
  | 'year'
  | 'communeId'
  | 'sectorCode'
  | 'sizeClass'
  | 'overallLevel'
  | 'totalScore'
  | 'pillarScores'
>;
export function factsOf(a: FactColumns): ScoredFacts | null {
  if (!SCORED.includes(a.status) || a.totalScore === null || a.overallLevel === null || !a.sectorCode || !a.sizeClass)
    return null;
  return {
    frameworkVersionId: a.frameworkVersionId,
    year: a.year,
    communeId: a.communeId,
    sectorCode: a.sectorCode,
    sizeClass: a.sizeClass,
    overallLevel: a.overallLevel,
    totalScore: Number(a.totalScore),
    pillarScores: (a.pillarScores ?? []).map(Number),
  };
}

/** An assessment as lists show it: the enterprise's tax code and name, the framework's code and version beside it. */
const toItem = (
  row: AssessmentRow,
  enterprise: AssessmentItem['enterprise'],
  framework: AssessmentItem['framework'],
): AssessmentItem => ({
  id: row.id,
  enterprise,
  framework,
  year: row.year,
  status: row.status,
  source: row.source,
  totalScore: row.totalScore === null ? null : Number(row.totalScore),
  overallLevel: row.overallLevel,
  submittedAt: row.submittedAt,
  reviewedAt: row.reviewedAt,
  reviewComment: row.reviewComment,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** A `file` answer: the evidence blob's SHA-256 and the name it was uploaded under. */
export const evidenceValue = (sha256: string, fileName: string) =>
  `${sha256}/${fileName.replace(/[\\/]/g, '_')}`.slice(0, 200);
export const parseEvidence = (value: unknown) => {
  const m = typeof value === 'string' ? /^([0-9a-f]{64})\/(.+)$/.exec(value) : null;
  return m ? { sha256: m[1], fileName: m[2] } : null;
};

export function createDxAssessmentsService({
  db,
  repo,
  bulk,
  audit,
  clock,
  frameworks,
  enterprises,
  rollup,
  files,
  notify,
  codes,
  verifyOrigin = 'http://localhost',
}: {
  db: Db;
  repo: DxAssessmentsRepo;
  /** mints a verification code in the registry (module verification's port); none: reports are not issued */
  codes?: MintCode;
  /** the origin of the /verify address printed in an issued report's footer */
  verifyOrigin?: string;
  audit: AuditService;
  clock: Clock;
  frameworks: DxFrameworksService;
  enterprises: EnterprisesService;
  rollup: RollupPort;
  files: FilesService;
  bulk: DxAssessmentsBulkRepo;
  /** tells the enterprise its assessment was returned or verified, in the review's transaction (notifications' port) */
  notify?: Pick<NotifyPort<DbOrTx>, 'assessmentReviewed'>;
}) {
  /**
   * Issues the report of an assessment just verified: a code registered, the DOCX rendered with it in the footer and
   * kept with its SHA-256 (the report shows live peer figures: a later render would differ). Outside the verifying
   * transaction: on PGlite a read through `db` inside an open one waits forever.
   */
  async function issueReport(actor: Actor, id: string) {
    if (!codes) return;
    const report = await service.report(actor, id);
    const code = await db.transaction((tx) => codes.mint(tx, 'dxReport'));
    const body = await assessmentReportDocx(report, { code, url: `${verifyOrigin}/verify/${code}` });
    await repo.insertReport(db, {
      code,
      assessmentId: id,
      year: report.assessment.year,
      enterpriseName: report.assessment.enterprise.name,
      issuedDate: clock.today(),
      data: body,
      sha256: sha256Hex(body),
      issuedBy: actor.id,
      issuedAt: clock.now(),
    });
  }

  /** Tells the enterprise of a review (`after`: the row the review wrote). */
  async function reviewed(
    tx: DbOrTx,
    after: { id: string; version: number; enterpriseId: string; year: number },
    decision: 'return' | 'verify',
    comment: string | null,
  ) {
    if (!notify) return;
    const [enterprise] = await enterprises.names([after.enterpriseId], tx);
    await notify.assessmentReviewed(tx, {
      assessmentId: after.id,
      version: after.version,
      enterpriseId: after.enterpriseId,
      enterpriseName: enterprise?.name ?? '',
      year: after.year,
      decision,
      comment,
    });
  }

  async function readable(actor: Actor, id: string, tx: DbOrTx = db) {
    const row = await repo.getRow(tx, id);
    if (!row) throw notFound('assessment', id);
    dxAssessmentsPolicy.assertCanRead(actor, row.enterpriseId, await enterprises.ownEnterpriseId(actor, tx));
    return row;
  }

  async function get(actor: Actor, id: string): Promise<AssessmentDetail> {
    const row = await repo.getRow(db, id);
    if (!row) throw notFound('assessment', id);
    const own = await enterprises.ownEnterpriseId(actor);
    dxAssessmentsPolicy.assertCanRead(actor, row.enterpriseId, own);
    const [version, [enterprise]] = await Promise.all([
      frameworks.versionById(row.frameworkVersionId),
      enterprises.names([row.enterpriseId]),
    ]);
    const { definition } = version;
    const answers = dxAssessmentsPolicy.canAnswer(actor, row.enterpriseId, own);
    const reviews = dxAssessmentsPolicy.canReview(actor);
    return {
      // what the page may offer: the catalogue's answer for this caller and record, with the status rules
      permissions: {
        canAnswer: answers && EDITABLE.includes(row.status),
        canVerify: reviews && row.status === 'submitted',
        canReturn: reviews && SCORED.includes(row.status),
        canRescore: answers,
      },
      ...toItem(row, enterprise, { code: version.frameworkCode, version: version.version }),
      answers: row.answers,
      answeredBy: row.answeredBy,
      answerVersions: row.answerVersions,
      carriedOver: row.carriedOver,
      carriedFrom: row.carriedFrom ?? null,
      progress: progressOf(definition, row.answers),
      snapshot: unpackSnapshot(definition, row.snapshot),
      applicabilityOverride: row.applicabilityOverride,
    };
  }

  /** Why `definition` is not for this firm (size class, VSIC section), as an issue on `field`; null when it is. */
  const applicabilityIssue = (
    definition: { code: string; appliesTo?: AppliesTo },
    firm: { sizeClass: string | null; sectorCode: string | null },
    field: string,
  ): ReasonIssue | null => {
    const why = applicabilityReason(definition, firm);
    return why && { field, ...why };
  };

  /** Loads and locks an assessment `actor` may answer or submit, still editable. */
  async function lockEditable(tx: DbOrTx, actor: Actor, id: string) {
    const row = await repo.getRow(tx, id, true);
    if (!row) throw notFound('assessment', id);
    dxAssessmentsPolicy.assertCanAnswer(actor, row.enterpriseId, await enterprises.ownEnterpriseId(actor, tx));
    if (!EDITABLE.includes(row.status)) throw immutable('ASSESSMENT_NOT_EDITABLE', { status: row.status });
    return row;
  }

  /** 409 STALE_VERSION when a written question changed since the version the writer names for it (row locked). */
  async function refuseStale(tx: DbOrTx, row: AssessmentRow, answers: Answers, versions: Record<string, number>) {
    const stale: StaleAnswer[] = Object.keys(answers)
      .filter((code) => (row.answerVersions[code] ?? 0) !== versions[code])
      .map((code) => ({
        code,
        currentVersion: row.answerVersions[code] ?? 0,
        value: row.answers[code] ?? null,
        answeredBy: row.answeredBy[code] ?? null,
      }));
    if (!stale.length) return;
    // who changed the assessment last and when, as every stale refusal says; then the questions themselves
    const r = await audit.staleVersion(tx, 'dxAssessment', row.id, row.version);
    throw new DomainError(r.code, r.status, r.message, { ...(r.details as object), questions: stale });
  }

  /** Scores answers and freezes the snapshot with the enterprise's commune, sector and size as of now. */
  async function scoredPatch(tx: DbOrTx, row: AssessmentRow, definitionId: string, answers: Answers) {
    const { definition } = await frameworks.versionById(definitionId, tx);
    const snapshot = scoreAssessment(definition, answers);
    const e = await enterprises.getRow(row.enterpriseId, tx);
    return {
      snapshot,
      patch: {
        snapshot: packSnapshot(definition, snapshot),
        totalScore: snapshot.total,
        overallLevel: snapshot.overallLevel,
        pillarScores: snapshot.pillars.map((p) => p.score),
        communeId: e.currentCommuneId,
        sectorCode: e.sectorCode,
        sizeClass: e.sizeClass,
      },
    };
  }

  /**
   * Peer figures under the analytics' small-cell rule: only for a submitted or verified score (a draft's total is
   * its owner's to sweep); from the *other* enterprises of the cell (itself excluded, so it cannot subtract itself),
   * at least k of them, in a cell the publication cube publishes; and only as a count and a band against their
   * mean (shared/dx/peers.ts), so sweeping one's own total reveals no single peer.
   */
  async function peersOf(
    row: AssessmentRow,
    provisional: boolean,
    snapshot: { total: number; max: number },
    sectorCode: string,
    sizeClass: string,
  ): Promise<AssessmentReport['peers']> {
    const cell = { frameworkVersionId: row.frameworkVersionId, year: row.year, sectorCode, sizeClass };
    const { suppressBelow, published } = await rollup.peerCell(cell);
    const none = { count: null, band: null, sectorCode, sizeClass, suppressBelow };
    if (provisional) return { status: 'draft', ...none };
    const others = await repo.peerAggregate(db, cell, row.id);
    if (!published || others.n < suppressBelow) return { status: 'fewer', ...none };
    return {
      status: 'published',
      ...none,
      count: others.n,
      band: peerBand(snapshot.total, others.sumTotal / others.n, snapshot.max),
    };
  }

  /** The firm's scored assessments as points of its history (their frozen snapshots). */
  async function historyOf(enterpriseId: string): Promise<WavePoint[]> {
    const rows = await repo.scoredHistory(db, enterpriseId);
    return Promise.all(
      rows.map(async (h) => {
        const v = await frameworks.versionById(h.frameworkVersionId);
        const snap = unpackSnapshot(v.definition, h.snapshot);
        return {
          assessmentId: h.id,
          year: h.year,
          framework: { code: v.frameworkCode, version: v.version },
          total: Number(h.totalScore ?? snap?.total ?? 0),
          level: h.overallLevel ?? snap?.overallLevel ?? 0,
          pillars: (snap?.pillars ?? []).map((p) => ({ code: p.code, score: p.score, level: p.level })),
        };
      }),
    );
  }

  const service = {
    /** How the audit log names assessments: the enterprise and the year. */
    auditSubjects: {
      dxAssessment: (async (tx, ids) => {
        const rows = await repo.subjectRows(tx, ids);
        const names = new Map(
          (
            await enterprises.names(
              rows.map((r) => r.enterpriseId),
              tx,
            )
          ).map((e) => [e.id, e]),
        );
        return subjectsOf(rows, (r) => {
          const e = names.get(r.enterpriseId);
          return { name: `${e ? e.name : r.enterpriseId} · ${r.year}`, path: recordPath.dxAssessment(r.id) };
        });
      }) satisfies DescribeSubjects,
    },
    get,

    async list(actor: Actor, q: AssessmentListQuery) {
      const scope = dxAssessmentsPolicy.scopeEnterpriseId(actor, await enterprises.ownEnterpriseId(actor));
      // the filters on the registry's and the frameworks' columns become ids from their owners
      const [named, versionIds] = await Promise.all([
        q.taxCode ? enterprises.idOfTaxCode(q.taxCode) : undefined,
        q.frameworkCode ? frameworks.versionIdsOf(q.frameworkCode) : undefined,
      ]);
      if (named === null || (named && scope && named !== scope) || versionIds?.length === 0)
        return { items: [], total: 0 };
      const { items, total } = await repo.list(db, {
        ...q,
        enterpriseId: scope ?? named ?? null,
        enterpriseIn: q.q ? enterprises.matchingIds(q.q) : undefined,
        frameworkVersionIds: versionIds,
      });
      const [names, labels] = await Promise.all([
        enterprises.names(items.map((a) => a.enterpriseId)),
        frameworks.labels(items.map((a) => a.frameworkVersionId)),
      ]);
      const byId = new Map(names.map((e) => [e.id, e]));
      return {
        items: items.map((a) => toItem(a, byId.get(a.enterpriseId)!, labels.get(a.frameworkVersionId)!)),
        total,
      };
    },

    /**
     * The enterprises (with accounts) that can start an assessment for `year` and have none for it yet: none at all
     * while no framework version is published (nothing can be started). No act opens an assessment year (an
     * enterprise may start one for any year): the notifications' daily scan asks this for the current calendar year.
     */
    async yearOpenFor(year: number) {
      if (!(await frameworks.publishedVersions()).length) return [];
      const candidates = await enterprises.withAccounts();
      const assessed = await repo.assessedIn(
        db,
        year,
        candidates.map((c) => c.enterpriseId),
      );
      return candidates.filter((c) => !assessed.has(c.enterpriseId));
    },

    /** One assessment per enterprise, framework version and year, on the newest published version. */
    async start(actor: Actor, input: AssessmentStartInput): Promise<AssessmentDetail> {
      const own = await enterprises.ownEnterpriseId(actor);
      let enterpriseId: string;
      // an account the catalogue limits to its own enterprise starts for that one; the others name the enterprise
      if ('ownEnterprise' in listScope(actor, 'dxAssessment.answer')) {
        if (!own) throw forbidden('This enterprise account is not linked to an enterprise');
        if (input.taxCode) {
          const named = await enterprises.get(actor, input.taxCode);
          if (named.id !== own) throw forbidden('This is another enterprise');
        }
        enterpriseId = own;
      } else {
        if (!input.taxCode) throw invalid([{ field: 'body.taxCode', reason: 'TAX_CODE_REQUIRED' }]);
        enterpriseId = (await enterprises.get(actor, input.taxCode)).id;
      }
      dxAssessmentsPolicy.assertCanAnswer(actor, enterpriseId, own);
      const version = await frameworks.version(actor, input.frameworkCode);
      // a framework meant for other firms (an SME index for a large firm): refused, or the secretariat's recorded reason
      const notFor = applicabilityIssue(
        version.definition,
        await enterprises.getRow(enterpriseId),
        'body.frameworkCode',
      );
      if (notFor && input.applicabilityOverride === undefined) throw invalid([notFor]);
      if (!notFor && input.applicabilityOverride !== undefined)
        throw invalid([{ field: 'body.applicabilityOverride', reason: 'APPLICABILITY_OVERRIDE_UNNEEDED' }]);
      if (notFor) dxAssessmentsPolicy.assertCanOverrideApplicability(actor);
      const id = await db.transaction(async (tx) => {
        if (await repo.findOne(tx, enterpriseId, version.id, input.year)) {
          throw conflict('ASSESSMENT_EXISTS', {
            field: 'body.year',
          });
        }
        // a new wave starts from the firm's latest scored assessment of an earlier year on a comparable framework
        const listed = await frameworks.listedVersions(tx);
        const start = {
          framework: { code: version.frameworkCode, generation: listed.find((v) => v.id === version.id)?.generation },
        };
        const family = listed
          .filter((v) => comparable(start, { framework: { code: v.frameworkCode, generation: v.generation } }))
          .map((v) => v.id);
        const previous = await repo.previousScored(tx, enterpriseId, family, input.year);
        let wave: Pick<AssessmentRow, 'answers' | 'carriedOver' | 'carriedFrom'> | null = null;
        if (previous) {
          const from = await frameworks.versionById(previous.frameworkVersionId, tx);
          const { answers, carried, dropped } = carryOver(version.definition, previous.answers);
          wave = {
            answers,
            carriedOver: carried,
            carriedFrom: {
              assessmentId: previous.id,
              year: previous.year,
              framework: { code: from.frameworkCode, version: from.version },
              dropped,
            },
          };
        }
        const row = await repo.insert(tx, {
          enterpriseId,
          frameworkVersionId: version.id,
          year: input.year,
          status: 'draft',
          source: 'web',
          ...wave,
          // each carried-over answer is a first write of its question in this assessment
          answerVersions: wave ? Object.fromEntries(wave.carriedOver.map((c) => [c, 1])) : {},
          applicabilityOverride: input.applicabilityOverride ?? null,
        });
        if (!row)
          throw conflict('ASSESSMENT_EXISTS', {
            field: 'body.year',
          });
        await audit.record(tx, actor, { action: 'create', entityType: 'dxAssessment', entityId: row.id, after: row });
        return row.id;
      });
      return get(actor, id);
    },

    /**
     * Merges answers (null clears one), checked against the assessment's framework version. With `versions` (the
     * version of each written question as the writer read it) a question changed since is refused with 409
     * STALE_VERSION naming it, its version and value now; questions nobody else touched merge. The check and the
     * write happen under the row's lock, so two writers from the same version cannot both pass the check.
     */
    async saveAnswers(
      actor: Actor,
      id: string,
      answers: Answers,
      versions?: Record<string, number>,
    ): Promise<AssessmentDetail> {
      await db.transaction(async (tx) => {
        const row = await lockEditable(tx, actor, id);
        const { definition } = await frameworks.versionById(row.frameworkVersionId, tx);
        const issues = answerIssues(definition, answers);
        // evidence comes only through the upload, so an answer can never point at someone else's file; saving the
        // value it already has (confirming a carried-over file) points at nothing new
        const fileCodes = new Set(
          allQuestions(definition)
            .filter(({ question: q }) => q.type === 'file')
            .map(({ question: q }) => q.code),
        );
        for (const [code, v] of Object.entries(answers))
          if (fileCodes.has(code) && v !== null && v !== row.answers[code])
            issues.push({ question: code, reason: 'UPLOAD_THROUGH_EVIDENCE' });
        const fieldIssues: ReasonIssue[] = issues.map((i) => ({
          field: `body.answers.${i.question}`,
          reason: i.reason,
          params: i.params,
        }));
        // given versions, each written question names its own: a missing one would be a blind overwrite
        if (versions)
          for (const code of Object.keys(answers))
            if (versions[code] === undefined) fieldIssues.push({ field: `body.versions.${code}`, reason: 'REQUIRED' });
        if (fieldIssues.length) throw invalid(fieldIssues);
        // all or nothing: a refused question refuses the whole write, so the respondent reloads and saves again
        if (versions) await refuseStale(tx, row, answers, versions);
        const set = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null));
        const cleared = Object.keys(answers).filter((k) => answers[k] === null);
        const after = await repo.mergeAnswers(tx, id, set, cleared, actor.id, EDITABLE);
        if (!after) throw immutable('CHANGED_MEANWHILE');
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'dxAssessment',
          entityId: id,
          after: { answers },
        });
      });
      return get(actor, id);
    },

    /** Required questions (as shown by skip logic) must be answered: 400 naming `answers.<code>`. */
    async submit(actor: Actor, id: string): Promise<AssessmentDetail> {
      await db.transaction(async (tx) => {
        const before = await lockEditable(tx, actor, id);
        const { snapshot, patch } = await scoredPatch(tx, before, before.frameworkVersionId, before.answers);
        if (snapshot.requiredMissing.length) {
          throw invalid(snapshot.requiredMissing.map((code) => ({ field: `answers.${code}`, reason: 'REQUIRED' })));
        }
        const after = await repo.update(tx, id, {
          ...patch,
          status: 'submitted',
          submittedAt: clock.now(),
          submittedBy: authorId(actor),
          reviewedAt: null,
          reviewedBy: null,
        });
        await rollup.apply(tx, factsOf(before), factsOf(after));
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'dxAssessment',
          entityId: id,
          before: { status: before.status },
          after: { status: 'submitted', snapshot },
        });
      });
      return get(actor, id);
    },

    async verify(actor: Actor, id: string, comment?: string): Promise<AssessmentDetail> {
      dxAssessmentsPolicy.assertCanReview(actor);
      await db.transaction(async (tx) => {
        const before = await repo.getRow(tx, id, true);
        if (!before) throw notFound('assessment', id);
        if (before.status !== 'submitted') throw invalidTransition(before.status, 'verified');
        const after = await repo.update(tx, id, {
          status: 'verified',
          reviewedAt: clock.now(),
          reviewedBy: authorId(actor),
          reviewComment: comment ?? null,
        });
        // both count: the call is a no-op on totals, kept so the rollup never depends on which statuses count here
        await rollup.apply(tx, factsOf(before), factsOf(after));
        await reviewed(tx, after, 'verify', comment ?? null);
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'dxAssessment',
          entityId: id,
          before: { status: before.status },
          after: { status: 'verified', comment },
        });
      });
      await issueReport(actor, id);
      return get(actor, id);
    },

    /**
     * The report as Word: for a verified assessment the one issued at its verification (with its code), otherwise
     * rendered now.
     */
    async reportDocx(actor: Actor, id: string) {
      const report = await service.report(actor, id);
      const issued = report.assessment.status === 'verified' ? await repo.latestReport(db, id) : null;
      return { report, body: issued ? Buffer.from(issued.data) : await assessmentReportDocx(report) };
    },

    /** What /verify shows for a DX report's code: the enterprise, year and date, never a score (null: none). */
    async verifyReport(code: string): Promise<VerifiedDocument | null> {
      const found = await repo.reportByCode(db, code);
      if (!found) return null;
      const { row, replacedBy } = found;
      return {
        kind: 'dxReport',
        code: formatVerificationCode(code),
        number: null,
        year: row.year,
        issuedDate: row.issuedDate,
        issuer: null,
        issuerSuperior: null,
        signerName: null,
        signerTitle: null,
        fileSha256: row.sha256,
        replacedBy: replacedBy && { number: null, year: replacedBy.year, issuedDate: replacedBy.issuedDate },
        enterpriseName: row.enterpriseName,
      };
    },

    /** Back to the enterprise with a comment; it leaves the rollup until resubmitted. */
    async returnToEnterprise(actor: Actor, id: string, comment: string): Promise<AssessmentDetail> {
      dxAssessmentsPolicy.assertCanReview(actor);
      await db.transaction(async (tx) => {
        const before = await repo.getRow(tx, id, true);
        if (!before) throw notFound('assessment', id);
        if (!SCORED.includes(before.status)) throw invalidTransition(before.status, 'returned');
        const after = await repo.update(tx, id, {
          status: 'returned',
          reviewedAt: clock.now(),
          reviewedBy: authorId(actor),
          reviewComment: comment,
        });
        await rollup.apply(tx, factsOf(before), factsOf(after));
        await reviewed(tx, after, 'return', comment);
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'dxAssessment',
          entityId: id,
          before: { status: before.status },
          after: { status: 'returned', comment },
        });
      });
      return get(actor, id);
    },

    /**
     * Moves an assessment onto a newer published version of its framework, explicitly. Answers the new
     * version no longer has (or no longer accepts) are dropped; a scored assessment is scored again, or goes
     * back to draft when the new version asks required questions still unanswered.
     */
    async rescore(
      actor: Actor,
      id: string,
      toVersion: number,
    ): Promise<AssessmentDetail & { droppedAnswers: string[] }> {
      const dropped: string[] = [];
      await db.transaction(async (tx) => {
        const before = await repo.getRow(tx, id, true);
        if (!before) throw notFound('assessment', id);
        dxAssessmentsPolicy.assertCanAnswer(actor, before.enterpriseId, await enterprises.ownEnterpriseId(actor, tx));
        const current = await frameworks.versionById(before.frameworkVersionId, tx);
        const target = await frameworks.version(actor, current.frameworkCode, toVersion, tx).catch(() => null);
        if (!target || target.status !== 'published' || target.version <= current.version) {
          throw invalid([
            {
              field: 'body.version',
              reason: 'NEWER_PUBLISHED_VERSION',
              params: { framework: current.frameworkCode, version: current.version },
            },
          ]);
        }
        if (await repo.findOne(tx, before.enterpriseId, target.id, before.year))
          throw conflict('ASSESSMENT_EXISTS', { field: 'body.version' });
        const bad = new Set(answerIssues(target.definition, before.answers).map((i) => i.question));
        const answers = Object.fromEntries(Object.entries(before.answers).filter(([k]) => !bad.has(k)));
        dropped.push(...bad);
        let patch: Partial<AssessmentRow> = {
          frameworkVersionId: target.id,
          answers,
          carriedOver: before.carriedOver.filter((c) => !bad.has(c)),
          answeredBy: Object.fromEntries(Object.entries(before.answeredBy).filter(([k]) => !bad.has(k))),
        };
        if (SCORED.includes(before.status)) {
          const scored = await scoredPatch(tx, before, target.id, answers);
          patch = scored.snapshot.requiredMissing.length
            ? { ...patch, status: 'draft', snapshot: null, totalScore: null, overallLevel: null, pillarScores: null }
            : { ...patch, ...scored.patch };
        }
        const after = await repo.update(tx, id, patch);
        await rollup.apply(tx, factsOf(before), factsOf(after));
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'dxAssessment',
          entityId: id,
          before: {
            version: current.version,
            status: before.status,
            snapshot: unpackSnapshot(current.definition, before.snapshot),
          },
          after: {
            version: target.version,
            status: after.status,
            snapshot: unpackSnapshot(target.definition, after.snapshot),
            dropped,
          },
        });
      });
      return { ...(await get(actor, id)), droppedAnswers: dropped };
    },

    /** Stores an evidence file (PDF, image, Word, Excel) as the answer to a `file` question. */
    async uploadEvidence(
      actor: Actor,
      id: string,
      questionCode: string,
      upload: { bytes: Uint8Array; fileName: string },
    ): Promise<AssessmentDetail> {
      await db.transaction(async (tx) => {
        const row = await lockEditable(tx, actor, id);
        const { definition } = await frameworks.versionById(row.frameworkVersionId, tx);
        const q = allQuestions(definition).find(({ question }) => question.code === questionCode)?.question;
        if (!q || q.type !== 'file') throw invalid([{ field: 'params.questionCode', reason: 'NOT_FILE_QUESTION' }]);
        const blob = await files.store(tx, upload);
        const value = evidenceValue(blob.sha256, upload.fileName);
        await repo.mergeAnswers(tx, id, { [questionCode]: value }, [], actor.id, EDITABLE);
        await audit.record(tx, actor, {
          action: 'upload',
          entityType: 'dxAssessment',
          entityId: id,
          after: { question: questionCode, sha256: blob.sha256, fileName: upload.fileName, size: blob.size },
        });
      });
      return get(actor, id);
    },

    /** The evidence file of a `file` answer, for whoever may read the assessment. */
    async evidence(actor: Actor, id: string, questionCode: string) {
      const row = await readable(actor, id);
      const ref = parseEvidence(row.answers[questionCode]);
      if (!ref) throw notFound('evidence', questionCode);
      const blob = await files.readBlob(ref.sha256);
      if (!blob) throw notFound('file', ref.sha256);
      return { fileName: ref.fileName, mimeType: blob.mimeType, data: Buffer.from(blob.data) };
    },

    /**
     * For the bulk import, inside the importer's transaction: validates one row's answers (issues returned, not
     * thrown, so the importer reports them per row), then creates or replaces the assessment of (enterprise,
     * version, year) as submitted with its snapshot, moving the rollup in the same transaction. Idempotent: the
     * same row imported twice leaves one assessment counted once. Web-started assessments are never replaced.
     */
    async recordImported(
      tx: DbOrTx,
      actor: Actor,
      input: { enterpriseId: string; frameworkVersionId: string; year: number; answers: Answers },
    ) {
      const { definition } = await frameworks.versionById(input.frameworkVersionId, tx);
      const e = await enterprises.getRow(input.enterpriseId, tx);
      // a framework not meant for this firm: the row is refused (an import carries no override reason)
      const notFor = applicabilityIssue(definition, e, 'framework');
      if (notFor) return { id: null, issues: [notFor] };
      const issues: ReasonIssue[] = answerIssues(definition, input.answers).map((i) => ({
        field: `answers.${i.question}`,
        reason: i.reason,
        params: i.params,
      }));
      const snapshot = scoreAssessment(definition, input.answers);
      issues.push(
        ...snapshot.requiredMissing.map((code) => ({ field: `answers.${code}`, reason: 'REQUIRED' as const })),
      );
      if (issues.length) return { id: null, issues };
      const before = await repo.findOne(tx, input.enterpriseId, input.frameworkVersionId, input.year, true);
      if (before && before.source !== 'import')
        return {
          id: null,
          issues: [{ field: 'year', reason: 'ASSESSMENT_EXISTS' }],
        };
      const values = {
        answers: input.answers,
        answeredBy: {},
        status: 'submitted' as const,
        source: 'import' as const,
        snapshot: packSnapshot(definition, snapshot),
        totalScore: snapshot.total,
        overallLevel: snapshot.overallLevel,
        pillarScores: snapshot.pillars.map((p) => p.score),
        communeId: e.currentCommuneId,
        sectorCode: e.sectorCode,
        sizeClass: e.sizeClass,
        submittedAt: clock.now(),
        submittedBy: authorId(actor),
      };
      const after = before
        ? await repo.update(tx, before.id, values)
        : (await repo.insert(tx, {
            enterpriseId: input.enterpriseId,
            frameworkVersionId: input.frameworkVersionId,
            year: input.year,
            ...values,
          }))!;
      await rollup.apply(tx, before ? factsOf(before) : null, factsOf(after));
      await audit.record(tx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'dxAssessment',
        entityId: after.id,
        after: { source: 'import', status: after.status, snapshot },
      });
      return { id: after.id, issues: [] };
    },

    /**
     * Subqueries for other modules to join in their own statement (built, never run). `impactPairs(baselineYear)`:
     * for the support programs' impact comparison, one row per firm with a start (latest scored assessment in or
     * before the year) and an end (latest scored after it on the same version): enterpriseId, sectorCode, sizeClass,
     * startLevel (the start's) and change (of total, numeric). No permission check: the caller publishes only
     * aggregates under the analytics' small-cell rule.
     */
    views: {
      impactPairs: (baselineYear: number) => repo.impactPairs(db, baselineYear),
    },

    /** The enterprise report: levels, pillars, peers, what would raise the level, recommendations. */
    async report(actor: Actor, id: string): Promise<AssessmentReport> {
      const row = await readable(actor, id);
      const [version, e] = await Promise.all([
        frameworks.versionById(row.frameworkVersionId),
        enterprises.getRow(row.enterpriseId),
      ]);
      const { definition } = version;
      const provisional = !SCORED.includes(row.status) || !row.snapshot;
      const snapshot = provisional
        ? scoreAssessment(definition, row.answers)
        : unpackSnapshot(definition, row.snapshot)!;
      const sectorCode = row.sectorCode ?? e.sectorCode;
      const sizeClass = row.sizeClass ?? e.sizeClass;
      const peers = await peersOf(row, provisional, snapshot, sectorCode, sizeClass);
      const history = await historyOf(row.enterpriseId);
      const now: WavePoint = {
        assessmentId: row.id,
        year: row.year,
        framework: { code: version.frameworkCode, version: version.version },
        total: snapshot.total,
        level: snapshot.overallLevel,
        pillars: snapshot.pillars.map((p) => ({ code: p.code, score: p.score, level: p.level })),
      };
      const levelName = (level: number) =>
        definition.levelNames.find((l) => l.level === level)?.name ?? { vi: String(level), en: String(level) };
      return {
        assessment: toItem(
          row,
          { id: e.id, taxCode: e.taxCode, name: e.name },
          { code: version.frameworkCode, version: version.version },
        ),
        provisional,
        snapshot,
        frameworkName: definition.name,
        levelNames: definition.levelNames.map((l) => ({ level: l.level, name: l.name })),
        pillars: snapshot.pillars.map((p) => {
          const node = definition.pillars.find((x) => x.code === p.code)!;
          return {
            ...p,
            name: node.name,
            levelName: levelName(p.level),
            recommendation: recommendationFor(node.recommendations, p.level),
          };
        }),
        peers,
        change: wavesChange(now, history),
        improvements: topImprovements(definition, row.answers, 5),
        support: reportSupportFor(sizeClass as SizeClass, version.frameworkCode, snapshot.nodes),
      };
    },

    /**
     * For the bulk import, inside its batch transaction: writes scored assessments (never over one entered on
     * the web: those come back `refused`) and returns what the replaced ones contributed to the rollup (null: nothing).
     */
    writeImported: async <W extends AssessmentImportRow>(tx: DbOrTx, rows: W[]) => {
      const { replaced, refused } = await bulk.writeImported(tx, rows);
      return { replaced: replaced.map(factsOf), refused };
    },
    /**
     * The analytics' change measure (dx-analytics' port): the scored assessments of a version and year whose firm has
     * an earlier scored assessment on a comparable framework (shared/dx/waves.ts `comparable`), with the change since.
     */
    async changeFacts(frameworkVersionId: string, year: number) {
      const versions = await frameworks.listedVersions();
      const current = versions.find((v) => v.id === frameworkVersionId);
      if (!current) return [];
      const family = versions
        .filter((v) =>
          comparable(
            { framework: { code: current.frameworkCode, generation: current.generation } },
            { framework: { code: v.frameworkCode, generation: v.generation } },
          ),
        )
        .map((v) => v.id);
      return repo.changeFacts(db, frameworkVersionId, year, family);
    },
    /** Fresh planner statistics after the table has grown a lot (a large import). */
    refreshStatistics: (tx: DbOrTx) => bulk.analyze(tx),
  };
  return service;
}
export type DxAssessmentsService = ReturnType<typeof createDxAssessmentsService>;
/** The row the DX import hands to `importBatch`. */
export type { AssessmentImportRow };
/** The import's serialisation of a scored assessment for COPY (built while a batch is prepared). */
export { importRowText } from './dx-assessments-bulk.repo.js';
