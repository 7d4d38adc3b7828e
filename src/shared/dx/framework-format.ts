import { z } from 'zod';
import { because, type ErrorReason, isErrorReason, type ReasonParams } from '../error-reasons.js';
import { sizeClasses } from '../enterprises/size-class.js';

/**
 * The JSON export format of one framework version. A framework is data: a tree of nodes (pillar →
 * sub-index → criterion, any depth) holding questions, level schemes with bands, an overall rule and
 * recommendations. Points carry at most two decimals so the scorer can work in exact integer hundredths.
 */
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, because('SHORT_CODE'));
const label = (max = 500) =>
  z.strictObject({
    vi: z.string().trim().min(1, because('NOT_EMPTY')).max(max),
    en: z.string().trim().min(1, because('NOT_EMPTY')).max(max),
  });
const points = z
  .number()
  .min(0)
  .max(100_000)
  .refine(
    (v) => Number.isInteger(Math.round(v * 100)) && Math.abs(Math.round(v * 100) - v * 100) < 1e-6,
    because('TWO_DECIMALS'),
  );
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, because('TWO_DECIMALS'));
const level = z.number().int().min(0).max(20);

export const option = z.strictObject({ code, label: label(), score: points });

/** Show the question only when the earlier question `question` has one of `anyOf`, includes `includes`, or is ≥ `min`. */
export const showIf = z
  .strictObject({
    question: code,
    anyOf: z
      .array(z.union([z.string().max(40), z.boolean()]))
      .min(1)
      .max(50)
      .optional(),
    includes: code.optional(),
    min: z.number().optional(),
  })
  .refine(
    (s) => [s.anyOf, s.includes, s.min].filter((x) => x !== undefined).length === 1,
    'give exactly one of anyOf, includes, min',
  );

const questionBase = {
  code,
  text: label(1000),
  help: label(2000).optional(),
  required: z.boolean().default(false),
  showIf: showIf.optional(),
  /** relative weight inside a `weighted` node (default 1) */
  weight: z.number().positive().max(1000).optional(),
};

/** A number band: the score of the last band whose `from` ≤ the answer (bands ascending by `from`). */
export const scoreBand = z.strictObject({ from: z.number(), score: points });

/**
 * A tool of a catalogue question (2025 generation): the firm says how deeply it uses it (`levels`, points each) and
 * whether it is integrated with its other tools (`integrationBonus`). A tool that depends on another (`dependsOn`,
 * e.g. an add-on of a sales app) counts half. `industries`: the industries whose catalogue lists it (absent: all).
 */
export const catalogueTool = z.strictObject({
  code,
  label: label(),
  industries: z.array(code).min(1).max(100).optional(),
  dependsOn: code.optional(),
  levels: z.array(option).min(1).max(10),
  integrationBonus: points.optional(),
});
export type CatalogueTool = z.infer<typeof catalogueTool>;

export const question = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('single'), options: z.array(option).min(2).max(30) }),
  /** checklist: the sum of ticked options' points, capped at `maxPoints` */
  z.strictObject({
    ...questionBase,
    type: z.literal('multi'),
    options: z.array(option).min(1).max(50),
    maxPoints: points.optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.enum(['number', 'ratio']),
    unit: label(40).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    bands: z.array(scoreBand).min(1).max(30),
  }),
  z.strictObject({ ...questionBase, type: z.literal('yesno'), yesScore: points, noScore: points.default(0) }),
  /**
   * The tools the firm uses, from its industry's catalogue. Answer: entries `tool:level` or `tool:level:integrated`.
   * Only in a `normalised` framework, whose maximum is that of the firm's industry.
   */
  z.strictObject({ ...questionBase, type: z.literal('catalogue'), tools: z.array(catalogueTool).min(1).max(200) }),
  z.strictObject({
    ...questionBase,
    type: z.enum(['text', 'file']),
    maxLength: z.number().int().min(1).max(20_000).optional(),
  }),
]);
export type Question = z.infer<typeof question>;
export type QuestionType = Question['type'];
export const questionTypes = ['single', 'multi', 'number', 'ratio', 'yesno', 'text', 'file', 'catalogue'] as const;

export const recommendation = z.strictObject({ level, text: label(4000) });

export interface FrameworkNode {
  code: string;
  name: { vi: string; en: string };
  /** `sum` (default): points add up; `weighted`: maxPoints × weighted mean of the parts' shares */
  aggregate?: 'sum' | 'weighted';
  maxPoints?: number;
  weight?: number;
  /** shown only to firms whose industry (the answer to the framework's `industryQuestion`) is one of these */
  industries?: string[];
  children?: FrameworkNode[];
  questions?: Question[];
  recommendations?: z.infer<typeof recommendation>[];
}
export const frameworkNode: z.ZodType<FrameworkNode> = z.lazy(() =>
  z.strictObject({
    code,
    name: label(),
    aggregate: z.enum(['sum', 'weighted']).optional(),
    maxPoints: points.optional(),
    weight: z.number().positive().max(1000).optional(),
    industries: z.array(code).min(1).max(100).optional(),
    children: z.array(frameworkNode).max(100).optional(),
    questions: z.array(question).max(200).optional(),
    recommendations: z.array(recommendation).max(20).optional(),
  }),
);

/** Level bands: a share of the maximum above `abovePercent` (or at it, if `inclusive`) reaches `level`. */
export const levelScheme = z.strictObject({
  code,
  bands: z
    .array(z.strictObject({ level, abovePercent: percent, inclusive: z.boolean().optional() }))
    .min(1)
    .max(20),
});

/** DBI: the highest level whose total threshold is passed AND enough pillars reach a level. */
export const gate = z.strictObject({
  level,
  totalAbove: points,
  minPillars: z.number().int().min(0).max(100),
  pillarLevelAtLeast: level,
});

export const overallRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('gatedLevels'), baseLevel: level, gates: z.array(gate).min(1).max(20) }),
  /** EU DMA: every pillar scored on the same scale; the total is their mean, banded by `levelScheme` */
  z.strictObject({ type: z.literal('mean'), levelScheme: code }),
  /**
   * 2025 generation: total = 100 × points achieved / the maximum applicable to this firm (only the questions shown
   * to it and its industry's catalogue count), banded on 0–100 by `levelScheme`. Nodes add up (`sum`).
   */
  z.strictObject({ type: z.literal('normalised'), levelScheme: code }),
]);

/**
 * The national framework generations (a framework's family): results of different generations are never averaged
 * or compared as a change. `custom`: any other framework (e.g. EU DMA); absent means `custom`.
 */
export const frameworkGenerations = ['qd1970-2021', 'qd2158-2023', 'qd1567-2025', 'custom'] as const;
export type FrameworkGeneration = (typeof frameworkGenerations)[number];

/** The firms a framework is for: size classes (Decree 80/2021) and, optionally, VSIC sections. Absent: every firm. */
export const appliesTo = z.strictObject({
  sizeClasses: z.array(z.enum(sizeClasses)).min(1).max(sizeClasses.length),
  vsicSections: z
    .array(z.string().regex(/^[A-U]$/, because('VSIC_SECTION')))
    .min(1)
    .max(21)
    .optional(),
});
export type AppliesTo = z.infer<typeof appliesTo>;

export const frameworkDefinition = z
  .strictObject({
    formatVersion: z.literal(1),
    code,
    version: z.number().int().min(1).max(10_000),
    name: label(),
    note: z.string().max(2000).optional(),
    generation: z.enum(frameworkGenerations).optional(),
    appliesTo: appliesTo.optional(),
    /** the common single-choice question whose answer is the firm's industry (node `industries`, catalogues) */
    industryQuestion: code.optional(),
    levelNames: z
      .array(z.strictObject({ level, name: label(200), description: label(2000).optional() }))
      .min(1)
      .max(20),
    levelSchemes: z.array(levelScheme).min(1).max(10),
    pillarLevelScheme: code,
    overall: overallRule,
    pillars: z.array(frameworkNode).min(1).max(30),
  })
  .superRefine(checkIntegrity);
export type FrameworkDefinition = z.infer<typeof frameworkDefinition>;

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

/** Cross-references the schema alone cannot express, each reported at its JSON path. */
function checkIntegrity(def: FrameworkDefinitionShape, ctx: Ctx): void {
  const issue = (path: Path, reason: ErrorReason, params?: ReasonParams) =>
    ctx.addIssue({ code: 'custom', path, message: reason, params });
  const levels = new Set(def.levelNames.map((l) => l.level));
  if (levels.size !== def.levelNames.length) issue(['levelNames'], 'LEVELS_UNIQUE');
  const schemes = new Map(def.levelSchemes.map((s) => [s.code, s]));
  def.levelSchemes.forEach((s, i) => {
    s.bands.forEach((b, j) => {
      if (!levels.has(b.level)) issue(['levelSchemes', i, 'bands', j, 'level'], 'LEVEL_UNNAMED');
      const prev = s.bands[j - 1];
      if (prev && (b.abovePercent < prev.abovePercent || b.level <= prev.level))
        issue(['levelSchemes', i, 'bands', j], 'BANDS_ASCEND_LEVEL');
    });
  });
  if (!schemes.has(def.pillarLevelScheme))
    issue(['pillarLevelScheme'], 'UNKNOWN_LEVEL_SCHEME', { scheme: def.pillarLevelScheme });
  if (def.overall.type !== 'gatedLevels' && !schemes.has(def.overall.levelScheme))
    issue(['overall', 'levelScheme'], 'UNKNOWN_LEVEL_SCHEME', { scheme: def.overall.levelScheme });
  if (def.overall.type === 'gatedLevels') {
    if (!levels.has(def.overall.baseLevel)) issue(['overall', 'baseLevel'], 'LEVEL_UNNAMED');
    def.overall.gates.forEach((g, i) => {
      if (!levels.has(g.level)) issue(['overall', 'gates', i, 'level'], 'LEVEL_UNNAMED');
    });
  }
  if (def.overall.type === 'mean') {
    const maxima = new Set(def.pillars.map((p) => p.maxPoints));
    if (maxima.size > 1) issue(['pillars'], 'PILLARS_SAME_MAX');
  }
  const codes = new Set<string>();
  const questions = new Map<string, Question>();
  const normalised = def.overall.type === 'normalised';
  // industry codes named by nodes and tools, checked against the industry question's options at the end
  const industryRefs: { path: Path; industries: string[] }[] = [];
  // questions inside a node restricted to some industries (the industry question cannot be one of them)
  const restricted = new Set<string>();
  const walk = (node: FrameworkNode, path: Path, parentWeighted: boolean, inIndustry = false): number | null => {
    if (codes.has(node.code)) issue([...path, 'code'], 'CODE_TAKEN');
    codes.add(node.code);
    if (!node.children?.length && !node.questions?.length) issue(path, 'NODE_EMPTY');
    if (node.industries) industryRefs.push({ path: [...path, 'industries'], industries: node.industries });
    const industryOnly = inIndustry || !!node.industries;
    if (normalised && node.aggregate === 'weighted') issue([...path, 'aggregate'], 'NORMALISED_SUM_ONLY');
    if (node.weight !== undefined && !parentWeighted) issue([...path, 'weight'], 'WEIGHT_OUTSIDE_WEIGHTED');
    node.recommendations?.forEach((r, i) => {
      if (!levels.has(r.level)) issue([...path, 'recommendations', i, 'level'], 'LEVEL_UNNAMED');
    });
    let sum = 0;
    let open = false;
    const weighted = node.aggregate === 'weighted';
    node.questions?.forEach((q, i) => {
      const qPath = [...path, 'questions', i];
      if (codes.has(q.code)) issue([...qPath, 'code'], 'CODE_TAKEN');
      codes.add(q.code);
      if (q.weight !== undefined && !weighted) issue([...qPath, 'weight'], 'WEIGHT_OUTSIDE_WEIGHTED');
      if (q.showIf) {
        const target = questions.get(q.showIf.question);
        if (!target) issue([...qPath, 'showIf', 'question'], 'SHOW_IF_EARLIER');
        else if (
          q.showIf.includes !== undefined &&
          !(target.type === 'multi' && target.options.some((o) => o.code === q.showIf?.includes))
        )
          issue([...qPath, 'showIf', 'includes'], 'SHOW_IF_OPTION');
        else if (q.showIf.min !== undefined && target.type !== 'number' && target.type !== 'ratio')
          issue([...qPath, 'showIf', 'min'], 'SHOW_IF_MIN');
      }
      if (q.type === 'single' || q.type === 'multi') {
        const opts = new Set(q.options.map((o) => o.code));
        if (opts.size !== q.options.length) issue([...qPath, 'options'], 'OPTIONS_UNIQUE');
      }
      if (q.type === 'number' || q.type === 'ratio') {
        q.bands.forEach((b, j) => {
          if (j > 0 && b.from <= q.bands[j - 1].from) issue([...qPath, 'bands', j, 'from'], 'BANDS_ASCEND_FROM');
        });
        if (q.min !== undefined && q.max !== undefined && q.min > q.max) issue([...qPath, 'min'], 'MIN_ABOVE_MAX');
      }
      if (q.type === 'catalogue') {
        if (!normalised) issue([...qPath, 'type'], 'CATALOGUE_NORMALISED_ONLY');
        const tools = new Set(q.tools.map((t) => t.code));
        if (tools.size !== q.tools.length) issue([...qPath, 'tools'], 'OPTIONS_UNIQUE');
        q.tools.forEach((t, j) => {
          const tPath = [...qPath, 'tools', j];
          if (new Set(t.levels.map((l) => l.code)).size !== t.levels.length)
            issue([...tPath, 'levels'], 'OPTIONS_UNIQUE');
          if (t.dependsOn !== undefined && (t.dependsOn === t.code || !tools.has(t.dependsOn)))
            issue([...tPath, 'dependsOn'], 'TOOL_DEPENDS_ON');
          if (t.industries) industryRefs.push({ path: [...tPath, 'industries'], industries: t.industries });
        });
        // its maximum is that of the firm's industry: the node's total is not fixed
        open = true;
      }
      if (industryOnly) restricted.add(q.code);
      questions.set(q.code, q);
      sum += q.type === 'catalogue' ? 0 : questionMaxPoints(q);
    });
    node.children?.forEach((c, i) => {
      const m = walk(c, [...path, 'children', i], weighted, industryOnly);
      if (m === null) open = true;
      else sum += m;
    });
    if (weighted) {
      if (node.maxPoints === undefined) issue([...path, 'maxPoints'], 'MAX_POINTS_REQUIRED');
      return node.maxPoints ?? null;
    }
    if (open) return node.maxPoints ?? null;
    if (node.maxPoints !== undefined && Math.round(node.maxPoints * 100) !== Math.round(sum * 100)) {
      issue([...path, 'maxPoints'], 'MAX_POINTS_SUM', {
        maxPoints: node.maxPoints ?? 0,
        sum: Math.round(sum * 100) / 100,
      });
    }
    return node.maxPoints ?? sum;
  };
  def.pillars.forEach((p, i) => {
    walk(p, ['pillars', i], false);
    // normalised: a pillar's maximum is what applies to the firm, so none is declared
    if (p.maxPoints === undefined && !normalised) issue(['pillars', i, 'maxPoints'], 'MAX_POINTS_REQUIRED');
  });
  if (def.industryQuestion !== undefined) {
    const q = questions.get(def.industryQuestion);
    if (!q || q.type !== 'single' || q.showIf || restricted.has(q.code))
      issue(['industryQuestion'], 'INDUSTRY_QUESTION');
  }
  const industryQ = def.industryQuestion === undefined ? undefined : questions.get(def.industryQuestion);
  const industries = new Set(industryQ?.type === 'single' ? industryQ.options.map((o) => o.code) : []);
  for (const ref of industryRefs) {
    if (def.industryQuestion === undefined) {
      issue(ref.path, 'INDUSTRY_QUESTION_MISSING');
      continue;
    }
    ref.industries.forEach((code, i) => {
      if (!industries.has(code)) issue([...ref.path, i], 'UNKNOWN_INDUSTRY', { industry: code });
    });
  }
}

/** What checkIntegrity reads of a definition (the parsed shape, before the cross-field checks). */
interface FrameworkDefinitionShape {
  industryQuestion?: string;
  levelNames: { level: number }[];
  levelSchemes: z.infer<typeof levelScheme>[];
  pillarLevelScheme: string;
  overall: z.infer<typeof overallRule>;
  pillars: z.infer<typeof frameworkNode>[];
}

/** The most a question can score (0 for text and file evidence). */
export function questionMaxPoints(q: Question): number {
  switch (q.type) {
    case 'single':
      return Math.max(...q.options.map((o) => o.score));
    case 'multi': {
      const all = q.options.reduce((s, o) => s + Math.round(o.score * 100), 0) / 100;
      return q.maxPoints === undefined ? all : Math.min(all, q.maxPoints);
    }
    case 'number':
    case 'ratio':
      return Math.max(...q.bands.map((b) => b.score));
    case 'yesno':
      return Math.max(q.yesScore, q.noScore);
    case 'catalogue':
      return catalogueMaxHundredths(q.tools, null) / 100;
    default:
      return 0;
  }
}

/** A catalogue tool's points for a level, in hundredths, before halving a dependent tool. */
const toolHundredths = (t: CatalogueTool, levelScore: number, integrated: boolean) =>
  Math.round(levelScore * 100) + (integrated ? Math.round((t.integrationBonus ?? 0) * 100) : 0);

/** Whether the catalogue of `industry` lists the tool (null: every tool, e.g. for a framework-wide maximum). */
export const toolInIndustry = (t: CatalogueTool, industry: string | null) =>
  industry === null || !t.industries || t.industries.includes(industry);

/** The most a catalogue can give a firm of `industry`, in hundredths (may end in a half hundredth). */
export function catalogueMaxHundredths(tools: CatalogueTool[], industry: string | null): number {
  return catalogueMaxTwice(tools, industry) / 2;
}
/**
 * Twice that, an integer: every listed tool at its deepest level and integrated; a dependent tool counts half.
 * The scorer divides by 2 as an exact rational.
 */
export function catalogueMaxTwice(tools: CatalogueTool[], industry: string | null): number {
  let twice = 0;
  for (const t of tools) {
    if (!toolInIndustry(t, industry)) continue;
    const best = toolHundredths(t, Math.max(...t.levels.map((l) => l.score)), true);
    twice += t.dependsOn === undefined ? 2 * best : best;
  }
  return twice;
}

/** A catalogue answer entry: `tool:level` or `tool:level:integrated`. */
export function parseCatalogueEntry(entry: string): { tool: string; level: string; integrated: boolean } | null {
  const m = /^([^:]+):([^:]+)(:integrated)?$/.exec(entry);
  return m ? { tool: m[1], level: m[2], integrated: !!m[3] } : null;
}

/**
 * Twice the points of a catalogue answer for a firm of `industry`, in hundredths (so a dependent tool's half stays
 * an integer). Entries that do not parse, name no tool or level, repeat a tool, or are outside the industry: 0.
 */
export function catalogueScoreTwice(tools: CatalogueTool[], value: unknown, industry: string | null): number {
  if (!Array.isArray(value)) return 0;
  const byCode = new Map(tools.map((t) => [t.code, t]));
  const seen = new Set<string>();
  let twice = 0;
  for (const v of value) {
    const e = typeof v === 'string' ? parseCatalogueEntry(v) : null;
    const t = e && byCode.get(e.tool);
    const level = e && t?.levels.find((l) => l.code === e.level);
    if (!e || !t || !level || seen.has(e.tool) || !toolInIndustry(t, industry)) continue;
    seen.add(e.tool);
    const h = toolHundredths(t, level.score, e.integrated);
    twice += t.dependsOn === undefined ? 2 * h : h;
  }
  return twice;
}

const questionLists = new WeakMap<object, { question: Question; pillar: string }[]>();
/** Every question in document order, with the pillar it belongs to (computed once per definition object; do not mutate). */
export function allQuestions(def: Pick<FrameworkDefinition, 'pillars'>): { question: Question; pillar: string }[] {
  const cached = questionLists.get(def);
  if (cached) return cached;
  const out: { question: Question; pillar: string }[] = [];
  const walk = (n: FrameworkNode, pillar: string) => {
    n.questions?.forEach((q) => out.push({ question: q, pillar }));
    n.children?.forEach((c) => walk(c, pillar));
  };
  def.pillars.forEach((p) => walk(p, p.code));
  questionLists.set(def, out);
  return out;
}

/** `pillars[0].children[1].code` from a zod issue path, prefixed (e.g. `body.definition`). */
export function jsonPath(prefix: string, path: PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), prefix);
}

/**
 * Zod issues of a definition as `{ field, reason }` by JSON path; unknown keys are named one by one. A zod check
 * of its own (type, size) has no reason of ours: it travels as SCHEMA_MISMATCH with zod's text as `detail`.
 */
export function definitionIssues(
  issues: z.core.$ZodIssue[],
  prefix: string,
): { field: string; reason: ErrorReason; params?: ReasonParams }[] {
  return issues.flatMap((i): { field: string; reason: ErrorReason; params?: ReasonParams }[] =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: jsonPath(prefix, [...i.path, k]), reason: 'UNKNOWN_FIELD' as const }))
      : isErrorReason(i.message)
        ? [{ field: jsonPath(prefix, i.path), reason: i.message, params: customParams(i) }]
        : [{ field: jsonPath(prefix, i.path), reason: 'SCHEMA_MISMATCH' as const, params: { detail: i.message } }],
  );
}

const customParams = (i: z.core.$ZodIssue): ReasonParams | undefined =>
  i.code === 'custom' ? (i.params as ReasonParams | undefined) : undefined;
