// Gate: a module reads and writes only its own tables (src/server/db/schema/owners.ts); the others go through its
// service. Found from the source: table objects imported from db/schema, and table names in raw SQL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getTableName, is, Table } from 'drizzle-orm';
import * as schema from './schema/index.js';
import { SHARED_READS, TABLE_OWNERS, type TableName } from './schema/owners.js';

const MODULES = join(import.meta.dirname, '../modules');
const TEST_FILE = /(\.test\.ts|test-helpers\.ts|test-fixtures\.ts)$/;

const tables = Object.entries(schema).filter(([, v]) => is(v, Table)) as [string, Table][];
const sqlName = new Map(tables.map(([k, t]) => [getTableName(t), k as TableName]));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !TEST_FILE.test(p) ? [p] : [];
  });
}

const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

interface Use {
  file: string;
  module: string;
  table: TableName;
  write: boolean;
}

/** Every table a source file touches, and whether it writes it. */
export function tableUses(file: string, text: string, module: string): Use[] {
  const src = stripComments(text);
  const uses: Use[] = [];
  const imported = new Set<string>();
  for (const m of src.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"][^'"]*\/db\/schema(?:\/[\w-]+)?\.js['"]/g,
  ))
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0];
      if (name in TABLE_OWNERS) imported.add(name);
    }
  for (const name of imported) {
    const write = new RegExp(`\\.(insert|update|delete)\\(\\s*${name}\\b`).test(src);
    uses.push({ file, module, table: name as TableName, write });
  }
  for (const [sqlTable, name] of sqlName) {
    const read = new RegExp(`\\b(from|join)\\s+"?${sqlTable}"?\\b`, 'i').test(src);
    const write = new RegExp(`\\b(insert\\s+into|update|delete\\s+from|copy)\\s+"?${sqlTable}"?\\b`, 'i').test(src);
    if (read || write) uses.push({ file, module, table: name, write });
  }
  return uses;
}

const uses = walk(MODULES).flatMap((file) => {
  const rel = relative(MODULES, file);
  return tableUses(rel, readFileSync(file, 'utf8'), rel.split('/')[0]);
});
const foreign = uses.filter((u) => TABLE_OWNERS[u.table] !== u.module);

describe('table ownership', () => {
  it('names an owner for every table of the schema, and only tables', () => {
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables.map(([k]) => k).sort());
  });

  it('finds the tables a file uses, imported or in raw SQL (the detector can fail)', () => {
    const src = `import { inspections, users as u } from '../../db/schema/index.js';
      // a comment that says: select from follow_ups
      await db.update(inspections).set({});
      await db.execute(sql\`select 1 from dx_rollups_city join vsic_codes v on true\`);
      await db.execute(sql\`insert into unit_reports (id) values (1)\`);`;
    const got = tableUses('x.ts', src, 'm').map((u) => `${u.table}${u.write ? ' (write)' : ''}`);
    expect(got.sort()).toEqual(['dxRollupsCity', 'inspections (write)', 'unitReports (write)', 'users', 'vsicCodes']);
  });

  it("no module writes another module's table", () => {
    const writes = foreign.filter((u) => u.write).map((u) => `${u.file} writes ${u.table} (${TABLE_OWNERS[u.table]})`);
    expect(writes).toEqual([]);
  });

  // no exception list: another module's rows come in as the subquery its service builds (docs/architecture.md)
  it("no module reads another module's table but the shared directory", () => {
    const reads = foreign
      .filter((u) => !SHARED_READS.includes(u.table))
      .map(
        (u) =>
          `${u.file} reads ${u.table}: ask the ${TABLE_OWNERS[u.table]} service (a method, or a subquery it builds to join)`,
      );
    expect(reads).toEqual([]);
  });
});
