import type {
  Indicator,
  IndicatorInput,
  IndicatorListQuery,
  IndicatorPatch,
  IndicatorYear,
} from '../../../shared/contracts/indicators.js';
import type { PlanInput } from '../../../shared/contracts/monitoring.js';
import type { PeriodType } from '../../../shared/monitoring-domain.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, missing, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ProgramsService } from '../programs/programs.service.js';
import { rollUp, aggregateUnits } from './aggregate.js';
import { attainmentPercent, resolveThresholds, trafficLight, type Thresholds } from './attainment.js';
import { evaluate, formulaRefs, FormulaError, parseFormula } from './formula.js';
import { indicatorsPolicy } from './indicators.policy.js';

/** For the other monitoring modules: who may see monitoring at all. */
export { assertMonitoringAccess } from './indicators.policy.js';
import type { IndicatorRow, IndicatorsRepo, IndicatorTargetRef, IndicatorUnitRef } from './indicators.repo.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

export interface EvaluateScope {
  programId: string;
  years: number[];
  orgUnitId?: string;
  planId?: string;
  indicatorIds?: string[];
}
export interface EvaluatedIndicator {
  row: IndicatorRow;
  years: IndicatorYear[];
}

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505';

/** Approved values of the unit reports (reporting-rounds owns them; wired in services.ts). */
export type ApprovedValuesPort = (
  tx: DbOrTx,
  of: { id: string; periodType: PeriodType }[],
  years: number[],
  orgUnitId?: string,
) => Promise<
  {
    indicatorId: string;
    orgUnitId: string;
    year: number;
    quarter: number | null;
    periodType: PeriodType;
    value: number | null;
  }[]
>;

export interface IndicatorsDeps {
  db: Db;
  repo: IndicatorsRepo;
  audit: AuditService;
  programs: Pick<ProgramsService, 'getRow' | 'first'>;
  approvedValues: ApprovedValuesPort;
}

export function createIndicatorsService({ db, repo, audit, programs, approvedValues }: IndicatorsDeps) {
  /** The response of one indicator, from its row and its units and targets (each in its own order). */
  function dto(
    row: IndicatorRow,
    planCode: string | null,
    units: IndicatorUnitRef[],
    targets: IndicatorTargetRef[],
  ): Indicator {
    return {
      id: row.id,
      version: row.version,
      programId: row.programId,
      plan: row.planId && planCode ? { id: row.planId, code: planCode } : null,
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      measureUnit: row.measureUnit,
      periodType: row.periodType,
      periodAggregation: row.periodAggregation,
      unitAggregation: row.unitAggregation,
      direction: row.direction,
      formula: row.formula,
      baselineYear: row.baselineYear,
      baselineValue: row.baselineValue,
      greenPct: row.greenPct,
      amberPct: row.amberPct,
      isDemo: row.isDemo,
      responsibleUnits: units.map((u) => ({ id: u.id, name: u.name })),
      targets: targets.map((t) => ({ year: t.year, orgUnitId: t.orgUnitId, value: t.value })),
    };
  }

  async function toDto(rows: { row: IndicatorRow; planCode: string | null }[], tx: DbOrTx = db): Promise<Indicator[]> {
    const ids = rows.map((r) => r.row.id);
    // one after the other: `tx` may be a transaction, whose one connection runs one query at a time
    const units = await repo.units(tx, ids);
    const targets = await repo.targets(tx, ids);
    return rows.map(({ row, planCode }) =>
      dto(
        row,
        planCode,
        units.filter((u) => u.indicatorId === row.id),
        targets.filter((t) => t.indicatorId === row.id),
      ),
    );
  }

  async function get(id: string, tx: DbOrTx = db) {
    const hit = await repo.get(tx, id);
    if (!hit) throw notFound('indicator', id);
    return (await toDto([hit], tx))[0];
  }

  /** Cross-field checks the schema cannot make: references exist, the formula parses and reads known codes. */
  async function check(programId: string, next: Partial<IndicatorInput>, selfCode?: string) {
    const issues: ReasonIssue[] = [];
    if (next.planId) {
      const plan = await repo.plan(db, next.planId);
      if (!plan || plan.programId !== programId) issues.push({ field: 'body.planId', reason: 'NO_SUCH_PLAN' });
    }
    if (next.formula) {
      try {
        const refs = formulaRefs(parseFormula(next.formula));
        const code = next.code ?? selfCode;
        const known = new Set((await repo.byCodes(db, programId, refs)).map((r) => r.code));
        const unknown = refs.filter((r) => !known.has(r) || r === code);
        if (unknown.length)
          issues.push({
            field: 'body.formula',
            reason: 'FORMULA_UNKNOWN_CODES',
            params: { codes: unknown.join(', ') },
          });
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
        issues.push({
          field: 'body.formula',
          reason: 'FORMULA_SYNTAX',
          params: { position: err.position, detail: err.message },
        });
      }
    }
    const green = next.greenPct,
      amber = next.amberPct;
    if (green != null && amber != null && amber > green)
      issues.push({ field: 'body.amberPct', reason: 'AMBER_ABOVE_GREEN' });
    const unitIds = [
      ...(next.responsibleOrgUnitIds ?? []),
      ...(next.targets ?? []).flatMap((t) => (t.orgUnitId ? [t.orgUnitId] : [])),
    ];
    const found = await repo.orgUnitIdsExist(db, unitIds);
    (next.responsibleOrgUnitIds ?? []).forEach((u, i) => {
      if (!found.has(u)) issues.push({ field: `body.responsibleOrgUnitIds.${i}`, reason: 'NO_SUCH_ORG_UNIT' });
    });
    const seen = new Set<string>();
    (next.targets ?? []).forEach((t, i) => {
      if (t.orgUnitId && !found.has(t.orgUnitId))
        issues.push({ field: `body.targets.${i}.orgUnitId`, reason: 'NO_SUCH_ORG_UNIT' });
      const key = `${t.year}:${t.orgUnitId ?? ''}`;
      if (seen.has(key)) issues.push({ field: `body.targets.${i}.year`, reason: 'TARGET_TWICE' });
      seen.add(key);
    });
    if (issues.length) throw invalid(issues);
  }

  async function writeChildren(tx: DbOrTx, id: string, input: IndicatorPatch, isDemo = false) {
    if (input.responsibleOrgUnitIds) await repo.setUnits(tx, id, input.responsibleOrgUnitIds);
    if (input.targets)
      await repo.setTargets(
        tx,
        id,
        input.targets.map((t) => ({ year: t.year, orgUnitId: t.orgUnitId ?? null, value: t.value, isDemo })),
      );
  }

  /** Targets of a year for the scope: the unit's own, else the city's; a city without one sums or averages its units'. */
  function targetOf(
    targets: { year: number; orgUnitId: string | null; value: number }[],
    row: IndicatorRow,
    year: number,
    orgUnitId?: string,
    soleUnitId?: string,
  ): number | null {
    const ofYear = targets.filter((t) => t.year === year);
    if (orgUnitId) {
      const own = ofYear.find((t) => t.orgUnitId === orgUnitId)?.value;
      if (own !== undefined) return own;
      // the only unit responsible for an indicator carries the whole city target
      return soleUnitId === orgUnitId ? (ofYear.find((t) => t.orgUnitId === null)?.value ?? null) : null;
    }
    const city = ofYear.find((t) => t.orgUnitId === null);
    if (city) return city.value;
    return aggregateUnits(
      ofYear.map((t) => t.value),
      row.unitAggregation,
    );
  }

  const service = {
    /** How the audit log names indicators and monitoring plans (both listed on the indicators page). */
    auditSubjects: {
      indicator: (async (tx, ids) =>
        subjectsOf(await repo.indicatorSubjectRows(tx, ids), (r) => ({
          name: `${r.code} · ${r.nameVi}`,
          nameEn: `${r.code} · ${r.nameEn}`,
          path: recordPath.indicators(),
        }))) satisfies DescribeSubjects,
      monitoringPlan: (async (tx, ids) =>
        subjectsOf(await repo.planSubjectRows(tx, ids), (r) => ({
          name: `${r.code} · ${r.title}`,
          path: recordPath.indicators(),
        }))) satisfies DescribeSubjects,
    },
    get,
    async list(q: IndicatorListQuery) {
      // one statement: the page, its total and each indicator's units and targets
      const { rows, total } = await repo.list(db, q);
      return { items: rows.map((r) => dto(r.row, r.planCode, r.units, r.targets)), total };
    },

    async create(actor: Actor, input: IndicatorInput, opts: { isDemo?: boolean } = {}) {
      indicatorsPolicy.assertCanWrite(actor);
      if (!(await programs.getRow(db, input.programId)))
        throw invalid([{ field: 'body.programId', reason: 'NO_SUCH_PROGRAM' }]);
      await check(input.programId, input);
      const { responsibleOrgUnitIds: _u, targets: _t, ...fields } = input;
      try {
        const id = await db.transaction(async (tx) => {
          const row = await repo.insert(tx, { ...fields, isDemo: opts.isDemo ?? false });
          await writeChildren(tx, row.id, input, opts.isDemo);
          await audit.record(tx, actor, {
            action: 'create',
            entityType: 'indicator',
            entityId: row.id,
            after: { ...row, responsibleOrgUnitIds: input.responsibleOrgUnitIds, targets: input.targets },
          });
          return row.id;
        });
        return get(id);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('CODE_TAKEN', { field: 'body.code' });
        throw err;
      }
    },

    /** `version`: the one the writer read; an indicator (or its targets) changed since is refused (409). */
    async update(actor: Actor, id: string, patch: IndicatorPatch, version: number) {
      indicatorsPolicy.assertCanWrite(actor);
      const current = await repo.get(db, id);
      if (!current) throw notFound('indicator', id);
      await check(
        current.row.programId,
        {
          ...patch,
          greenPct: patch.greenPct !== undefined ? patch.greenPct : current.row.greenPct,
          amberPct: patch.amberPct !== undefined ? patch.amberPct : current.row.amberPct,
        },
        current.row.code,
      );
      const { responsibleOrgUnitIds: _u, targets: _t, ...fields } = patch;
      try {
        await db.transaction(async (tx) => {
          const before = await get(id, tx);
          // always, and first: the version moves with units and targets too, and a stale write changes nothing
          if (!(await repo.update(tx, id, fields, current.row, version))) {
            const now = await repo.get(tx, id);
            if (!now) throw notFound('indicator', id);
            throw await audit.staleVersion(tx, 'indicator', id, now.row.version);
          }
          await writeChildren(tx, id, patch);
          await audit.record(tx, actor, {
            action: 'update',
            entityType: 'indicator',
            entityId: id,
            before,
            after: await get(id, tx),
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('CODE_TAKEN', { field: 'body.code' });
        throw err;
      }
      return get(id);
    },

    plans: (programId?: string) => repo.plans(db, programId),
    /** The plans' codes (`id`, `code`) as a subquery to join; no permission check (a code is not a secret). */
    planCodes: () => repo.planCodes(db),
    /** The indicators' codes and names (`id`, `code`, `nameVi`) as a subquery to join; no permission check. */
    names: () => repo.names(db),
    async createPlan(actor: Actor, input: PlanInput) {
      indicatorsPolicy.assertCanWrite(actor);
      if (input.periodEnd < input.periodStart)
        throw invalid([{ field: 'body.periodEnd', reason: 'DATE_BEFORE_START' }]);
      if (!(await programs.getRow(db, input.programId)))
        throw invalid([{ field: 'body.programId', reason: 'NO_SUCH_PROGRAM' }]);
      try {
        return await db.transaction(async (tx) => {
          const row = await repo.insertPlan(tx, input);
          await audit.record(tx, actor, {
            action: 'create',
            entityType: 'monitoringPlan',
            entityId: row.id,
            after: row,
          });
          return row;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('CODE_TAKEN', { field: 'body.code' });
        throw err;
      }
    },

    async thresholds(programId: string): Promise<Thresholds> {
      return resolveThresholds({ greenPct: null, amberPct: null }, await repo.thresholds(db, programId));
    },
    /** A program's own thresholds (the defaults until set) with their version, for the form that changes them. */
    async programThresholds(programId: string) {
      if (!(await programs.getRow(db, programId))) throw notFound('program', programId);
      const row = await repo.thresholdSettings(db, programId);
      const t = resolveThresholds(
        { greenPct: null, amberPct: null },
        row ? { green: row.greenPct, amber: row.amberPct } : null,
      );
      return { ...t, version: row?.version ?? 1 };
    },
    /** `version`: the one the writer read; thresholds changed since are refused (409 STALE_VERSION). */
    async setThresholds(
      actor: Actor,
      programId: string,
      input: { greenPct: number; amberPct: number },
      version: number,
    ) {
      indicatorsPolicy.assertCanWrite(actor);
      if (!(await programs.getRow(db, programId))) throw notFound('program', programId);
      const next = await db.transaction(async (tx) => {
        const before = await repo.thresholds(tx, programId);
        const written = await repo.setThresholds(tx, programId, input.greenPct, input.amberPct, version);
        if (written === undefined) {
          const now = await repo.thresholdSettings(tx, programId);
          throw await audit.staleVersion(tx, 'programMonitoringSettings', programId, now?.version ?? 1);
        }
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'programMonitoringSettings',
          entityId: programId,
          before,
          after: input,
        });
        return written;
      });
      return { green: input.greenPct, amber: input.amberPct, version: next };
    },

    /** The program to show when none is named: the first one set up (Program 07 in the demo). */
    async program(programId?: string) {
      const row = programId ? await programs.getRow(db, programId) : await programs.first(db);
      // with no id asked for, an empty table means a fresh install: the pages say to create a program first
      if (!row) throw programId ? notFound('program', programId) : missing('NO_PROGRAM_YET');
      return row;
    },

    /** Indicators a unit reports on in a round of a program (or plan): base indicators it is responsible for. */
    forUnit: (tx: DbOrTx, programId: string, planId: string | null, orgUnitId: string) =>
      repo.forUnit(tx, programId, planId, orgUnitId),
    responsibleUnitIds: (tx: DbOrTx, programId: string, planId: string | null) =>
      repo.responsibleUnitIds(tx, programId, planId),
    targetsOf: (tx: DbOrTx, ids: string[]) => repo.targets(tx, ids),
    ofProgram: (programId: string) => repo.ofProgram(db, programId),

    /**
     * Target vs actual for each year of the scope: approved values rolled up per unit over periods then
     * over units (or one unit), derived indicators computed from the others' actuals of the same year.
     */
    async evaluate(scope: EvaluateScope): Promise<EvaluatedIndicator[]> {
      return (await service.evaluateWithThresholds(scope)).indicators;
    },

    /** `evaluate`, and the program's thresholds it read (`thresholds(programId)` without a second query). */
    async evaluateWithThresholds(scope: EvaluateScope) {
      const [all, programThresholds] = await Promise.all([
        repo.ofProgram(db, scope.programId),
        repo.thresholds(db, scope.programId),
      ]);
      let rows = all;
      if (scope.planId) rows = rows.filter((r) => r.planId === scope.planId);
      if (scope.indicatorIds) rows = rows.filter((r) => scope.indicatorIds!.includes(r.id));
      const [targets, values, units] = await Promise.all([
        repo.targets(
          db,
          all.map((r) => r.id),
        ),
        approvedValues(
          db,
          all.filter((r) => !r.formula),
          scope.years,
          scope.orgUnitId,
        ),
        repo.units(
          db,
          all.map((r) => r.id),
        ),
      ]);
      const soleUnit = (id: string) => {
        const mine = units.filter((u) => u.indicatorId === id);
        return mine.length === 1 ? mine[0].id : undefined;
      };
      const actuals = new Map<string, number | null>();
      const key = (id: string, year: number) => `${id}:${year}`;
      for (const row of all.filter((r) => !r.formula)) {
        for (const year of scope.years) {
          const mine = values
            .filter((v) => v.indicatorId === row.id && v.year === year && v.value !== null)
            .map((v) => ({
              orgUnitId: v.orgUnitId,
              period: v.periodType === 'quarter' && v.quarter ? `${year}-Q${v.quarter}` : String(year),
              value: v.value!,
            }));
          actuals.set(key(row.id, year), rollUp(mine, row.periodAggregation, row.unitAggregation).total);
        }
      }
      const byCode = new Map(all.map((r) => [r.code, r]));
      const indicators: EvaluatedIndicator[] = rows.map((row) => {
        const thresholds = resolveThresholds(row, programThresholds);
        const years = scope.years.map((year): IndicatorYear => {
          let actual: number | null;
          let reason: string | null = null;
          if (row.formula) {
            let parsed;
            try {
              parsed = parseFormula(row.formula);
            } catch {
              parsed = null;
            }
            const r = parsed
              ? evaluate(parsed, (code) => {
                  const ref = byCode.get(code);
                  return ref && !ref.formula ? actuals.get(key(ref.id, year)) : null;
                })
              : { value: null, reason: 'invalid_formula' as const };
            actual = r.value;
            reason = r.reason;
          } else {
            actual = actuals.get(key(row.id, year)) ?? null;
            if (actual === null) reason = 'no_data';
          }
          const target = targetOf(
            targets.filter((t) => t.indicatorId === row.id),
            row,
            year,
            scope.orgUnitId,
            soleUnit(row.id),
          );
          const attainmentPct = attainmentPercent(actual, target, row.direction);
          return { year, target, actual, attainmentPct, light: trafficLight(attainmentPct, thresholds), reason };
        });
        return { row, years };
      });
      return { indicators, thresholds: resolveThresholds({ greenPct: null, amberPct: null }, programThresholds) };
    },
  };
  return service;
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
