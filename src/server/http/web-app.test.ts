import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors.js';
import { registerWebApp } from './web-app.js';

describe('the built web app is served precompressed, with caching by file kind', () => {
  let dir: string;
  let app: FastifyInstance;
  const js = 'export const greeting = "xin chào";\n'.repeat(200);
  const html = '<!doctype html><html lang="vi"><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'steerboard-web-'));
    await mkdir(path.join(dir, 'assets'));
    for (const [name, text] of [
      ['index.html', html],
      ['assets/app-Ab12Cd34.js', js],
    ] as const) {
      await writeFile(path.join(dir, name), text);
      await writeFile(path.join(dir, `${name}.br`), brotliCompressSync(text));
      await writeFile(path.join(dir, `${name}.gz`), gzipSync(text));
    }
    app = Fastify();
    registerErrorHandler(app, { spaFallback: true });
    await registerWebApp(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that accepts it, and caches hashed assets for a year', async () => {
    const res = await app.inject({
      url: '/assets/app-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(js.length / 10);
  });

  it('sends gzip to a client without brotli, and the plain file to one without either', async () => {
    const gz = await app.inject({ url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('revalidates index.html on every visit, also when it answers a deep link', async () => {
    for (const url of ['/', '/inspections/123']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
    }
  });
});
