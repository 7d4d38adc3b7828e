import type { FrameworkSummary } from '../../api/types';

type Ref = { code: string; version: number };

/**
 * The version an assessment on `current` can be re-scored onto: the newest *published* version of the same framework
 * above it on which the enterprise has no assessment for that year yet (the API refuses the others), or null.
 */
export function rescoreTarget(
  frameworks: readonly FrameworkSummary[] | undefined,
  current: Ref,
  sameYear: readonly { framework: Ref }[] = [],
): number | null {
  const f = frameworks?.find((x) => x.code === current.code);
  const taken = new Set(sameYear.filter((s) => s.framework.code === current.code).map((s) => s.framework.version));
  const open = (f?.versions ?? [])
    .filter((v) => v.status === 'published' && v.version > current.version && !taken.has(v.version))
    .map((v) => v.version);
  return open.length ? Math.max(...open) : null;
}
