import type { RouteEntry } from '../app.js';

type Doc = { paths?: Record<string, Record<string, Record<string, unknown>> | undefined> };

/** The routes that take a file: their schema `consumes` multipart/form-data. */
export const isUploadRoute = (r: RouteEntry) => [r.schema?.consumes].flat().includes('multipart/form-data');

/**
 * Upload routes read their body as a stream (no zod body schema), so the generated document had no request body for
 * them and a client generated from it could not call them: each gets a `multipart/form-data` body with its `file`.
 */
export function describeUploads(doc: Doc, routes: RouteEntry[]): Doc {
  for (const r of routes.filter(isUploadRoute)) {
    const op = doc.paths?.[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
    if (!op) continue;
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: { type: 'string', format: 'binary', description: 'the file, as one part named "file"' },
            },
          },
        },
      },
    };
  }
  return doc;
}
