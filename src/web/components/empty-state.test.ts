import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.tsx') ? [p] : [];
  });

describe('empty states say what is empty (issue 15: not antd’s bare "Trống")', () => {
  it('no antd <Empty> without a description anywhere in the web app', () => {
    const bare = sources(WEB).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<Empty\b[^>]*?\/?>/gs)]
        .filter((m) => !m[0].includes('description='))
        .map((m) => `${relative(WEB, file)}: ${m[0]}`),
    );
    expect(bare).toEqual([]);
  });
});
