import type { DiffChange } from '../contracts/dx-frameworks.js';
import type { FrameworkDefinition, FrameworkNode } from './framework-format.js';

type Entry = { kind: DiffChange['kind']; code: string; value: Record<string, unknown> };

/** Flattens a definition to comparable entries: the framework's rules, every node, question and option. */
function entries(def: FrameworkDefinition): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const { pillars: _p, version: _v, ...rules } = def;
  out.set('framework:', { kind: 'framework', code: def.code, value: rules });
  const walk = (n: FrameworkNode, parent: string | null) => {
    const { children: _c, questions, ...node } = n;
    out.set(`node:${n.code}`, { kind: 'node', code: n.code, value: { ...node, parent } });
    for (const q of questions ?? []) {
      const { options, ...rest } = q as typeof q & { options?: { code: string }[] };
      out.set(`question:${q.code}`, { kind: 'question', code: q.code, value: { ...rest, node: n.code } });
      for (const o of options ?? [])
        out.set(`option:${q.code}/${o.code}`, { kind: 'option', code: `${q.code}/${o.code}`, value: o });
    }
    n.children?.forEach((c) => walk(c, n.code));
  };
  def.pillars.forEach((p) => walk(p, null));
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two versions: added, removed and changed nodes, questions, options and scores. */
export function diffDefinitions(from: FrameworkDefinition, to: FrameworkDefinition): DiffChange[] {
  const a = entries(from);
  const b = entries(to);
  const changes: DiffChange[] = [];
  for (const [key, e] of a) {
    const other = b.get(key);
    if (!other) {
      changes.push({ kind: e.kind, code: e.code, change: 'removed', fields: [] });
      continue;
    }
    const keys = [...new Set([...Object.keys(e.value), ...Object.keys(other.value)])].sort();
    const fields = keys
      .filter((k) => !same(e.value[k], other.value[k]))
      .map((k) => ({ field: k, before: e.value[k] ?? null, after: other.value[k] ?? null }));
    if (fields.length) changes.push({ kind: e.kind, code: e.code, change: 'changed', fields });
  }
  for (const [key, e] of b) if (!a.has(key)) changes.push({ kind: e.kind, code: e.code, change: 'added', fields: [] });
  return changes;
}
