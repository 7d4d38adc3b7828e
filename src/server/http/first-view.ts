import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SESSION_COOKIE } from './auth-hook.js';

export type FirstViewLanguage = 'vi' | 'en';
/** The web app's language choice, mirrored from its localStorage into a cookie so a first view speaks it too. */
export const LANGUAGE_COOKIE = 'sb_lang';

/**
 * A page whose first view the server renders into the document it sends: the page's read, made for the caller as the
 * web app would make it, drawn as plain HTML, and handed to the web app so it does not ask again. On a slow link
 * the person sees the page's figures one round trip after asking for the address, instead of after the scripts,
 * the session and the read (docs/benchmarks.md, "first view"). The web app replaces it once its own page has drawn.
 */
export interface FirstView<T> {
  /** the page's address in the web app */
  path: string;
  /** the API read the page shows first (its `firstRead` in src/web/routes.tsx) */
  read: string;
  /** the web app's query key for that read, so the answer seeds its cache */
  queryKey: readonly unknown[];
  /** the document's title (the page's own `PageHeader` sets the same) */
  title: (language: FirstViewLanguage) => string;
  render: (data: T, language: FirstViewLanguage) => ReactElement;
}

export const defineFirstView = <T>(view: FirstView<T>): FirstView<unknown> => view as FirstView<unknown>;

/** The parts of the built index.html a first view goes between. */
export interface DocumentTemplate {
  head: string;
  stylesheets: string;
  body: string;
}

/**
 * Splits the built index.html. Its stylesheets move below the first view: a stylesheet in <head> holds back the
 * first paint until it has arrived (a round trip and more on a slow link), one in <body> only what follows it,
 * which is the web app's still hidden root.
 */
export function documentTemplate(indexHtml: string): DocumentTemplate {
  const sheets = indexHtml.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  const html = sheets.reduce((h, s) => h.replace(s, ''), indexHtml);
  const root = html.indexOf('<div id="root"></div>');
  if (root < 0 || !html.includes('</head>')) throw new Error('index.html has no </head> or no <div id="root"></div>');
  return { head: html.slice(0, root), stylesheets: sheets.join(''), body: html.slice(root) };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** JSON inside <script type="application/json">: no `<` can close the element or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function composeDocument(
  t: DocumentTemplate,
  page: { path: string; queryKey: readonly unknown[]; data: unknown; title: string; language: FirstViewLanguage },
  markup: string,
  css: string,
): string {
  // function replacements: a replacement string would read `$&`, `$'`… in the text as patterns
  const head = t.head
    .replace('<html lang="vi">', () => `<html lang="${page.language}">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeText(page.title)}</title>`)
    .replace('</head>', () => `<style>${css}</style></head>`);
  const seed = scriptJson({ path: page.path, queryKey: page.queryKey, data: page.data });
  return (
    `${head}<div id="first-view">${markup}</div>${t.stylesheets}` +
    `<script type="application/json" id="first-view-data">${seed}</script>${t.body}`
  );
}

const languageOf = (req: FastifyRequest): FirstViewLanguage => (req.cookies?.[LANGUAGE_COOKIE] === 'en' ? 'en' : 'vi');

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/**
 * The document is made per request, so it cannot be precompressed like the built files; it is small (tens of KB)
 * and compressed here at a fast brotli level. nginx passes it through as it is.
 */
async function encode(req: FastifyRequest, reply: FastifyReply, html: string): Promise<Buffer> {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const body = Buffer.from(html);
  if (/\bbr\b/.test(accepts)) {
    reply.header('Content-Encoding', 'br');
    return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  }
  if (/\bgzip\b/.test(accepts)) {
    reply.header('Content-Encoding', 'gzip');
    return gzipped(body);
  }
  return body;
}

/** A read slower than this sends the plain page: the web app then shows its spinner and asks itself. */
const READ_BOUND_MS = 2000;

/**
 * Registers the pages' routes. The read goes through the API itself (`inject`, with the caller's cookie): the
 * same session check, audience, permissions, read cache and response schema as the web app's own request, so a
 * first view can never show more than the API would. Anything else — no session, a refused or failed read, a slow
 * one — sends the plain index.html, as before.
 */
export function registerFirstViews(
  app: FastifyInstance,
  o: { webRoot: string; views: FirstView<unknown>[]; css: string },
) {
  const template = documentTemplate(readFileSync(path.join(o.webRoot, 'index.html'), 'utf8'));
  const plain = (reply: FastifyReply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  for (const view of o.views) {
    app.get(view.path, { schema: { hide: true } }, async (req, reply) => {
      // the answer depends on who asks: never shared, never kept
      reply.header('Vary', 'Cookie, Accept-Encoding');
      if (!req.cookies?.[SESSION_COOKIE]) return plain(reply);
      const read = app
        .inject({
          method: 'GET',
          url: view.read,
          headers: { cookie: req.headers.cookie ?? '', 'x-request-id': String(req.id) },
        })
        // an inner request that fails outright (or ends after the bound below) is a plain page, never a rejection
        // nobody waits for
        .catch((err: unknown) => (req.log.error({ err, page: view.path }, 'first view read failed'), null));
      const res = await Promise.race([read, new Promise<null>((r) => setTimeout(r, READ_BOUND_MS, null).unref())]);
      if (!res || res.statusCode !== 200) return plain(reply);
      const language = languageOf(req);
      try {
        const data: unknown = res.json();
        const markup = renderToStaticMarkup(view.render(data, language));
        const page = { path: view.path, queryKey: view.queryKey, data, title: view.title(language), language };
        const html = composeDocument(template, page, markup, o.css);
        reply.header('Cache-Control', 'private, no-store').type('text/html; charset=utf-8');
        return reply.send(await encode(req, reply, html));
      } catch (err) {
        req.log.error({ err, page: view.path }, 'first view failed to render: the plain page went out');
        reply.removeHeader('Content-Encoding');
        return plain(reply);
      }
    });
  }
}
