import type { Reasoned } from '../error-reasons.js';
import type { AppliesTo, FrameworkGeneration } from './framework-format.js';

/** A framework version's generation; a definition without one is `custom`. */
export const generationOf = (v: { generation?: FrameworkGeneration | null }): FrameworkGeneration =>
  v.generation ?? 'custom';

/**
 * Whether two framework versions' results may be compared or averaged: the same national generation, or — for
 * `custom` frameworks, which share no lineage — the same framework code. Versions of one framework within one
 * generation compare; QĐ 1970 (2021) against QĐ 1567 (2025) never does, nor DBI-SME against EU DMA.
 */
export function sameGeneration(
  a: { code: string; generation?: FrameworkGeneration | null },
  b: { code: string; generation?: FrameworkGeneration | null },
): boolean {
  const ga = generationOf(a);
  if (ga !== generationOf(b)) return false;
  return ga !== 'custom' || a.code === b.code;
}

export interface FirmProfile {
  /** a SizeClass; any other value (or null) never matches */
  sizeClass: string | null;
  /** VSIC section letter (A–U) */
  vsicSection: string | null;
}

/** Why a framework does not apply to a firm, or null when it does (no `appliesTo`: every firm). */
export function notApplicable(
  rule: AppliesTo | undefined,
  firm: FirmProfile,
): { field: 'sizeClass' | 'vsicSection'; allowed: string[]; actual: string | null } | null {
  if (!rule) return null;
  if (!firm.sizeClass || !(rule.sizeClasses as string[]).includes(firm.sizeClass))
    return { field: 'sizeClass', allowed: [...rule.sizeClasses], actual: firm.sizeClass };
  if (rule.vsicSections && (!firm.vsicSection || !rule.vsicSections.includes(firm.vsicSection.toUpperCase())))
    return { field: 'vsicSection', allowed: [...rule.vsicSections], actual: firm.vsicSection };
  return null;
}

/** The refusal both the start and the import give for a framework not meant for the firm: reason and its values. */
export function applicabilityReason(
  def: { code: string; appliesTo?: AppliesTo },
  firm: { sizeClass: string | null; sectorCode: string | null },
): Reasoned | null {
  const why = notApplicable(def.appliesTo, { sizeClass: firm.sizeClass, vsicSection: firm.sectorCode });
  if (!why) return null;
  return {
    reason: 'FRAMEWORK_NOT_APPLICABLE',
    params: { framework: def.code, actual: why.actual ?? '—', allowed: why.allowed.join(', ') },
  };
}
