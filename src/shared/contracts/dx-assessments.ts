import { z } from 'zod';
import { reportSupport } from './support-programs.js';
import { idParams, pageQuery, searchQuery, timestamp, year } from '../fields.js';
import { answersMap, scoreSnapshot } from './dx-frameworks.js';
import { peerBands } from '../dx/peers.js';
import { because } from '../error-reasons.js';

export const assessmentStatuses = ['draft', 'submitted', 'verified', 'returned'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

const frameworkCode = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, because('FRAMEWORK_CODE'));
const taxCode = z
  .string()
  .max(20)
  .regex(/^\d{10}(-\d{3})?$/, because('TAX_CODE_FORMAT'));

/** An enterprise account starts one for itself; the secretariat names the enterprise by tax code. */
export const assessmentStartInput = z.strictObject({
  frameworkCode: frameworkCode.default('DBI-SME'),
  year,
  taxCode: taxCode.optional(),
  /**
   * Only for a framework that does not apply to the firm's size class or sector (otherwise 400
   * FRAMEWORK_NOT_APPLICABLE): the secretariat's reason for using it anyway, stored on the assessment and audited.
   */
  applicabilityOverride: z.string().trim().min(1, because('NOT_EMPTY')).max(1000).optional(),
});
export type AssessmentStartInput = z.infer<typeof assessmentStartInput>;

/**
 * Answers to merge: `{ code: value }`; `null` clears an answer. Other answers are untouched.
 * `versions`: the version of each written question this write is based on (`answerVersions[code]` as read, 0 for a
 * question never answered). Given, every written question needs one, and a question changed since is refused (409
 * STALE_VERSION, `details.questions`), so respondents on different questions merge while two on the same one do not
 * overwrite each other. Without `versions` the write merges blindly (older clients, scripts).
 */
export const answersPatchInput = z.strictObject({
  answers: answersMap,
  versions: z
    .record(z.string().max(40), z.number().int().min(0).max(1_000_000_000))
    .refine((m) => Object.keys(m).length <= 1000, because('TOO_MANY_ANSWERS'))
    .optional(),
});
export type AnswersPatchInput = z.infer<typeof answersPatchInput>;

/** One question of a refused answers write (409 STALE_VERSION `details.questions`): what it holds now. */
export const staleAnswer = z.object({
  code: z.string(),
  currentVersion: z.number().int(),
  /** its current answer; null when cleared or never answered */
  value: z.unknown(),
  /** user id of the respondent who last answered it; null when cleared */
  answeredBy: z.string().nullable(),
});
export type StaleAnswer = z.infer<typeof staleAnswer>;
export const reviewComment = z.string().trim().max(4000);
export const verifyInput = z.strictObject({ comment: reviewComment.optional() });
export const returnInput = z.strictObject({ comment: reviewComment.min(1, because('REASON_REQUIRED_TO_RETURN')) });
export const rescoreInput = z.strictObject({ version: z.number().int().min(1).max(10_000) });

export const assessmentListQuery = z.strictObject({
  /** the enterprise's name (diacritics ignored) or part of its tax code */
  q: searchQuery,
  taxCode: taxCode.optional(),
  status: z.enum(assessmentStatuses).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  frameworkCode: frameworkCode.optional(),
  ...pageQuery,
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuery>;

export const pillarProgress = z.object({
  code: z.string(),
  answered: z.number().int(),
  total: z.number().int(),
  requiredMissing: z.array(z.string()),
});

export const assessmentItem = z.object({
  id: z.uuid(),
  enterprise: z.object({ id: z.uuid(), taxCode: z.string(), name: z.string() }),
  framework: z.object({ code: z.string(), version: z.number().int() }),
  year: z.number().int(),
  status: z.enum(assessmentStatuses),
  source: z.enum(['web', 'import']),
  totalScore: z.number().nullable(),
  overallLevel: z.number().int().nullable(),
  submittedAt: timestamp.nullable(),
  reviewedAt: timestamp.nullable(),
  reviewComment: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type AssessmentItem = z.infer<typeof assessmentItem>;

export const assessmentDetail = assessmentItem.extend({
  answers: z.record(z.string(), z.unknown()),
  /** question code → user id of the respondent who last answered it */
  answeredBy: z.record(z.string(), z.string()),
  /** question code → how many times its answer changed (absent: never answered): the base a write names */
  answerVersions: z.record(z.string(), z.number().int()),
  /**
   * A new wave: the questions whose answer was carried over from the firm's previous assessment and not yet confirmed
   * or changed ("carried over — confirm or change"). Writing the question (the same value confirms it) clears its
   * mark. A carried-over answer is a real answer: submitting with some still marked is allowed (the page lists them
   * in its confirmation).
   */
  carriedOver: z.array(z.string()),
  /** where the carried-over answers came from; `dropped`: previous answers this framework version no longer accepts */
  carriedFrom: z
    .object({
      assessmentId: z.uuid(),
      year: z.number().int(),
      framework: z.object({ code: z.string(), version: z.number().int() }),
      dropped: z.array(z.string()),
    })
    .nullable(),
  progress: z.array(pillarProgress),
  /** frozen on submission; null for a draft never submitted */
  snapshot: scoreSnapshot.nullable(),
  /** the secretariat's recorded reason for using a framework not meant for this firm (size class, sector); else null */
  applicabilityOverride: z.string().nullable(),
  /** what the caller may do with this assessment now, from the catalogue (src/shared/permissions.ts) and its status */
  permissions: z.object({
    canAnswer: z.boolean(),
    canVerify: z.boolean(),
    canReturn: z.boolean(),
    canRescore: z.boolean(),
  }),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

const label = z.object({ vi: z.string(), en: z.string() });

/** The change of an assessment since an earlier one of the same firm (src/shared/dx/waves.ts). */
export const waveChange = z.object({
  assessmentId: z.uuid(),
  year: z.number().int(),
  framework: z.object({ code: z.string(), version: z.number().int() }),
  comparable: z.boolean(),
  total: z.number().nullable(),
  level: z.number().int().nullable(),
  pillars: z.array(z.object({ code: z.string(), score: z.number().nullable(), level: z.number().int().nullable() })),
});

export const assessmentReport = z.object({
  assessment: assessmentItem,
  /** true while not submitted: the scores are the current answers', not a frozen snapshot */
  provisional: z.boolean(),
  snapshot: scoreSnapshot,
  frameworkName: label,
  levelNames: z.array(z.object({ level: z.number().int(), name: label })),
  pillars: z.array(
    z.object({
      code: z.string(),
      name: label,
      score: z.number(),
      max: z.number(),
      share: z.number(),
      level: z.number().int(),
      levelName: label,
      recommendation: label.nullable(),
    }),
  ),
  /**
   * The other enterprises of the same sector, size class, year and framework version (submitted or verified).
   * `draft`: not compared (only a submitted or verified score is); `fewer`: fewer than `suppressBelow` others, or
   * the cell is withheld by the analytics' small-cell rule; `published`: how many, and a band (see shared/dx/peers.ts).
   */
  peers: z.object({
    status: z.enum(['draft', 'fewer', 'published']),
    count: z.number().int().nullable(),
    band: z.enum(peerBands).nullable(),
    sectorCode: z.string(),
    sizeClass: z.string(),
    suppressBelow: z.number().int(),
  }),
  /**
   * The change since the firm's previous scored assessment (the latest of an earlier year) and since its first; null
   * when there is none. `comparable: false` (another framework generation): no number, "framework changed".
   */
  change: z.object({ previous: waveChange.nullable(), first: waveChange.nullable() }),
  /** the answers that would raise the level (then the total) most, one question at a time */
  improvements: z.array(
    z.object({
      question: z.string(),
      pillar: z.string(),
      text: label,
      suggested: z.unknown(),
      suggestedLabel: label.nullable(),
      gain: z.number(),
      newTotal: z.number(),
      newLevel: z.number().int(),
      /** false: the answer gains points toward the next level without reaching it */
      levelUp: z.boolean(),
    }),
  ),
  /** eligible Decree 80 support by size class and recommended platform categories (issue 13 §2) */
  support: reportSupport,
});
export type AssessmentReport = z.infer<typeof assessmentReport>;

/** The answer to a rescore: the assessment, and the answers the new framework version no longer asks. */
export const rescoreResult = assessmentDetail.extend({ droppedAnswers: z.array(z.string()) });
/** One file question of an assessment (its evidence upload and download). */
export const questionEvidenceParams = idParams.extend({
  questionCode: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, because('SHORT_CODE')),
});
