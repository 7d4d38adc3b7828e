import type { FastifyInstance } from 'fastify';
import { hasForbiddenChars } from '../../shared/fields.js';
import { invalid } from './errors.js';

/**
 * The path of the first string (value or property name) in `value` holding a character no text field takes, or
 * null. A bad property name is reported at its parent object (echoing the name back would carry the character).
 * Walked with an explicit stack, to any depth: a body nested deeper than a recursion limit must not slip through.
 */
export function findBadText(value: unknown, path: string[]): string[] | null {
  const stack: [unknown, string[]][] = [[value, path]];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (hasForbiddenChars(v)) return at;
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v) || ArrayBuffer.isView(v)) continue;
    const children: [unknown, string[]][] = [];
    if (Array.isArray(v)) v.forEach((item, i) => children.push([item, [...at, String(i)]]));
    else
      for (const [key, item] of Object.entries(v)) {
        if (hasForbiddenChars(key)) return at;
        children.push([item, [...at, key]]);
      }
    // reversed, so the first child is looked at first and the first bad string in document order is reported
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
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
      if (hit) throw invalid([{ field: hit.join('.'), reason: 'PLAIN_TEXT' }]);
    }
  });
}
