import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import type { OrgUnitKind } from '../../../shared/contracts/org-units.js';
import type { Db } from '../client.js';
import { orgUnits, orgUnitSuccessors, vsicCodes } from '../schema/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REFORM_DATE = '2025-07-01';
export const CITY_CODE = 'HN';

/** Codes: `HN` city, `HN.D001` pre-2025 district, `HN.D001.00004` pre-2025 commune, `HN.00004` commune from 2025-07-01. */
export const districtCode = (gso: string) => `${CITY_CODE}.D${gso}`;
export const oldCommuneCode = (district: string, gso: string) => `${districtCode(district)}.${gso}`;
export const communeCode = (gso: string) => `${CITY_CODE}.${gso}`;

/** Minimal RFC 4180 reader: the reference files quote only where needed. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

const readCsv = async (name: string) => parseCsv(await readFile(path.join(here, name), 'utf8'));

interface UnitSeed { code: string; name: string; kind: OrgUnitKind; parentCode?: string; shortName?: string; validFrom?: string; validTo?: string }

/** The city's standing bodies named in the source article; real institutions, so not demo data. */
const cityBodies: UnitSeed[] = [
  { code: 'HN', name: 'Thành phố Hà Nội', kind: 'city' },
  { code: 'HN.TU', name: 'Thành ủy Hà Nội', kind: 'party_committee', parentCode: 'HN', shortName: 'Thành ủy' },
  { code: 'HN.UBND', name: 'Ủy ban nhân dân thành phố Hà Nội', kind: 'people_committee', parentCode: 'HN', shortName: 'UBND Thành phố' },
  { code: 'HN.TU.BTG', name: 'Ban Tuyên giáo Thành ủy', kind: 'party_committee', parentCode: 'HN.TU', shortName: 'Ban Tuyên giáo' },
  { code: 'HN.SKHCN', name: 'Sở Khoa học và Công nghệ', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở KH&CN' },
  { code: 'HN.STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở TT&TT' },
  { code: 'HN.STC', name: 'Sở Tài chính', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở Tài chính' },
  { code: 'HN.SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở KH&ĐT' },
  { code: 'HN.SNV', name: 'Sở Nội vụ', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở Nội vụ' },
  { code: 'HN.SCT', name: 'Sở Công Thương', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở Công Thương' },
  { code: 'HN.SYT', name: 'Sở Y tế', kind: 'department', parentCode: 'HN.UBND', shortName: 'Sở Y tế' },
  { code: 'HN.SKHDT.TTHTDN', name: 'Trung tâm Hỗ trợ doanh nghiệp Hà Nội', kind: 'center', parentCode: 'HN.SKHDT', shortName: 'TT Hỗ trợ DN' },
];

/**
 * Loads the reference org units (city bodies, 30 pre-2025 districts and their 526 communes,
 * the 126 communes from 2025-07-01) and the 2025 crosswalk. Idempotent: safe on every start.
 */
export async function loadReferenceData(db: Db): Promise<{ inserted: number }> {
  const [districts, communes, crosswalk] = await Promise.all([
    readCsv('hanoi-districts-2019-2025.csv'), readCsv('hanoi-communes-2025.csv'), readCsv('hanoi-crosswalk-2025.csv'),
  ]);
  const units: UnitSeed[] = [...cityBodies];
  for (const d of districts) {
    units.push({ code: districtCode(d.code), name: d.name, kind: 'district', parentCode: CITY_CODE, validTo: d.valid_to });
  }
  const oldSeen = new Set<string>();
  for (const link of crosswalk) {
    const code = oldCommuneCode(link.old_district_code, link.old_commune_code);
    if (oldSeen.has(code)) continue;
    oldSeen.add(code);
    units.push({ code, name: link.old_commune_name, kind: 'commune', parentCode: districtCode(link.old_district_code), validTo: '2025-06-30' });
  }
  for (const c of communes) {
    units.push({ code: communeCode(c.code), name: c.name, kind: 'commune', parentCode: CITY_CODE, validFrom: REFORM_DATE });
  }

  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((r) => [r.code, r.id]));
    const missing = units.filter((u) => !existing.has(u.code));
    // parents come before children in `units`, so one pass in order resolves every parent
    for (let i = 0; i < missing.length; i += 500) {
      const batch = missing.slice(i, i + 500);
      const rows = await tx.insert(orgUnits).values(batch.map((u) => ({
        code: u.code, name: u.name, kind: u.kind, shortName: u.shortName ?? null,
        parentId: u.parentCode ? existing.get(u.parentCode) ?? null : null,
        validFrom: u.validFrom ?? null, validTo: u.validTo ?? null,
        searchText: foldText(u.name, u.shortName, u.code),
      }))).returning({ id: orgUnits.id, code: orgUnits.code });
      for (const r of rows) existing.set(r.code, r.id);
      // a batch may hold children of its own members: fix their parent links now
      for (const u of batch) {
        if (u.parentCode && !existing.get(u.parentCode)) throw new Error(`reference data: unknown parent ${u.parentCode}`);
      }
      await fixParents(tx, batch, existing);
    }
    if (missing.length) {
      const links = crosswalk.map((l) => ({
        predecessorId: existing.get(oldCommuneCode(l.old_district_code, l.old_commune_code))!,
        successorId: existing.get(communeCode(l.new_code))!,
        share: l.share as 'whole' | 'part',
        effectiveDate: REFORM_DATE,
      }));
      for (let i = 0; i < links.length; i += 500) {
        await tx.insert(orgUnitSuccessors).values(links.slice(i, i + 500)).onConflictDoNothing();
      }
    }
    await loadVsic2018(tx);
    return { inserted: missing.length };
  });
}

/** VSIC 2018 sections (A–U) and divisions; versioned, so VSIC 2025 can sit beside it. Idempotent. */
async function loadVsic2018(tx: Db) {
  const [sections, divisions] = await Promise.all([readCsv('vsic-2018-sections.csv'), readCsv('vsic-2018-divisions.csv')]);
  const names = new Map(sections.map((s) => [s.code, s.name_en]));
  const rows = [
    ...sections.map((s) => ({ version: 'VSIC2018', code: s.code, level: 1, sectionCode: s.code, nameVi: s.name_vi, nameEn: s.name_en })),
    // the source has no English division titles: fall back to the Vietnamese one, tagged with its section's English title
    ...divisions.map((d) => ({ version: 'VSIC2018', code: d.code, level: 2, sectionCode: d.section, nameVi: d.name_vi, nameEn: `${d.name_vi} (${names.get(d.section) ?? d.section})` })),
  ];
  await tx.insert(vsicCodes).values(rows).onConflictDoNothing();
}

async function fixParents(tx: Db, batch: UnitSeed[], ids: Map<string, string>) {
  const pairs = batch.filter((u) => u.parentCode).map((u) => sql`(${ids.get(u.code)!}::uuid, ${ids.get(u.parentCode!)!}::uuid)`);
  if (!pairs.length) return;
  await tx.execute(sql`update org_units o set parent_id = v.parent_id
    from (values ${sql.join(pairs, sql`, `)}) as v(id, parent_id) where o.id = v.id and o.parent_id is distinct from v.parent_id`);
}
