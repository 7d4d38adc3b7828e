import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '../../../shared/fields';

/**
 * The web never writes a role rule again (issue 9 §1): a page asks the record's `permissions` from the server, or,
 * before any record is loaded, `useCan()` / the helpers of this folder, which read the catalogue. Only this folder
 * and the router (which picks the routes a role may see) read src/shared/permissions.ts.
 */
const webRoot = path.resolve(import.meta.dirname, '../..');
const ALLOWED = [path.join('features', 'auth') + path.sep, 'routes.tsx', 'app.tsx'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}
const files = sources(webRoot)
  .map((f) => ({ file: path.relative(webRoot, f), text: readFileSync(f, 'utf8') }))
  .filter(({ file }) => !ALLOWED.some((a) => file.startsWith(a)));

function hits(re: RegExp): string[] {
  return files.flatMap(({ file, text }) =>
    [...text.matchAll(re)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}: ${m[0].trim()}`),
  );
}

const roleLiteral = `['"\`](?:${roles.join('|')})['"\`]`;

describe('no role checks in web code outside src/web/features/auth', () => {
  it('compares nothing with a role name (===, !==, case, includes)', () => {
    expect(
      hits(
        new RegExp(
          [
            `[!=]==?\\s*${roleLiteral}`,
            `${roleLiteral}\\s*[!=]==?`,
            `case\\s+${roleLiteral}\\s*:`,
            `\\[\\s*${roleLiteral}\\s*(?:,\\s*${roleLiteral}\\s*)*\\]\\s*\\.includes`,
          ].join('|'),
          'g',
        ),
      ),
    ).toEqual([]);
  });

  it('reads the catalogue only through src/web/features/auth (useCan, the record’s permissions)', () => {
    expect(hits(/from\s+['"][./]*(?:\.\.\/)*shared\/permissions['"]/g)).toEqual([]);
  });

  it('the scan sees the pages it guards (it cannot pass by reading nothing)', () => {
    expect(files.map((f) => f.file)).toContain(path.join('features', 'dx-assessments', 'questionnaire-page.tsx'));
    expect(files.length).toBeGreaterThan(50);
    // and it would catch the forms it forbids
    const probe = `if (role === 'enterprise') {}\nimport { roleMay } from '../../../shared/permissions';`;
    files.push({ file: 'probe.tsx', text: probe });
    try {
      const inProbe = (h: string[]) => h.filter((x) => x.startsWith('probe.tsx:'));
      expect(inProbe(hits(new RegExp(`[!=]==?\\s*${roleLiteral}`, 'g')))).toHaveLength(1);
      expect(inProbe(hits(/from\s+['"][./]*(?:\.\.\/)*shared\/permissions['"]/g))).toHaveLength(1);
    } finally {
      files.pop();
    }
  });
});
