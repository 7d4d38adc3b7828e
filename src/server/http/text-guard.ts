import type { FastifyInstance } from 'fastify';
import { hasForbiddenChars, textProblem } from '../../shared/fields.js';
import { invalid } from './errors.js';

const MAX_DEPTH = 64;

/**
 * The path of the first string (value or property name) in `value` holding a character no text field takes, or
 * null. A bad property name is reported at its parent object (echoing the name back would carry the character).
 */
export function findBadText(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'string') return hasForbiddenChars(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findBadText(value[i], [...path, String(i)], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (hasForbiddenChars(key)) return path;
    const hit = findBadText(v, [...path, key], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * One guard for every route, before its schema: NUL and the other control characters, and lone surrogates, in any
 * body, query or path string are a 400 naming the field. The shared text fields refuse them too (for the web forms),
 * but a route schema with a plain `z.string()`, a record key or an unknown field must not reach PostgreSQL with them
 * (it refuses NUL in text and both in jsonb: a 500 and, worse, a write half done). File names are checked where an
 * upload is read (`modules/files/upload.ts`).
 */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ];
    for (const [where, value] of parts) {
      const hit = findBadText(value, [where]);
      if (hit) throw invalid([{ field: hit.join('.'), message: textProblem }]);
    }
  });
}
