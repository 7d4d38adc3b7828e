export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** VSIC sections A–F: agriculture, forestry and fisheries; industry and construction. The rest: trade and services. */
export type SectorGroup = 'agri_industry_construction' | 'trade_services';
export const sectorGroupOf = (section: string): SectorGroup =>
  /^[A-F]$/.test(section.toUpperCase()) ? 'agri_industry_construction' : 'trade_services';

const BN = 1_000_000_000;
interface Limit {
  employees: number;
  revenue: number;
  capital: number;
}
/** Decree 80/2021/NĐ-CP, Art. 5: ceilings per class, by sector group. */
const LIMITS: Record<SectorGroup, Record<Exclude<SizeClass, 'large'>, Limit>> = {
  agri_industry_construction: {
    micro: { employees: 10, revenue: 3 * BN, capital: 3 * BN },
    small: { employees: 100, revenue: 50 * BN, capital: 20 * BN },
    medium: { employees: 200, revenue: 200 * BN, capital: 100 * BN },
  },
  trade_services: {
    micro: { employees: 10, revenue: 10 * BN, capital: 3 * BN },
    small: { employees: 50, revenue: 100 * BN, capital: 50 * BN },
    medium: { employees: 100, revenue: 300 * BN, capital: 100 * BN },
  },
};

export interface SizeClassResult {
  sizeClass: SizeClass;
  group: SectorGroup;
  /** The ceiling the enterprise fits (null for large), so the UI can say why. */
  limit: Limit | null;
  /** Which financial test passed: revenue, capital, or both. */
  by: ('revenue' | 'capital')[];
}

/**
 * The smallest class whose employee ceiling holds AND whose revenue OR capital ceiling holds.
 * Employees are those with social insurance; money in VND.
 */
export function computeSizeClass(
  section: string,
  employees: number,
  revenueVnd: number,
  capitalVnd: number,
): SizeClassResult {
  const group = sectorGroupOf(section);
  for (const cls of ['micro', 'small', 'medium'] as const) {
    const limit = LIMITS[group][cls];
    if (employees > limit.employees) continue;
    const by = [
      ...(revenueVnd <= limit.revenue ? ['revenue' as const] : []),
      ...(capitalVnd <= limit.capital ? ['capital' as const] : []),
    ];
    if (by.length) return { sizeClass: cls, group, limit, by };
  }
  return { sizeClass: 'large', group, limit: null, by: [] };
}
