/** Closed vocabularies of program monitoring (indicators, tasks, reports): codes in the API, labels in the UI. */
export const measureUnits = ['count', 'vnd', 'percent', 'people', 'enterprises', 'other'] as const;
export type MeasureUnit = (typeof measureUnits)[number];

/** How values combine over the periods of a year: a flow adds up, a stock keeps its latest value, a rate averages. */
export const periodAggregations = ['sum', 'latest', 'average'] as const;
export type PeriodAggregation = (typeof periodAggregations)[number];

/** How unit values roll up to the city. */
export const unitAggregations = ['sum', 'average'] as const;
export type UnitAggregation = (typeof unitAggregations)[number];

export const periodTypes = ['year', 'quarter'] as const;
export type PeriodType = (typeof periodTypes)[number];

export const directions = ['higher', 'lower'] as const;
export type Direction = (typeof directions)[number];

export const trafficLights = ['green', 'amber', 'red', 'none'] as const;
export type TrafficLight = (typeof trafficLights)[number];

export const taskStatuses = ['not_started', 'in_progress', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const reportStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportActions = ['save', 'submit', 'approve', 'return', 'revise', 'import'] as const;
export type ReportAction = (typeof reportActions)[number];

export const timelinessStates = ['on_time', 'late', 'missing', 'pending'] as const;
export type Timeliness = (typeof timelinessStates)[number];

export const roundStatuses = ['open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** The last day of a round's period (`YYYY-MM-DD`): 31/12 of its year, or the end of its quarter. */
export function periodEndDate(r: { periodType: PeriodType; year: number; quarter: number | null }): string {
  if (r.periodType !== 'quarter' || !r.quarter) return `${r.year}-12-31`;
  return `${r.year}-${['03-31', '06-30', '09-30', '12-31'][r.quarter - 1]}`;
}

/**
 * An open round the secretariat can close: every unit's report approved and its period over (a round closed early
 * would shut out a revision still due for the period).
 */
export function isReadyToClose(
  r: { status: RoundStatus; periodType: PeriodType; year: number; quarter: number | null },
  counts: { expected: number; approved: number },
  today: string,
): boolean {
  return r.status === 'open' && counts.expected > 0 && counts.approved === counts.expected && periodEndDate(r) < today;
}

/** Default traffic-light thresholds (percent of target reached) when neither the indicator nor its program sets them. */
export const DEFAULT_THRESHOLDS = { green: 90, amber: 70 } as const;
