import type { NotifyPort } from '../../../shared/notifications.js';
import { randomUUID } from 'node:crypto';
import type { CorrectionInput, IssueInput } from '../../../shared/contracts/conclusions.js';
import type { InspectionStatus } from '../../../shared/domain.js';
import type { MintCode } from '../verification/verification.service.js';
import { issueConflict, startConflict, type ScheduleConflict } from '../../../shared/inspection-schedule.js';
import { formatDateVi } from '../documents/format.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, invalidTransition, notFound, unavailable } from '../../http/errors.js';
import { hanoiDate, type Clock } from '../../lib/clock.js';
import { canonicalJson, sha256Hex } from '../../lib/hash.js';
import type { AuditService } from '../audit/audit.service.js';
import { renderConclusionDocx } from '../documents/conclusion-docx.js';
import { PdfConverterMissingError, type ConvertDocxToPdf } from '../documents/pdf-convert.js';
import { inspectPdfSignature, signPdf, type SigningIdentity } from '../documents/pdf-signature.js';
import { conclusionDocInput, conclusionFileName, type ConclusionContent } from './conclusion-content.js';
import { createVerification } from './verification.js';
import { inspectionsPolicy as policy, type InspectionFacts } from './inspections.policy.js';
import type { ConclusionRow, FindingRow, InspectionsRepo } from './inspections.repo.js';
import { CONCLUSION_SCOPE, formatConclusionNumber, numberingYear } from './numbering.js';
import { pinDocxTimestamps } from './stable-docx.js';

type Assignment = {
  findingId: string;
  kind: 'remedy' | 'recommendation';
  text: string;
  addresseeOrgUnitId: string;
  dueDate: string;
};

/** What the follow-ups feature offers the issue and correction transactions. */
export interface FollowUpsPort {
  createForConclusion(
    tx: DbOrTx,
    actor: Actor,
    input: { inspectionId: string; conclusionId: string; items: Assignment[] },
  ): Promise<unknown>;
  relinkForCorrection(
    tx: DbOrTx,
    actor: Actor,
    input: {
      inspectionId: string;
      conclusionId: string;
      items: (Assignment & { supersedesFindingId: string | null })[];
    },
  ): Promise<unknown>;
  /** Follow-ups not yet accepted (withdrawn ones excluded): closing waits for zero. */
  countUnfinished(inspectionId: string, tx: DbOrTx): Promise<number>;
}

type Header = NonNullable<Awaited<ReturnType<InspectionsRepo['getHeader']>>>;

export interface ConclusionsDeps {
  db: Db;
  repo: InspectionsRepo;
  audit: AuditService;
  clock: Clock;
  followUps: FollowUpsPort;
  /** tells the inspected unit its conclusion is issued, in the issuing transaction (the notifications module's port) */
  notify?: Pick<NotifyPort<DbOrTx>, 'conclusionIssued'>;
  load: (db: DbOrTx, actor: Actor, id: string) => Promise<{ header: Header; facts: InspectionFacts }>;
  /** PUBLIC_ORIGIN: the address printed in issued documents' verification footer (else the request's origin) */
  publicOrigin?: string;
  /**
   * The PDF of issued versions: `convert` (LibreOffice; null when the server has none: 503 PDF_CONVERTER_MISSING)
   * and `signing` (SIGNING_P12: every PDF made is signed with it).
   */
  pdf?: { convert: ConvertDocxToPdf | null; signing?: SigningIdentity };
  /** mints a verification code in the registry (module verification's port) */
  codes: MintCode;
}

const DRAFT_NUMBER = '…-KL/ĐKT';

/** Lifecycle moves, issue, correction and the conclusion document. */
export function createConclusions({
  db,
  repo,
  audit,
  clock,
  followUps,
  notify,
  load,
  publicOrigin,
  pdf = { convert: null },
  codes,
}: ConclusionsDeps) {
  const verifyUrl = (origin: string | undefined, code: string) =>
    `${publicOrigin ?? origin ?? 'http://localhost'}/verify/${code}`;

  /**
   * An issued version's document: rendered from its snapshot with its timestamps pinned, so the same version is the
   * same bytes every time. Versions issued before codes existed have no address in their snapshot: theirs is made
   * from PUBLIC_ORIGIN (or the request's origin) and the backfilled code.
   */
  async function issuedDocx(row: ConclusionRow, origin: string | undefined): Promise<Buffer> {
    const content = row.content as ConclusionContent;
    const verification = content.verification ?? {
      code: row.verificationCode,
      url: verifyUrl(origin, row.verificationCode),
    };
    const doc = await renderConclusionDocx({ ...conclusionDocInput(content, false), verification });
    return pinDocxTimestamps(doc, row.issuedAt);
  }

  type PdfRow = NonNullable<Awaited<ReturnType<InspectionsRepo['conclusionPdf']>>>;
  /** the conversions running in this process, by version: a second first request waits for the same one */
  const making = new Map<string, Promise<PdfRow>>();

  /**
   * An issued version's PDF: the stored one, else made now (the DOCX as issued → LibreOffice → signed when a
   * certificate is configured) and stored. Made on first request, not at issue: LibreOffice takes seconds, which
   * the issuing transaction (it locks the inspection) should not wait for, a missing converter must not block
   * issuing, and versions issued before PDFs existed get theirs the same way. Two first requests in one process share
   * one conversion; across instances the row's primary key keeps the first stored, and both answer with that one.
   */
  async function issuedPdf(actor: Actor, row: ConclusionRow, origin: string | undefined): Promise<PdfRow> {
    const stored = await repo.conclusionPdf(db, row.id);
    if (stored) return stored;
    const convert = pdf.convert;
    if (!convert) throw unavailable('PDF_CONVERTER_MISSING');
    let pending = making.get(row.id);
    if (!pending) {
      pending = (async () => {
        const docx = await issuedDocx(row, origin);
        let data: Buffer;
        try {
          data = await convert(docx);
        } catch (e) {
          if (e instanceof PdfConverterMissingError) throw unavailable('PDF_CONVERTER_MISSING');
          throw unavailable('PDF_CONVERSION_FAILED', { cause: (e as Error).message });
        }
        if (pdf.signing)
          data = await signPdf(data, pdf.signing, {
            reason: `Ban hành Kết luận số ${row.number}`,
            name: pdf.signing.certificate.commonName ?? row.signerName,
            location: '',
            signingTime: clock.now(),
          });
        const sha256 = sha256Hex(data);
        return db.transaction(async (tx) => {
          const kept = await repo.storeConclusionPdf(tx, {
            conclusionId: row.id,
            data,
            sha256,
            signed: Boolean(pdf.signing),
          });
          // the audit log tells when the issued PDF was made, and which (another instance's may have won)
          if (kept.sha256 === sha256)
            await audit.record(tx, actor, {
              action: 'create',
              entityType: 'conclusionPdf',
              entityId: row.id,
              after: { number: row.number, version: row.version, sha256, signed: kept.signed },
            });
          return kept;
        });
      })().finally(() => making.delete(row.id));
      making.set(row.id, pending);
    }
    return pending;
  }

  type FindingLike = {
    id: string;
    kind: ConclusionContent['findings'][number]['kind'];
    text: string;
    addresseeOrgUnitId: string | null;
    dueDate: string | null;
  };
  const assignments = (findings: FindingLike[]): Assignment[] =>
    findings
      .filter((f) => (f.kind === 'remedy' || f.kind === 'recommendation') && f.addresseeOrgUnitId && f.dueDate)
      .map((f) => ({
        findingId: f.id,
        kind: f.kind as Assignment['kind'],
        text: f.text,
        addresseeOrgUnitId: f.addresseeOrgUnitId!,
        dueDate: f.dueDate!,
      }));

  async function snapshot(
    tx: DbOrTx,
    header: Header,
    conclusionId: string | null,
    meta: Pick<
      ConclusionContent,
      | 'number'
      | 'version'
      | 'issuedDate'
      | 'signerName'
      | 'signerTitle'
      | 'summary'
      | 'recipients'
      | 'supersedes'
      | 'scheduleReason'
      | 'verification'
    >,
  ): Promise<ConclusionContent> {
    const id = header.inspection.id;
    // one after the other: `tx` may be a transaction, whose one connection runs one query at a time
    const areas = await repo.contentAreas(tx, header.plan.id);
    const assessments = await repo.assessments(tx, id);
    const findings = await repo.findings(tx, id, conclusionId);
    return {
      ...meta,
      programCode: header.programCode,
      plan: {
        code: header.plan.code,
        title: header.plan.title,
        year: header.plan.year,
        issueDate: header.plan.issueDate,
      },
      team: { number: header.team.number, name: header.team.name },
      target: header.target,
      windowStart: header.inspection.windowStart,
      windowEnd: header.inspection.windowEnd,
      startedOn: header.inspection.startedOn,
      workEndedOn: header.inspection.draftSharedAt ? hanoiDate(header.inspection.draftSharedAt) : null,
      startReason: header.inspection.startReason,
      contentAreas: areas.map((a) => {
        const s = assessments.find((x) => x.contentAreaId === a.id);
        return { id: a.id, position: a.position, title: a.title, rating: s?.rating ?? null, notes: s?.notes ?? null };
      }),
      findings: findings.map((f) => ({
        id: f.id,
        contentAreaId: f.contentAreaId,
        kind: f.kind,
        text: f.text,
        causeType: f.causeType,
        addresseeOrgUnitId: f.addresseeOrgUnitId,
        addresseeName: f.addresseeName,
        dueDate: f.dueDate,
      })),
    };
  }

  /** An action against the schedule needs a reason (400 naming `body.reason`, the date it contradicts in params). */
  function requireReason(conflict: ScheduleConflict | null, reason: string | undefined) {
    if (conflict && !reason)
      throw invalid([{ field: 'body.reason', reason: conflict.reason, params: { date: formatDateVi(conflict.date) } }]);
    return conflict ? reason! : null;
  }

  function checkIssuedDate(issuedDate: string, notBefore?: string) {
    if (issuedDate > clock.today()) throw invalid([{ field: 'body.issuedDate', reason: 'DATE_IN_FUTURE' }]);
    if (notBefore && issuedDate < notBefore)
      throw invalid([{ field: 'body.issuedDate', reason: 'DATE_BEFORE_CORRECTED', params: { date: notBefore } }]);
  }

  /** Takes the next number and writes the conclusion with its snapshot and hash. */
  async function writeConclusion(
    tx: DbOrTx,
    actor: Actor,
    header: Header,
    conclusionId: string,
    input: IssueInput,
    version: {
      version: number;
      supersedes: { id: string; number: string; issuedDate: string; reason: string } | null;
      scheduleReason: string | null;
    },
    origin: string | undefined,
  ) {
    const year = numberingYear(input.issuedDate);
    const sequence = await repo.nextSequence(tx, CONCLUSION_SCOPE, year);
    const number = formatConclusionNumber(sequence);
    const { supersedes } = version;
    // registered with the other kinds' codes (unique across them), 60 random bits: unguessable
    const verificationCode = await codes.mint(tx, 'conclusion');
    const content = await snapshot(tx, header, conclusionId, {
      verification: { code: verificationCode, url: verifyUrl(origin, verificationCode) },
      number,
      version: version.version,
      issuedDate: input.issuedDate,
      signerName: input.signerName,
      signerTitle: input.signerTitle,
      summary: input.summary ?? null,
      recipients: input.recipients,
      scheduleReason: version.scheduleReason,
      supersedes: supersedes
        ? { number: supersedes.number, issuedDate: supersedes.issuedDate, reason: supersedes.reason }
        : null,
    });
    const row = await repo.insertConclusion(tx, {
      id: conclusionId,
      inspectionId: header.inspection.id,
      version: version.version,
      number,
      sequence,
      year,
      issuedDate: input.issuedDate,
      signerName: input.signerName,
      signerTitle: input.signerTitle,
      summary: input.summary ?? null,
      recipients: input.recipients,
      content,
      contentSha256: sha256Hex(canonicalJson(content)),
      verificationCode,
      supersedesId: supersedes?.id ?? null,
      correctionReason: supersedes?.reason ?? null,
      scheduleReason: version.scheduleReason,
      issuedBy: actor.id,
      // set here rather than by the database: the document's pinned timestamps need it before the row exists
      issuedAt: clock.now(),
    });
    // the hash of the file as issued, which /verify reports (the same bytes as every later download)
    const fileSha256 = sha256Hex(await issuedDocx(row, origin));
    await repo.setConclusionFileSha256(tx, row.id, fileSha256);
    await audit.record(tx, actor, { action: 'issue', entityType: 'conclusion', entityId: row.id, after: row });
    return row;
  }

  const { verify } = createVerification({
    db,
    repo,
    fileSha256: async (row, origin) => row.fileSha256 ?? sha256Hex(await issuedDocx(row, origin)),
    pdf: async (row) => {
      const stored = await repo.conclusionPdf(db, row.id);
      if (!stored) return null;
      const facts = stored.signed ? inspectPdfSignature(Buffer.from(stored.data)) : null;
      return {
        sha256: stored.sha256,
        signed: stored.signed,
        // checked on every request against the stored bytes: a changed byte shows as invalid
        signature: stored.signed
          ? {
              signerName: facts?.signer.commonName ?? null,
              signerOrganization: facts?.signer.organization ?? null,
              certificateValidFrom: facts?.signer.validFrom ?? null,
              certificateValidTo: facts?.signer.validTo ?? null,
              signedAt: facts?.signedAt ?? null,
              subFilter: facts?.subFilter ?? null,
              valid: facts?.valid ?? false,
            }
          : null,
      };
    },
  });

  return {
    /** The public check of an issued version by its verification code (no actor: facts only). */
    verify,
    /** `reason`: why a start comes before the scheduled start (required then, ignored otherwise). */
    async transition(actor: Actor, id: string, to: InspectionStatus, reason?: string) {
      const { header, facts } = await load(db, actor, id);
      policy.assertCanTransition(actor, facts, to);
      // the first start (notified → in progress) is the inspection's actual start
      const starts = to === 'in_progress' && facts.status === 'notified';
      const today = clock.today();
      const startReason = starts ? requireReason(startConflict(today, header.inspection.windowStart), reason) : null;
      await db.transaction(async (tx) => {
        if (to === 'closed') {
          const open = await followUps.countUnfinished(id, tx);
          if (open > 0) throw conflict('FOLLOW_UPS_OPEN', { unfinishedFollowUps: open });
        }
        const extra =
          to === 'drafting' ? { draftSharedAt: clock.now() } : starts ? { startedOn: today, startReason } : {};
        const row = await repo.setStatus(tx, id, facts.status, to, extra);
        if (!row) throw invalidTransition(facts.status, to);
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'inspection',
          entityId: id,
          before: { status: facts.status },
          after: { status: to, ...extra },
        });
      });
    },

    /** `origin`: the request's, printed in the verification footer when PUBLIC_ORIGIN is not set. */
    async issue(actor: Actor, id: string, input: IssueInput, origin?: string) {
      const { header, facts } = await load(db, actor, id);
      policy.assertCanIssue(actor, facts);
      if (facts.status !== 'drafting') throw invalidTransition(facts.status, 'issued');
      checkIssuedDate(input.issuedDate);
      const scheduleReason = requireReason(
        issueConflict(input.issuedDate, {
          startedOn: header.inspection.startedOn,
          windowEnd: header.inspection.windowEnd,
        }),
        input.reason,
      );
      return db.transaction(async (tx) => {
        // the conditional update locks the inspection: a second issue of it waits, then finds it issued
        if (!(await repo.setStatus(tx, id, 'drafting', 'issued'))) throw invalidTransition(facts.status, 'issued');
        const conclusionId = randomUUID();
        const frozen = await repo.freezeDraftFindings(tx, id, conclusionId);
        const row = await writeConclusion(
          tx,
          actor,
          header,
          conclusionId,
          input,
          {
            version: 1,
            supersedes: null,
            scheduleReason,
          },
          origin,
        );
        await followUps.createForConclusion(tx, actor, { inspectionId: id, conclusionId, items: assignments(frozen) });
        await notify?.conclusionIssued(tx, {
          conclusionId,
          inspectionId: id,
          number: row.number,
          targetOrgUnitId: header.target.id,
          unitName: header.target.name,
          recipients: input.recipients,
        });
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'inspection',
          entityId: id,
          before: { status: 'drafting' },
          after: { status: 'issued' },
        });
        return { id: row.id, number: row.number, version: row.version, contentSha256: row.contentSha256 };
      });
    },

    async correct(actor: Actor, id: string, input: CorrectionInput, origin?: string) {
      const { header, facts } = await load(db, actor, id);
      policy.assertCanCorrect(actor, facts);
      if (facts.status !== 'issued' && facts.status !== 'follow_up')
        throw conflict('ONLY_ISSUED_CORRECTED', { status: facts.status });
      const [latest] = await repo.conclusions(db, id);
      checkIssuedDate(input.issuedDate, latest.issuedDate);
      await checkCorrectionFindings(header.plan.id, latest.id, input);
      return db.transaction(async (tx) => {
        // locks the inspection row so that two corrections cannot both become version N + 1
        if (!(await repo.setStatus(tx, id, facts.status, facts.status)))
          throw conflict('CHANGED_MEANWHILE', { status: facts.status });
        const conclusionId = randomUUID();
        const rows: FindingRow[] = [];
        for (const [i, f] of input.findings.entries()) {
          rows.push(
            await repo.insertFinding(tx, {
              inspectionId: id,
              contentAreaId: f.contentAreaId,
              kind: f.kind,
              text: f.text,
              causeType: f.causeType ?? null,
              addresseeOrgUnitId: f.addresseeOrgUnitId ?? null,
              dueDate: f.dueDate ?? null,
              position: i + 1,
              conclusionId,
              supersedesFindingId: f.supersedesFindingId ?? null,
            }),
          );
        }
        const row = await writeConclusion(
          tx,
          actor,
          header,
          conclusionId,
          input,
          {
            version: latest.version + 1,
            supersedes: { id: latest.id, number: latest.number, issuedDate: latest.issuedDate, reason: input.reason },
            // a correction is dated after the version it corrects: the first issue's reason still tells its story
            scheduleReason: latest.scheduleReason,
          },
          origin,
        );
        await followUps.relinkForCorrection(tx, actor, {
          inspectionId: id,
          conclusionId,
          items: assignments(rows).map((a) => ({
            ...a,
            supersedesFindingId: rows.find((r) => r.id === a.findingId)!.supersedesFindingId,
          })),
        });
        return { id: row.id, number: row.number, version: row.version, contentSha256: row.contentSha256 };
      });
    },

    /** Whether issued versions can be had as PDF (a converter is installed) and whether those made are signed. */
    pdfSupport: () => ({ available: pdf.convert !== null, signed: Boolean(pdf.signing) }),

    /** The issued version's PDF (the latest or `version`), made on first request and stored: same bytes after. */
    async conclusionPdf(actor: Actor, id: string, version?: number, origin?: string) {
      const { facts } = await load(db, actor, id);
      policy.assertCanView(actor, facts);
      const versions = await repo.conclusions(db, id);
      if (!versions.length) throw conflict('PDF_ONLY_ISSUED', { status: facts.status });
      const row = version ? versions.find((v) => v.version === version) : versions[0];
      if (!row) throw notFound('conclusion version', String(version));
      const stored = await issuedPdf(actor, row, origin);
      return {
        data: Buffer.from(stored.data),
        sha256: stored.sha256,
        fileName: conclusionFileName(row.number, row.year).replace(/\.docx$/i, '.pdf'),
      };
    },

    /** The issued version's document from its snapshot (same bytes every time), or the current draft marked DỰ THẢO. */
    async conclusionDocx(actor: Actor, id: string, version?: number, origin?: string) {
      const { header, facts } = await load(db, actor, id);
      policy.assertCanView(actor, facts);
      const versions = await repo.conclusions(db, id);
      if (versions.length) {
        const row = version ? versions.find((v) => v.version === version) : versions[0];
        if (!row) throw notFound('conclusion version', String(version));
        return { data: await issuedDocx(row, origin), fileName: conclusionFileName(row.number, row.year) };
      }
      if (version) throw notFound('conclusion version', String(version));
      if (facts.status !== 'drafting') throw conflict('NO_DRAFT_CONCLUSION', { status: facts.status });
      const head = (await repo.teamMembers(db, header.team.id)).find((m) => m.role === 'head');
      const content = await snapshot(db, header, null, {
        number: DRAFT_NUMBER,
        version: 0,
        issuedDate: clock.today(),
        signerName: head?.fullName ?? '',
        signerTitle: 'Trưởng đoàn',
        summary: null,
        recipients: [header.target.name, `Ban Chỉ đạo Chương trình ${header.programCode}`],
        supersedes: null,
        scheduleReason: null,
        verification: null,
      });
      return {
        data: await renderConclusionDocx(conclusionDocInput(content, true)),
        fileName: conclusionFileName('du-thao'),
      };
    },
  };

  async function checkCorrectionFindings(planId: string, latestId: string, input: CorrectionInput) {
    const [areas, previous, units] = await Promise.all([
      repo.contentAreas(db, planId),
      repo.findingIdsOfConclusion(db, latestId),
      repo.existingOrgUnitIds(
        db,
        input.findings.flatMap((f) => f.addresseeOrgUnitId ?? []),
      ),
    ]);
    const areaIds = new Set(areas.map((a) => a.id));
    const prevIds = new Set(previous);
    const seen = new Set<string>();
    const issues: ReasonIssue[] = [];
    input.findings.forEach((f, i) => {
      const at = `body.findings.${i}`;
      if (!areaIds.has(f.contentAreaId)) issues.push({ field: `${at}.contentAreaId`, reason: 'NOT_IN_PLAN' });
      if (f.addresseeOrgUnitId && !units.has(f.addresseeOrgUnitId))
        issues.push({ field: `${at}.addresseeOrgUnitId`, reason: 'NO_SUCH_ORG_UNIT' });
      if (f.supersedesFindingId) {
        if (!prevIds.has(f.supersedesFindingId))
          issues.push({ field: `${at}.supersedesFindingId`, reason: 'NOT_CORRECTED_FINDING' });
        else if (seen.has(f.supersedesFindingId))
          issues.push({ field: `${at}.supersedesFindingId`, reason: 'REPLACED_TWICE' });
        seen.add(f.supersedesFindingId);
      }
    });
    if (issues.length) throw invalid(issues);
  }
}
