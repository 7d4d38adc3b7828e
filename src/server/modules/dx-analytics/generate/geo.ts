import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { communeCode, oldCommuneCode, parseCsv } from '../../../db/reference/load-reference.js';
import type { GeoData } from './generate.js';

const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/reference');
const read = async (f: string) => parseCsv(await readFile(path.join(referenceDir, f), 'utf8'));

/** Communes, pre-2025 communes (split or not) and VSIC divisions from the reference files, as org-unit codes. */
export async function loadGeo(): Promise<GeoData> {
  const [communes, crosswalk, divisions] = await Promise.all([
    read('hanoi-communes-2025.csv'),
    read('hanoi-crosswalk-2025.csv'),
    read('vsic-2018-divisions.csv'),
  ]);
  const links = new Map<string, number>();
  for (const l of crosswalk) {
    const code = oldCommuneCode(l.old_district_code, l.old_commune_code);
    links.set(code, (links.get(code) ?? 0) + 1);
  }
  const bySection: Record<string, string[]> = {};
  for (const d of divisions) (bySection[d.section] ??= []).push(d.code);
  return {
    communes: communes.map((c) => ({ code: communeCode(c.code), kind: c.kind })),
    oldCommunes: [...links.entries()].map(([code, n]) => ({ code, split: n > 1 })),
    divisions: bySection,
  };
}
