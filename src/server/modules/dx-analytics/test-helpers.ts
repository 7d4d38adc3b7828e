import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dxFrameworks, dxFrameworkVersions, orgUnits } from '../../db/schema/index.js';
import { unique } from '../../test/test-app.js';
import { applyRollupChange, type ScoredFacts } from './rollup.repo.js';

/** A published framework version of its own, so each test's rollup rows are its own. */
export async function testFrameworkVersion(db: Db, pillars = 2) {
  const code = unique('FW').toUpperCase();
  const [fw] = await db.insert(dxFrameworks).values({ code, nameVi: `Khung ${code}`, nameEn: `Framework ${code}` }).returning();
  const definition = { pillars: Array.from({ length: pillars }, (_, i) => ({ code: `P${i + 1}`, name: { vi: `Trụ cột ${i + 1}`, en: `Pillar ${i + 1}` } })) };
  const [v] = await db.insert(dxFrameworkVersions).values({
    frameworkId: fw.id, version: 1, status: 'published', definition, definitionSha256: code, publishedAt: new Date(),
  }).returning();
  return v.id;
}

export async function unitIds(db: Db, codes: string[]): Promise<Record<string, string>> {
  const rows = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, codes));
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

export async function unitId(db: Db, code: string) {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  return row.id;
}

/** Adds `count` scored assessments with the same facts to the rollup. */
export async function addScored(db: Db, facts: ScoredFacts, count = 1) {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) await applyRollupChange(tx, null, facts);
  });
}
