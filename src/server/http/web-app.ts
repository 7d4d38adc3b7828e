import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build output (`assets/name-HASH.js`): its content never changes under that name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app. Files are precompressed at build (vite-plugin-compression2 writes `.br` and `.gz`
 * beside each), so the brotli or gzip file goes out as is with its `Content-Encoding` and no per-request work;
 * hashed assets are cached for a year, `index.html` is revalidated on every visit so a deploy is seen at once.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string) {
  const assetsDir = `${path.sep}assets${path.sep}`;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    // `/` is a page like the others: its first view (first-view.ts) or, else, the not-found handler's index.html
    index: false,
    preCompressed: true,
    setHeaders(reply, filePath) {
      reply.header('Cache-Control', filePath.includes(assetsDir) ? IMMUTABLE : 'no-cache');
    },
  });
}
