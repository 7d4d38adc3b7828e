import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflict, immutable, invalid } from './errors.js';

/** Every non-test .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    // tests and their fixtures hold sample data, not errors
    return e.name.endsWith('.ts') &&
      !/\.test\.ts$|^test-|^test$/.test(e.name) &&
      !p.includes(`${path.sep}test${path.sep}`)
      ? [p]
      : [];
  });
}

const root = path.resolve(import.meta.dirname, '../..');
const files = [...sources(path.join(root, 'server')), ...sources(path.join(root, 'shared'))].map((f) => ({
  file: path.relative(root, f),
  text: readFileSync(f, 'utf8'),
}));

/** `file:line: text` of every match of `re` (global) in the sources, except in `skip`. */
function hits(re: RegExp, skip: (file: string) => boolean = () => false): string[] {
  return files
    .filter((f) => !skip(f.file))
    .flatMap(({ file, text }) =>
      [...text.matchAll(re)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}: ${m[0].trim()}`),
    );
}

describe('errors carry reasons, not prose (so the web can translate every one)', () => {
  it('conflict() and immutable() are given a reason code', () => {
    // the first argument, up to its comma: any string literal in it must be an UPPER_SNAKE reason
    const prose = hits(/\b(?:conflict|immutable)\(([^,)]*)/g).filter((h) =>
      // compared values (`status === 'approved' ? …`) are not messages
      [...h.replace(/[!=]==\s*(['"`]).*?\1/g, '').matchAll(/(['"`])(.*?)\1/g)].some(
        (m) => !/^[A-Z][A-Z0-9_]*$/.test(m[2]),
      ),
    );
    expect(prose).toEqual([]);
  });

  it('no field issue is written as prose: no `message:` string literal in an issue or a zod rule', () => {
    // the error handler's own fixed texts (Internal error, Already exists…) and the configuration check (the operator
    // reads it in the log at start; it never reaches an API response) are the only exceptions
    const exempt = [path.join('server', 'http', 'errors.ts'), path.join('server', 'config.ts')];
    expect(hits(/\bmessage:\s*[`'"]/g, (f) => exempt.includes(f))).toEqual([]);
  });

  it('zod rules in src/shared name a reason: because(...), not an English message', () => {
    const rule = /\.(?:min|max|regex|refine|int|length)\((?:[^()]|\([^()]*\))*?,\s*['"`][^'"`]*['"`]\s*\)/g;
    expect(hits(rule, (f) => !f.startsWith('shared'))).toEqual([]);
  });

  it('the helpers accept only catalogue reasons (tsc rejects prose)', () => {
    // never called: these lines exist for tsc, which fails the gate if prose were ever accepted again
    const proseIsRejected = () => [
      // @ts-expect-error: prose is not an ErrorReason; add the reason to src/shared/error-reasons.ts instead
      conflict('A plan with this code exists'),
      // @ts-expect-error: same for immutable()
      immutable('This report is under review'),
      // @ts-expect-error: and a field issue needs a `reason`, not a `message`
      invalid([{ field: 'body.code', message: 'no such program' }]),
    ];
    expect(typeof proseIsRejected).toBe('function');
    const e = conflict('CODE_TAKEN', { field: 'body.code' });
    expect(e).toMatchObject({ status: 409, message: 'This code is already used' });
    expect(e.details).toEqual({ field: 'body.code', reason: 'CODE_TAKEN' });
  });
});
