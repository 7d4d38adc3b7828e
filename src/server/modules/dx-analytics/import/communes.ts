/**
 * Resolves a commune code as an enterprise records it: a commune from 2025-07-01 (`HN.00004`) is used as is;
 * a pre-2025 commune (`HN.D001.00004`) that passed whole to one new commune maps to it (`crosswalk`);
 * one that was split (`part`) is kept as recorded with no current commune (`needs_review`), for an
 * officer to resolve: never guessed.
 */
export type CommuneResolution =
  | {
      ok: true;
      communeId: string;
      currentCommuneId: string | null;
      resolution: 'direct' | 'crosswalk' | 'needs_review';
    }
  | { ok: false; reason: 'NO_SUCH_COMMUNE' };

export interface CommuneData {
  units: { id: string; code: string; validFrom: string | null; validTo: string | null }[];
  links: { from: string; to: string; share: string }[];
}

export function communeResolver(data: CommuneData): (code: string) => CommuneResolution {
  const byCode = new Map(data.units.map((u) => [u.code, u]));
  const successors = new Map<string, { to: string; share: string }[]>();
  for (const l of data.links) successors.set(l.from, [...(successors.get(l.from) ?? []), l]);
  return (code) => {
    const u = byCode.get(code.trim());
    if (!u) return { ok: false, reason: 'NO_SUCH_COMMUNE' };
    if (!u.validTo) return { ok: true, communeId: u.id, currentCommuneId: u.id, resolution: 'direct' };
    const next = successors.get(u.id) ?? [];
    if (next.length === 1 && next[0].share === 'whole')
      return { ok: true, communeId: u.id, currentCommuneId: next[0].to, resolution: 'crosswalk' };
    return { ok: true, communeId: u.id, currentCommuneId: null, resolution: 'needs_review' };
  };
}
