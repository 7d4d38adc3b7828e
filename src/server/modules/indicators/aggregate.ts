import type { PeriodAggregation, UnitAggregation } from '../../../shared/monitoring-domain.js';

/** One reported value: a unit, a period key that sorts in time order ('2024', '2024-Q1'…), and the number. */
export interface PeriodValue {
  orgUnitId: string;
  period: string;
  value: number;
}

/** Combines the periods of one unit: sum adds, latest keeps the last period's value, average takes the mean. */
export function aggregatePeriods(values: { period: string; value: number }[], rule: PeriodAggregation): number | null {
  if (!values.length) return null;
  if (rule === 'sum') return values.reduce((s, v) => s + v.value, 0);
  if (rule === 'average') return values.reduce((s, v) => s + v.value, 0) / values.length;
  return [...values].sort((a, b) => a.period.localeCompare(b.period)).at(-1)!.value;
}

/** Rolls unit totals up to the city: sum, or the mean of the units that reported. */
export function aggregateUnits(values: number[], rule: UnitAggregation): number | null {
  if (!values.length) return null;
  const total = values.reduce((s, v) => s + v, 0);
  return rule === 'sum' ? total : total / values.length;
}

/** Per unit first (over its periods), then over units: the order DHIS2 uses, so a stock is not summed over quarters. */
export function rollUp(
  values: PeriodValue[],
  periodRule: PeriodAggregation,
  unitRule: UnitAggregation,
): { total: number | null; byUnit: Map<string, number> } {
  const perUnit = new Map<string, { period: string; value: number }[]>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue;
    const list = perUnit.get(v.orgUnitId) ?? [];
    list.push(v);
    perUnit.set(v.orgUnitId, list);
  }
  const byUnit = new Map<string, number>();
  for (const [unit, list] of perUnit) byUnit.set(unit, aggregatePeriods(list, periodRule)!);
  return { total: aggregateUnits([...byUnit.values()], unitRule), byUnit };
}
