import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TableColumnsType } from 'antd';
import { describe, expect, it } from 'vitest';
import { keyColumnsFirst } from './data-table';

const webRoot = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx$/.test(e.name) && !/\.test\.tsx$/.test(e.name) ? [p] : [];
  });
}

/**
 * Tables that fit a 390 px phone as they are (two or three narrow columns): every other table names its phone
 * columns, so a list on a phone shows what identifies a row and its status and deadline without sideways scrolling.
 */
const FITS_A_PHONE = new Set([
  'features/audit-events/audit-diff.tsx', // field, before, after: the event's own detail
  'features/dx-assessments/report-page.tsx', // pillar, score, share, level: short numbers
]);

describe('DataTable on a phone', () => {
  it('keeps the key columns, in the order given, and lets them share the screen (no desktop widths)', () => {
    const columns: TableColumnsType<{ a: string }> = [
      { title: 'A', dataIndex: 'a', width: 300 },
      { title: 'B', key: 'b', width: 200, fixed: 'left' },
      { title: 'C', key: 'c', width: 150 },
    ];
    const phone = keyColumnsFirst(columns, ['c', 'a', 'missing']);
    expect(phone.map((c) => c.title)).toEqual(['C', 'A']);
    expect(phone.map((c) => c.width)).toEqual([undefined, undefined]);
    expect(phone.map((c) => c.fixed)).toEqual([undefined, undefined]);
  });

  it('every list names its phone columns', () => {
    const missing = sources(path.join(webRoot, 'features')).flatMap((file) => {
      const rel = path.relative(webRoot, file).split(path.sep).join('/');
      if (FITS_A_PHONE.has(rel)) return [];
      const text = readFileSync(file, 'utf8');
      // each `<DataTable` element up to the end of its opening tag's props (the next `/>` or a line with only `>`)
      return [...text.matchAll(/<DataTable\b[\s\S]*?(?:\/>|\n\s*>\n)/g)]
        .filter((m) => !m[0].includes('phoneColumns='))
        .map((m) => `${rel}:${text.slice(0, m.index).split('\n').length}`);
    });
    expect(missing).toEqual([]);
  });
});
