// Gate: no import cycle between feature folders. A cycle means two features are one in disguise, or that a shared
// piece sits in one of them: move it to the feature that owns it, or to src/web/components or src/web/lib.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const FEATURES = import.meta.dirname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
  });
}

/** The feature folder a path lies in or names (`../auth` is auth's index.ts), if any. */
const featureOf = (path: string) => {
  const rel = relative(FEATURES, path);
  if (!rel || rel.startsWith('..') || (!rel.includes(sep) && /\.tsx?$/.test(rel))) return undefined;
  return rel.split(sep)[0];
};

/** Folder-level graph: feature → the other features its files import (static or dynamic, types included). */
export function featureGraph(files: { path: string; text: string }[]) {
  const graph = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const from = featureOf(path);
    if (!from) continue;
    const deps = graph.get(from) ?? new Set<string>();
    graph.set(from, deps);
    for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)) {
      const to = featureOf(resolve(dirname(path), m[1]));
      if (to && to !== from) deps.add(to);
    }
  }
  return graph;
}

/** Every elementary cycle's first appearance, as a path `a → b → a` (depth-first search). */
export function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of [...(graph.get(n) ?? [])].sort()) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m].join(' → '));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

describe('web feature folders', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const at = (f: string) => join(FEATURES, f);
    const graph = featureGraph([
      { path: at('a/page.tsx'), text: "import { x } from '../b';" },
      { path: at('b/api.ts'), text: "export { y } from '../c/y';" },
      { path: at('c/y.ts'), text: "const p = lazy(() => import('../a/page'));" },
      { path: at('d/z.ts'), text: "import { t } from '../../lib/t'; import './own';" },
    ]);
    expect(cycles(graph)).toEqual(['a → b → c → a']);
    expect([...graph.get('d')!]).toEqual([]);
  });

  it('import each other without cycles', () => {
    const files = walk(FEATURES).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const graph = featureGraph(files);
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles(graph)).toEqual([]);
  });
});
