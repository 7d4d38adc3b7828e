import { z } from 'zod';
import {
  directions,
  measureUnits,
  periodAggregations,
  periodTypes,
  trafficLights,
  unitAggregations,
} from '../monitoring-domain.js';
import { pageQuery, searchQuery, shortText, uuidField, versionField, year } from '../fields.js';
import { because } from '../error-reasons.js';

export const indicatorCode = z
  .string()
  .trim()
  .min(1, because('NOT_EMPTY'))
  .max(40)
  .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, because('CODE_STARTS_WITH_LETTER'));
/** A reported or target figure: finite, within what a VND budget of the city can reach. */
export const figure = z
  .number({ message: because('MUST_BE_NUMBER') })
  .min(-1e15)
  .max(1e15);
const pct = z.number().min(0).max(1000);

const ref = z.object({ id: z.uuid(), name: z.string() });

export const targetInput = z.strictObject({ year, orgUnitId: uuidField.nullable().optional(), value: figure });

const indicatorFields = {
  planId: uuidField.nullable().optional(),
  code: indicatorCode,
  nameVi: shortText(300),
  nameEn: shortText(300).nullable().optional(),
  measureUnit: z.enum(measureUnits),
  periodType: z.enum(periodTypes),
  periodAggregation: z.enum(periodAggregations),
  unitAggregation: z.enum(unitAggregations),
  direction: z.enum(directions),
  formula: z.string().trim().max(500).nullable().optional(),
  baselineYear: year.nullable().optional(),
  baselineValue: figure.nullable().optional(),
  greenPct: pct.nullable().optional(),
  amberPct: pct.nullable().optional(),
  responsibleOrgUnitIds: z.array(uuidField).max(200).optional(),
  targets: z.array(targetInput).max(500).optional(),
};

export const indicatorInput = z.strictObject({ programId: uuidField, ...indicatorFields });
export type IndicatorInput = z.infer<typeof indicatorInput>;
export const indicatorPatch = z.strictObject(indicatorFields).partial().extend({ version: versionField });
export type IndicatorPatch = Omit<z.infer<typeof indicatorPatch>, 'version'>;

export const indicatorListQuery = z.strictObject({
  programId: uuidField.optional(),
  planId: uuidField.optional(),
  orgUnitId: uuidField.optional(),
  q: searchQuery,
  ...pageQuery,
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;

export const indicator = z.object({
  id: z.uuid(),
  /** +1 on every change of the indicator, its units or its targets: the version a PATCH names */
  version: z.number().int(),
  programId: z.uuid(),
  plan: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  measureUnit: z.enum(measureUnits),
  periodType: z.enum(periodTypes),
  periodAggregation: z.enum(periodAggregations),
  unitAggregation: z.enum(unitAggregations),
  direction: z.enum(directions),
  formula: z.string().nullable(),
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable(),
  greenPct: z.number().nullable(),
  amberPct: z.number().nullable(),
  isDemo: z.boolean(),
  responsibleUnits: z.array(ref),
  targets: z.array(z.object({ year: z.number().int(), orgUnitId: z.uuid().nullable(), value: z.number() })),
});
export type Indicator = z.infer<typeof indicator>;

/** One year of an indicator: target, actual from approved reports, attainment and light. */
export const indicatorYear = z.object({
  year: z.number().int(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  attainmentPct: z.number().nullable(),
  light: z.enum(trafficLights),
  reason: z.string().nullable(),
});
export type IndicatorYear = z.infer<typeof indicatorYear>;
