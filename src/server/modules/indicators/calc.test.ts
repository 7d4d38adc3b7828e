import { describe, expect, it } from 'vitest';
import { aggregatePeriods, aggregateUnits, rollUp } from './aggregate.js';
import { attainmentPercent, resolveThresholds, trafficLight } from './attainment.js';
import { evaluateFormula, formulaRefs, FormulaError, parseFormula } from './formula.js';

describe('aggregation over periods and units', () => {
  const q = [
    { period: '2024-Q2', value: 5 },
    { period: '2024-Q1', value: 3 },
    { period: '2024-Q4', value: 10 },
  ];
  it('sum adds the periods, latest keeps the last one in time order, average takes the mean', () => {
    expect(aggregatePeriods(q, 'sum')).toBe(18);
    expect(aggregatePeriods(q, 'latest')).toBe(10);
    expect(aggregatePeriods(q, 'average')).toBe(6);
    expect(aggregatePeriods([], 'sum')).toBeNull();
  });
  it('rolls units up to the city: sum or mean of the units that reported', () => {
    expect(aggregateUnits([1, 2, 6], 'sum')).toBe(9);
    expect(aggregateUnits([1, 2, 6], 'average')).toBe(3);
    expect(aggregateUnits([], 'average')).toBeNull();
  });
  it('aggregates each unit over its periods before rolling up, so a stock is not added over quarters', () => {
    const values = [
      { orgUnitId: 'a', period: '2024-Q1', value: 10 },
      { orgUnitId: 'a', period: '2024-Q2', value: 12 },
      { orgUnitId: 'b', period: '2024-Q1', value: 4 },
      { orgUnitId: 'b', period: '2024-Q2', value: 5 },
    ];
    const latest = rollUp(values, 'latest', 'sum');
    expect(latest.total).toBe(17);
    expect(latest.byUnit.get('a')).toBe(12);
    expect(rollUp(values, 'sum', 'sum').total).toBe(31);
    expect(rollUp(values, 'average', 'average').total).toBe((11 + 4.5) / 2);
    expect(rollUp([], 'sum', 'sum').total).toBeNull();
  });
});

describe('derived-indicator formulas', () => {
  const vals: Record<string, number | null> = { TRAINED: 18, TOTAL: 60, ZERO: 0, EMPTY: null, 'KH.A': 2 };
  const get = (c: string) => vals[c];
  it('evaluates + - * / with precedence, parentheses and unary minus', () => {
    expect(evaluateFormula('TRAINED / TOTAL * 100', get)).toEqual({ value: 30, reason: null });
    expect(evaluateFormula('(TRAINED + 2) * 2 - -1', get)).toEqual({ value: 41, reason: null });
    expect(evaluateFormula('1 + 2 * 3', get).value).toBe(7);
    expect(evaluateFormula('KH.A * 1.5', get).value).toBe(3);
  });
  it('gives null with a reason on division by zero or a missing value, never Infinity or NaN', () => {
    expect(evaluateFormula('TRAINED / ZERO', get)).toEqual({ value: null, reason: 'division_by_zero' });
    expect(evaluateFormula('ZERO / ZERO', get)).toEqual({ value: null, reason: 'division_by_zero' });
    expect(evaluateFormula('TRAINED / (TOTAL - 60)', get)).toEqual({ value: null, reason: 'division_by_zero' });
    expect(evaluateFormula('TRAINED / EMPTY', get)).toEqual({ value: null, reason: 'missing_value', code: 'EMPTY' });
    expect(evaluateFormula('UNKNOWN + 1', get)).toMatchObject({
      value: null,
      reason: 'missing_value',
      code: 'UNKNOWN',
    });
  });
  it('rejects anything outside the grammar, with the position, and never runs code', () => {
    for (const bad of ['', 'a +', '(a', 'a)', 'a ** b', 'alert(1)', 'a; b', '1 2', 'process.exit()', 'a[0]']) {
      expect(() => parseFormula(bad), bad).toThrow(FormulaError);
    }
    expect(evaluateFormula('constructor.constructor("x")()', get)).toEqual({ value: null, reason: 'invalid_formula' });
    expect(() => parseFormula('x'.repeat(501))).toThrow(FormulaError);
    expect(() => parseFormula('('.repeat(60) + '1' + ')'.repeat(60))).toThrow(/nested/);
  });
  it('lists the codes a formula reads', () => {
    expect(formulaRefs(parseFormula('A / (B + A) * C'))).toEqual(['A', 'B', 'C']);
  });
});

describe('attainment and traffic lights', () => {
  const t = { green: 90, amber: 70 };
  it('higher-is-better divides actual by target', () => {
    expect(attainmentPercent(23, 23, 'higher')).toBe(100);
    expect(trafficLight(attainmentPercent(20, 23, 'higher'), t)).toBe('amber');
    expect(trafficLight(attainmentPercent(10, 23, 'higher'), t)).toBe('red');
    expect(trafficLight(attainmentPercent(30, 23, 'higher'), t)).toBe('green');
  });
  it('lower-is-better divides target by actual', () => {
    expect(attainmentPercent(5, 10, 'lower')).toBe(200);
    expect(trafficLight(attainmentPercent(12, 10, 'lower'), t)).toBe('amber');
    expect(trafficLight(attainmentPercent(20, 10, 'lower'), t)).toBe('red');
    expect(attainmentPercent(0, 10, 'lower')).toBe(100);
  });
  it('has no light without an actual or a target, and never divides by a zero target', () => {
    expect(trafficLight(attainmentPercent(null, 10, 'higher'), t)).toBe('none');
    expect(trafficLight(attainmentPercent(5, null, 'higher'), t)).toBe('none');
    expect(attainmentPercent(5, 0, 'higher')).toBe(100);
  });
  it('thresholds come from the indicator, else the program, else 90/70', () => {
    expect(resolveThresholds({ greenPct: 95, amberPct: null }, { green: 80, amber: 60 })).toEqual({
      green: 95,
      amber: 60,
    });
    expect(resolveThresholds({ greenPct: null, amberPct: null }, null)).toEqual({ green: 90, amber: 70 });
    expect(trafficLight(85, resolveThresholds({ greenPct: null, amberPct: null }, { green: 80, amber: 60 }))).toBe(
      'green',
    );
  });
});
