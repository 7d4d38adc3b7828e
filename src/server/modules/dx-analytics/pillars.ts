import type { z } from 'zod';
import type { pillarInfo } from '../../../shared/contracts/dx-analytics.js';

type PillarInfo = z.infer<typeof pillarInfo>;

/** The pillars (top-level nodes) of a framework definition, in the order their scores are stored. */
export function pillarsOf(definition: unknown, count: number): PillarInfo[] {
  const def = (definition ?? {}) as Record<string, unknown>;
  const list = (Array.isArray(def.pillars) ? def.pillars : Array.isArray(def.nodes) ? def.nodes : []) as Record<
    string,
    unknown
  >[];
  const out: PillarInfo[] = list.map((p, i) => {
    const name = (p.name ?? p.title ?? {}) as Record<string, string>;
    const code = typeof p.code === 'string' ? p.code : `P${i + 1}`;
    return {
      code,
      nameVi: name.vi ?? (typeof p.nameVi === 'string' ? p.nameVi : code),
      nameEn: name.en ?? (typeof p.nameEn === 'string' ? p.nameEn : code),
      max: typeof p.maxPoints === 'number' ? p.maxPoints : typeof p.max === 'number' ? p.max : null,
    };
  });
  for (let i = out.length; i < count; i++)
    out.push({ code: `P${i + 1}`, nameVi: `P${i + 1}`, nameEn: `P${i + 1}`, max: null });
  return out.slice(0, Math.max(count, out.length));
}
