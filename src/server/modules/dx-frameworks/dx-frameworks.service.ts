import { createHash } from 'node:crypto';
import type { FrameworkSummary } from '../../../shared/contracts/dx-frameworks.js';
import { answerIssues, type Answers } from '../../../shared/dx/answers.js';
import { diffDefinitions } from '../../../shared/dx/diff.js';
import {
  definitionIssues,
  type FrameworkDefinition,
  frameworkDefinition,
} from '../../../shared/dx/framework-format.js';
import { scoreAssessment } from '../../../shared/dx/scoring.js';
import { generationOf } from '../../../shared/dx/applicability.js';
import type { FrameworkGeneration } from '../../../shared/dx/framework-format.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { untilNextWrite, type ChangeFeed } from '../../db/change-feed.js';
import type { Actor } from '../../http/context.js';
import { immutable, invalid, invalidTransition, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import { bundledFrameworkFiles, readBundledFramework } from './bundled.js';
import type { DxFrameworksRepo, FrameworkVersionRow } from './dx-frameworks.repo.js';
import { dxFrameworksPolicy } from './dx-frameworks.policy.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

/** JSON with keys sorted at every level: the same definition always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
/**
 * What a version classifies rather than scores: which firms it applies to and its generation. They are left out of
 * the SHA-256, so the hash proves the scoring content frozen while the classification may be corrected (audited) —
 * and the hashes of versions stored before these fields existed still match.
 */
const METADATA_KEYS = ['appliesTo', 'generation'] as const;
const scoringContent = (def: unknown) =>
  def && typeof def === 'object' && !Array.isArray(def)
    ? Object.fromEntries(Object.entries(def).filter(([k]) => !(METADATA_KEYS as readonly string[]).includes(k)))
    : def;
const metadataOf = (def: unknown) =>
  canonicalJson(Object.fromEntries(METADATA_KEYS.map((k) => [k, (def as Record<string, unknown> | null)?.[k]])));
export const sha256 = (def: unknown) =>
  createHash('sha256')
    .update(canonicalJson(scoringContent(def)))
    .digest('hex');

/** A stored version with its definition parsed back into the format (stored definitions were validated on the way in). */
export interface LoadedVersion {
  id: string;
  frameworkCode: string;
  version: number;
  status: FrameworkVersionRow['status'];
  definition: FrameworkDefinition;
}

export function createDxFrameworksService({
  db,
  repo,
  audit,
  clock,
  changes,
}: {
  db: Db;
  repo: DxFrameworksRepo;
  audit: AuditService;
  clock: Clock;
  /** the committed writes: a version read outside a transaction is reused until the next one */
  changes?: ChangeFeed;
}) {
  // a report reads its version's definition (the largest row it reads), and its history's, several times a request
  const versionsUntilWrite = untilNextWrite<string, { code: string; row: FrameworkVersionRow } | null>(changes);
  const load = (code: string, row: FrameworkVersionRow): LoadedVersion => ({
    id: row.id,
    frameworkCode: code,
    version: row.version,
    status: row.status,
    definition: row.definition as FrameworkDefinition,
  });

  async function frameworkOr404(code: string, tx: DbOrTx = db) {
    const f = await repo.framework(tx, code);
    if (!f) throw notFound('framework', code);
    return f;
  }

  /** The version asked for, or the newest published; drafts only for those who may see them. */
  async function version(actor: Actor, code: string, v?: number, tx: DbOrTx = db): Promise<LoadedVersion> {
    const f = await frameworkOr404(code, tx);
    const row = v === undefined ? await repo.latestPublished(tx, f.id) : await repo.version(tx, f.id, v);
    if (!row) throw notFound('frameworkVersion', `${code}@${v ?? 'published'}`);
    if (row.status === 'draft') dxFrameworksPolicy.assertCanSeeDrafts(actor);
    return load(code, row);
  }

  /** A definition from outside (import) → the typed format, or 400 naming every bad JSON path. */
  function parseDefinition(raw: unknown, prefix = 'body'): FrameworkDefinition {
    const r = frameworkDefinition.safeParse(raw);
    if (!r.success) throw invalid(definitionIssues(r.error.issues, prefix).slice(0, 50));
    return r.data;
  }

  /** Answers must name questions of this version with values of the right type: 400 naming `body.answers.<code>`. */
  function checkAnswers(def: FrameworkDefinition, answers: Answers, prefix = 'body.answers') {
    const issues = answerIssues(def, answers);
    if (issues.length)
      throw invalid(issues.map((i) => ({ field: `${prefix}.${i.question}`, reason: i.reason, params: i.params })));
  }

  async function saveVersion(tx: DbOrTx, actor: Actor, def: FrameworkDefinition, status: 'draft' | 'published') {
    let f = await repo.framework(tx, def.code);
    if (!f) {
      f = await repo.insertFramework(tx, { code: def.code, nameVi: def.name.vi, nameEn: def.name.en });
      await audit.record(tx, actor, { action: 'create', entityType: 'dxFramework', entityId: f.id, after: f });
    }
    const sha = sha256(def);
    const existing = await repo.version(tx, f.id, def.version, true);
    if (existing && existing.status !== 'draft') {
      if (existing.definitionSha256 === sha) {
        if (metadataOf(existing.definition) === metadataOf(def)) return existing;
        // same scoring content, corrected classification (applicability, generation): recorded, never silent
        const row = await repo.updateVersion(tx, existing.id, { definition: def, generation: generationOf(def) });
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'dxFrameworkVersion',
          entityId: row.id,
          before: JSON.parse(metadataOf(existing.definition)) as unknown,
          after: JSON.parse(metadataOf(def)) as unknown,
        });
        return row;
      }
      throw immutable('VERSION_FIXED', {
        field: 'body.version',
        status: existing.status,
        params: { version: def.version, framework: def.code },
      });
    }
    const values = {
      definition: def,
      definitionSha256: sha,
      generation: generationOf(def),
      status,
      publishedAt: status === 'published' ? clock.now() : null,
    };
    const row = existing
      ? await repo.updateVersion(tx, existing.id, values)
      : await repo.insertVersion(tx, { frameworkId: f.id, version: def.version, ...values });
    await repo.updateFrameworkNames(tx, f.id, { nameVi: def.name.vi, nameEn: def.name.en });
    await audit.record(tx, actor, {
      action: existing ? 'update' : 'create',
      entityType: 'dxFrameworkVersion',
      entityId: row.id,
      before: existing ? { version: existing.version, sha: existing.definitionSha256 } : undefined,
      after: { code: def.code, version: def.version, status, sha },
    });
    return row;
  }

  // code, number and generation by version id: one catalogue read, kept until the next write (a published version's
  // generation can still be corrected, see saveVersion)
  type Label = { code: string; version: number; generation: FrameworkGeneration };
  const catalogueUntilWrite = untilNextWrite<'all', ReadonlyMap<string, Label>>(changes, 1);
  async function labels(_ids: string[], tx: DbOrTx): Promise<ReadonlyMap<string, Label>> {
    const read = async () =>
      new Map(
        (await repo.catalogue(tx)).map((v) => [
          v.id,
          { code: v.frameworkCode, version: v.version, generation: v.generation },
        ]),
      );
    return tx === db ? catalogueUntilWrite('all', read) : read();
  }

  return {
    /** How the audit log names frameworks and their versions. */
    auditSubjects: {
      dxFramework: (async (tx, ids) =>
        subjectsOf(await repo.subjectRows(tx, ids), (r) => ({
          name: `${r.code} · ${r.nameVi}`,
          nameEn: `${r.code} · ${r.nameEn}`,
          path: recordPath.dxFrameworks(),
        }))) satisfies DescribeSubjects,
      dxFrameworkVersion: (async (tx, ids) => {
        const known = await labels(ids, tx);
        return subjectsOf(
          ids.map((id) => ({ id })),
          (r) => {
            const l = known.get(r.id);
            return l ? { name: `${l.code} v${l.version}`, path: recordPath.dxFrameworks() } : null;
          },
        );
      }) satisfies DescribeSubjects,
    },
    version,
    checkAnswers,
    parseDefinition,

    /** Versions that are no longer drafts, with their framework's code and name (the analytics' filters). */
    listedVersions: async (tx: DbOrTx = db) => (await repo.catalogue(tx)).filter((v) => v.status !== 'draft'),
    /** Every published version with its definition, in one query (the bulk import scores against them). */
    publishedVersions: (tx: DbOrTx = db) => repo.published(tx),
    /** The ids of a framework's versions, for a filter by framework code. */
    versionIdsOf: async (code: string, tx: DbOrTx = db) => (await repo.catalogue(tx, { code })).map((v) => v.id),
    /** Framework code and version number by version id: at most one query, none once the ids are known. */
    async labels(ids: string[], tx: DbOrTx = db) {
      return labels(ids, tx);
    },
    /** A version's pillars (code, names, maximum), from its frozen definition; none for an unknown id. */
    async pillars(id: string, tx: DbOrTx = db) {
      const row = await repo.versionById(tx, id);
      if (!row) return [];
      return (row.definition as FrameworkDefinition).pillars.map((p) => ({
        code: p.code,
        nameVi: p.name.vi,
        nameEn: p.name.en,
        max: p.maxPoints ?? null,
      }));
    },
    versionById: async (id: string, tx: DbOrTx = db): Promise<LoadedVersion> => {
      const hit =
        tx === db
          ? await versionsUntilWrite(id, async () => (await repo.versionWithCode(db, id)) ?? null)
          : await repo.versionWithCode(tx, id);
      if (!hit) throw notFound('frameworkVersion', id);
      return load(hit.code, hit.row);
    },

    /**
     * The shipped frameworks as published versions, at every start. Idempotent on code + version + SHA-256;
     * a shipped file that changed without a new version number stops the start, since published data is frozen.
     */
    async ensureBundled() {
      for (const file of bundledFrameworkFiles) {
        const def = readBundledFramework(file);
        await db.transaction(async (tx) => {
          await saveVersion(tx, SYSTEM_ACTOR, def, 'published');
        });
      }
    },

    async list(actor: Actor): Promise<FrameworkSummary[]> {
      const [frameworks, versions] = await Promise.all([repo.listFrameworks(db), repo.listVersions(db)]);
      const drafts = dxFrameworksPolicy.canSeeDrafts(actor);
      return frameworks.map((f) => {
        const own = versions.filter((v) => v.frameworkId === f.id && (drafts || v.status !== 'draft'));
        const published = own.filter((v) => v.status === 'published').map((v) => v.version);
        return {
          code: f.code,
          name: { vi: f.nameVi, en: f.nameEn },
          publishedVersion: published.length ? Math.max(...published) : null,
          versions: own.map(({ frameworkId: _f, ...v }) => v),
        };
      });
    },

    /** What-if: the full snapshot for these answers, nothing saved. */
    async score(actor: Actor, code: string, answers: Answers, v?: number) {
      const loaded = await version(actor, code, v);
      checkAnswers(loaded.definition, answers);
      return scoreAssessment(loaded.definition, answers);
    },

    /** Admin import: validated; a new or replaced draft (a published version is frozen: 409). */
    async importDraft(actor: Actor, raw: unknown) {
      dxFrameworksPolicy.assertCanManage(actor);
      const def = parseDefinition(raw);
      const row = await db.transaction(async (tx) => saveVersion(tx, actor, def, 'draft'));
      return { code: def.code, version: row.version, status: row.status, definitionSha256: row.definitionSha256 };
    },

    async publish(actor: Actor, code: string, v: number) {
      dxFrameworksPolicy.assertCanManage(actor);
      return db.transaction(async (tx) => {
        const f = await frameworkOr404(code, tx);
        const row = await repo.version(tx, f.id, v, true);
        if (!row) throw notFound('frameworkVersion', `${code}@${v}`);
        if (row.status !== 'draft') throw invalidTransition(row.status, 'published');
        // re-check: the format may have grown stricter since the draft was imported
        parseDefinition(row.definition, 'definition');
        const after = await repo.updateVersion(tx, row.id, { status: 'published', publishedAt: clock.now() });
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'dxFrameworkVersion',
          entityId: row.id,
          before: { status: row.status },
          after: { status: 'published', sha: after.definitionSha256 },
        });
        return { code, version: v, status: after.status, definitionSha256: after.definitionSha256 };
      });
    },

    async diff(actor: Actor, code: string, from: number, to: number) {
      const [a, b] = await Promise.all([version(actor, code, from), version(actor, code, to)]);
      return { code, from, to, changes: diffDefinitions(a.definition, b.definition) };
    },
  };
}
export type DxFrameworksService = ReturnType<typeof createDxFrameworksService>;
