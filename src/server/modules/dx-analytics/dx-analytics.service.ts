import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { pillarInfo } from '../../../shared/contracts/dx-analytics.js';
import type {
  AnalyticsDimension,
  AnalyticsOptions,
  AnalyticsStats,
  BreakdownQuery,
  BreakdownResult,
  BreakdownRow,
  MoversQuery,
  MoversResult,
} from '../../../shared/contracts/dx-analytics.js';
import type { Db } from '../../db/client.js';
import { parseCsv } from '../../db/reference/load-reference.js';
import type { Actor } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import type { DxAnalyticsRepo, LevelAggregate, RollupFilter, SqlDimension } from './dx-analytics.repo.js';
import { dxAnalyticsPolicy } from './dx-analytics.policy.js';
import { pillarsOf } from './pillars.js';
import { protect } from './suppression.js';

const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/reference');
const sizeOrder = ['micro', 'small', 'medium', 'large'];
export const LEVELS = 6;

interface Geography {
  communes: Map<string, { code: string; name: string }>;
  /** org unit id → code, for the communes above and any other unit a rollup named (looked up once) */
  codeOf: Map<string, string | null>;
  districts: Map<string, { code: string; name: string }>;
  /** commune code → the pre-2025 districts whose old communes it took */
  districtsOf: Map<string, string[]>;
  sectors: Map<string, { nameVi: string; nameEn: string }>;
}

interface Acc {
  keys: (string | null)[];
  levels: number[];
  n: number;
  sumTotal: number;
  sumLevel: number;
  pillars: number[];
}

export function createDxAnalyticsService({
  db,
  repo,
  suppressBelow,
}: {
  db: Db;
  repo: DxAnalyticsRepo;
  suppressBelow: number;
}) {
  let geo: Promise<Geography> | null = null;
  // a published version never changes, so its pillars are read once
  const pillarCache = new Map<string, Promise<z.infer<typeof pillarInfo>[]>>();
  const pillarsFor = (id: string) => {
    let p = pillarCache.get(id);
    if (!p)
      pillarCache.set(
        id,
        (p = repo.pillars(db, id).catch((e) => {
          pillarCache.delete(id);
          throw e;
        })),
      );
    return p;
  };
  // reference data changes only with a deployment, so it is read once per process
  function geography(): Promise<Geography> {
    geo ??= (async () => {
      const g = await repo.geography(db);
      let sectors = await repo.sectors(db);
      if (!sectors.length) {
        const rows = parseCsv(await readFile(path.join(referenceDir, 'vsic-2018-sections.csv'), 'utf8'));
        sectors = rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
      }
      const districtsOf = new Map<string, string[]>();
      for (const l of g.links)
        districtsOf.set(l.communeCode, [...(districtsOf.get(l.communeCode) ?? []), l.districtCode]);
      return {
        communes: new Map(g.communes.map((c) => [c.code, c])),
        codeOf: new Map(g.communes.map((c) => [c.id, c.code])),
        districts: new Map(g.districts.map((d) => [d.code, d])),
        districtsOf,
        sectors: new Map(sectors.map((s) => [s.code, s])),
      };
    })().catch((e) => {
      geo = null;
      throw e;
    });
    return geo;
  }

  // a version that is no longer a draft stays listed, and its code and number never change: once seen, it is known
  // for the life of the process. A draft, an unknown id and the default (changed by any publish, on any instance) are
  // read every time.
  const knownVersions = new Map<string, { id: string; frameworkCode: string; version: number }>();
  async function versionFor(id: string | undefined) {
    const known = id ? knownVersions.get(id) : undefined;
    if (known) return known;
    const versions = await repo.frameworkVersions(db);
    for (const v of versions) knownVersions.set(v.id, { id: v.id, frameworkCode: v.frameworkCode, version: v.version });
    if (id) {
      const v = versions.find((x) => x.id === id);
      if (!v)
        throw invalid([{ field: 'querystring.frameworkVersionId', message: 'no such published framework version' }]);
      return v;
    }
    // default: the newest published version of the DBI framework, else of any framework
    return (
      versions.find((v) => v.frameworkCode === 'DBI-SME' && v.status === 'published') ??
      versions.find((v) => v.status === 'published') ??
      versions[0] ??
      null
    );
  }

  const filterOf = (versionId: string, q: Omit<BreakdownQuery, 'groupBy'>): RollupFilter => ({
    frameworkVersionId: versionId,
    years: q.year,
    communeCodes: q.commune,
    districtCodes: q.district,
    sectors: q.sector,
    sizeClasses: q.sizeClass,
  });

  function nameOf(g: Geography, dim: AnalyticsDimension, code: string | null): string {
    if (code === null) return dim === 'commune' || dim === 'district' ? 'unresolved' : '';
    if (dim === 'commune') return g.communes.get(code)?.name ?? code;
    if (dim === 'district') return g.districts.get(code)?.name ?? code;
    if (dim === 'sector') return g.sectors.get(code)?.nameVi ?? code;
    return code;
  }

  function byKeysThenLevel(x: LevelAggregate, y: LevelAggregate) {
    for (let i = 0; i < x.keys.length; i++) {
      const a = x.keys[i];
      const b = y.keys[i];
      if (a !== b) return a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
    }
    return x.level - y.level;
  }

  /** Replaces the org unit ids at the commune positions of the keys by codes, as a join to `org_units` would. */
  async function communeCodes(g: Geography, levels: LevelAggregate[], at: number[]) {
    const unknown = new Set<string>();
    for (const l of levels)
      for (const i of at) if (l.keys[i] !== null && !g.codeOf.has(l.keys[i])) unknown.add(l.keys[i]);
    if (unknown.size) {
      const found = await repo.unitCodes(db, [...unknown]);
      for (const id of unknown) g.codeOf.set(id, found.get(id) ?? null);
    }
    for (const l of levels) for (const i of at) if (l.keys[i] !== null) l.keys[i] = g.codeOf.get(l.keys[i]) ?? null;
  }

  /** Aggregates the rollup into the requested groups; `district` expands each commune to its districts. */
  async function aggregate(
    versionId: string,
    groupBy: AnalyticsDimension[],
    filter: RollupFilter,
    { pillars = true } = {},
  ) {
    const g = await geography();
    const sqlDims: SqlDimension[] = groupBy.map((d) => (d === 'district' ? 'commune' : d));
    const pillarCount = (await pillarsFor(versionId)).length;
    // without pillars (movers) the server sends neither their sums nor the arrays to parse
    const levels = await repo.levelAggregates(db, sqlDims, filter, pillars ? pillarCount : 0);
    const communeAt = sqlDims.flatMap((d, i) => (d === 'commune' ? [i] : []));
    if (communeAt.length) await communeCodes(g, levels, communeAt);
    // the server returns groups in no set order; suppression and the movers' ties depend on it, so fix one
    levels.sort(byKeysThenLevel);
    const expand = (keys: (string | null)[]): (string | null)[][] => {
      let out: (string | null)[][] = [[]];
      groupBy.forEach((d, i) => {
        const v = keys[i];
        let values = d === 'district' ? (v === null ? [null] : (g.districtsOf.get(v) ?? [null])) : [v];
        // filtered to some districts: a shared commune shows under those only
        if (d === 'district' && filter.districtCodes?.length)
          values = values.filter((x) => x !== null && filter.districtCodes!.includes(x));
        out = out.flatMap((prefix) => values.map((x) => [...prefix, x]));
      });
      return out;
    };
    const byDistrict = groupBy.includes('district');
    const accs = new Map<string, Acc>();
    const sameKeys = (x: (string | null)[], y: (string | null)[]) => x.every((k, i) => k === y[i]);
    let last: Acc | undefined;
    // plain loops: this runs once per rollup row on every call. Rows come sorted, so a group's rows are adjacent.
    for (const l of levels) {
      for (const keys of byDistrict ? expand(l.keys) : [l.keys]) {
        let a = !byDistrict && last && sameKeys(last.keys, keys) ? last : undefined;
        if (!a) {
          const id = keys.map((k) => k ?? '\u0000').join('\u0001');
          a = accs.get(id);
          if (!a)
            accs.set(
              id,
              (a = { keys, levels: new Array<number>(LEVELS).fill(0), n: 0, sumTotal: 0, sumLevel: 0, pillars: [] }),
            );
          last = a;
        }
        while (a.levels.length <= l.level) a.levels.push(0);
        a.levels[l.level] += l.n;
        a.n += l.n;
        a.sumTotal += l.sumTotal;
        a.sumLevel += l.level * l.n;
        for (let i = 0; i < l.pillars.length; i++) a.pillars[i] = (a.pillars[i] ?? 0) + l.pillars[i];
      }
    }
    return { g, accs: [...accs.values()].filter((a) => a.n > 0), pillarCount };
  }

  function sumOf(accs: Acc[]): Acc | undefined {
    if (!accs.length) return undefined;
    const t: Acc = { keys: [], levels: new Array<number>(LEVELS).fill(0), n: 0, sumTotal: 0, sumLevel: 0, pillars: [] };
    for (const a of accs) {
      a.levels.forEach((v, i) => {
        t.levels[i] = (t.levels[i] ?? 0) + v;
      });
      a.pillars.forEach((v, i) => {
        t.pillars[i] = (t.pillars[i] ?? 0) + v;
      });
      t.n += a.n;
      t.sumTotal += a.sumTotal;
      t.sumLevel += a.sumLevel;
    }
    return t;
  }

  const round = (x: number) => Math.round(x * 100) / 100;
  const statsOf = (a: Acc, pillarCount: number, hiddenLevels: boolean[] | null): AnalyticsStats => ({
    suppressed: false,
    n: a.n,
    levels: a.levels.map((v, i) => (hiddenLevels?.[i] ? null : v)),
    meanTotal: round(a.sumTotal / a.n),
    meanLevel: round(a.sumLevel / a.n),
    meanPillars: Array.from({ length: pillarCount }, (_, i) => round((a.pillars[i] ?? 0) / a.n)),
  });

  function sortRows(groupBy: AnalyticsDimension[], rows: BreakdownRow[]) {
    const cmp = (d: AnalyticsDimension, a: string | null, b: string | null) => {
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      if (d === 'sizeClass') return sizeOrder.indexOf(a) - sizeOrder.indexOf(b);
      return a < b ? -1 : 1;
    };
    return rows.sort((x, y) => {
      for (const d of groupBy) {
        const c = cmp(d, x.key[d]?.code ?? null, y.key[d]?.code ?? null);
        if (c) return c;
      }
      return 0;
    });
  }

  async function breakdown(actor: Actor, q: BreakdownQuery): Promise<BreakdownResult> {
    dxAnalyticsPolicy.assertCanRead(actor);
    const groupBy = [...new Set(q.groupBy)];
    const v = await versionFor(q.frameworkVersionId);
    const k = suppressBelow;
    if (!v)
      return { frameworkVersion: null, groupBy, suppressBelow: k, pillars: [], rows: [], total: { suppressed: true } };
    const filter = filterOf(v.id, q);
    // the total is the sum of the rows, except by district, where a shared commune is in several rows
    const [{ g, accs, pillarCount }, whole, pillarDefs] = await Promise.all([
      aggregate(v.id, groupBy, filter),
      groupBy.includes('district') ? aggregate(v.id, [], filter) : null,
      pillarsFor(v.id),
    ]);
    const coords = (a: Acc) => a.keys.map((x) => x ?? '\u0000');
    // rows first (their n is a published total), then the level counts inside the rows left
    const hiddenRows = protect(
      accs.map((a) => ({ coords: coords(a), n: a.n })),
      k,
    );
    const levelCells = accs.flatMap((a, r) =>
      a.levels.map((n, level) => ({ coords: [...coords(a), String(level)], n, r })),
    );
    const hiddenCells = protect(
      levelCells,
      k,
      levelCells.flatMap((c, i) => (hiddenRows.has(c.r) ? [i] : [])),
    );
    const hiddenByRow = accs.map((a) => a.levels.map(() => false));
    levelCells.forEach((c, i) => {
      if (hiddenCells.has(i)) hiddenByRow[c.r][Number(c.coords[c.coords.length - 1])] = true;
    });

    const rows = accs.map((a, r): BreakdownRow => {
      const key: BreakdownRow['key'] = {};
      groupBy.forEach((d, i) => {
        key[d] = { code: a.keys[i], name: nameOf(g, d, a.keys[i]) };
      });
      const districtIdx = groupBy.indexOf('district');
      const row: BreakdownRow = {
        key,
        stats: hiddenRows.has(r) ? { suppressed: true } : statsOf(a, pillarCount, hiddenByRow[r]),
      };
      if (districtIdx >= 0 && a.keys[districtIdx] !== null) {
        const shared = [...g.districtsOf.entries()]
          .filter(([, ds]) => ds.length > 1 && ds.includes(a.keys[districtIdx]!))
          .map(([c]) => c);
        if (shared.length) row.sharedCommunes = shared;
      }
      return row;
    });
    const t = whole ? whole.accs[0] : sumOf(accs);
    let total: AnalyticsStats = { suppressed: true };
    if (t && t.n >= k) {
      const hiddenTotal = protect(
        t.levels.map((n, level) => ({ coords: [String(level)], n })),
        k,
      );
      total = statsOf(
        t,
        Math.max(pillarCount, whole?.pillarCount ?? 0),
        t.levels.map((_, i) => hiddenTotal.has(i)),
      );
    }
    return {
      frameworkVersion: { id: v.id, frameworkCode: v.frameworkCode, version: v.version },
      groupBy,
      suppressBelow: k,
      pillars: pillarsOf(
        { pillars: pillarDefs.map((p) => ({ code: p.code, name: { vi: p.nameVi, en: p.nameEn }, maxPoints: p.max })) },
        Math.max(pillarCount, whole?.pillarCount ?? 0),
      ),
      rows: sortRows(groupBy, rows),
      total,
    };
  }

  async function movers(actor: Actor, q: MoversQuery): Promise<MoversResult> {
    dxAnalyticsPolicy.assertCanRead(actor);
    if (q.fromYear === q.toYear) throw invalid([{ field: 'querystring.toYear', message: 'must differ from fromYear' }]);
    const v = await versionFor(q.frameworkVersionId);
    const base = { dimension: q.dimension, metric: q.metric, fromYear: q.fromYear, toYear: q.toYear, suppressBelow };
    if (!v) return { ...base, rising: [], falling: [] };
    const { g, accs } = await aggregate(
      v.id,
      [q.dimension, 'year'],
      filterOf(v.id, { ...q, year: [q.fromYear, q.toYear] }),
      { pillars: false },
    );
    const metric = (a: Acc) => (q.metric === 'meanTotal' ? a.sumTotal / a.n : a.sumLevel / a.n);
    const byKey = new Map<string | null, { from?: number; to?: number }>();
    // only groups published in both years (n ≥ threshold) take part: a mean of fewer is never shown
    for (const a of accs) {
      if (a.n < suppressBelow) continue;
      const e = byKey.get(a.keys[0]) ?? {};
      if (a.keys[1] === String(q.fromYear)) e.from = metric(a);
      else e.to = metric(a);
      byKey.set(a.keys[0], e);
    }
    const moved = [...byKey.entries()]
      .filter(([code, e]) => code !== null && e.from !== undefined && e.to !== undefined)
      .map(([code, e]) => ({
        key: { code, name: nameOf(g, q.dimension, code) },
        from: round(e.from!),
        to: round(e.to!),
        change: round(e.to! - e.from!),
      }));
    return {
      ...base,
      rising: moved
        .filter((m) => m.change > 0)
        .sort((a, b) => b.change - a.change)
        .slice(0, q.limit),
      falling: moved
        .filter((m) => m.change < 0)
        .sort((a, b) => a.change - b.change)
        .slice(0, q.limit),
    };
  }

  async function options(actor: Actor): Promise<AnalyticsOptions> {
    dxAnalyticsPolicy.assertCanRead(actor);
    const [g, versions] = await Promise.all([geography(), repo.frameworkVersions(db)]);
    const def = await versionFor(undefined);
    return {
      frameworkVersions: versions,
      defaultFrameworkVersionId: def?.id ?? null,
      years: await repo.years(db, def?.id ?? null),
      communes: [...g.communes.values()].map((c) => ({ code: c.code, gso: c.code.replace(/^HN\./, ''), name: c.name })),
      districts: [...g.districts.values()],
      sectors: [...g.sectors.entries()].map(([code, s]) => ({ code, ...s })),
      suppressBelow,
    };
  }

  return { breakdown, movers, options, yearsOf: (id: string) => repo.years(db, id) };
}
export type DxAnalyticsService = ReturnType<typeof createDxAnalyticsService>;
/** What one scored assessment adds to the rollup (dx-assessments computes it). */
export type { ScoredFacts } from './rollup.repo.js';
