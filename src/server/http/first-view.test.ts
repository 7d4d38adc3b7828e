import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dashboardFirstRead } from '../../web/features/dashboard/api.js';
import { myWorkFirstRead } from '../../web/features/my-work/api.js';
import { appRoutes } from '../../web/routes.js';
import { myWorkFirstView } from '../modules/my-work/my-work.first-view.js';
import type { Dashboard } from '../../shared/contracts/dashboard.js';
import type { MyWork } from '../../shared/contracts/my-work.js';
import { useTestContext } from '../test/test-app.js';
import { dashboardFirstView } from '../modules/dashboard/dashboard.first-view.js';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { createElement } from 'react';
import { registerErrorHandler } from './errors.js';
import { composeDocument, defineFirstView, documentTemplate, registerFirstViews } from './first-view.js';
import { registerWebApp } from './web-app.js';
import { FIRST_VIEW_CSS } from './first-view-shell.js';

// index.html as vite builds it: the stylesheet in <head>, an empty root
const INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <title>Steerboard</title>
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-B2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const webRoot = mkdtempSync(path.join(tmpdir(), 'steerboard-first-view-'));
writeFileSync(path.join(webRoot, 'index.html'), INDEX);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

const { ctx, f, cookies } = useTestContext({ login: ['secretariat'], env: { WEB_DIST: webRoot } });

const SEED = /<script type="application\/json" id="first-view-data">(.*?)<\/script>/s;
const seedOf = (html: string) =>
  JSON.parse(SEED.exec(html)![1]) as { path: string; queryKey: unknown[]; data: unknown };
const open = (cookie: string, headers: Record<string, string> = {}, url = '/dashboard') =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie, 'accept-encoding': 'identity', ...headers } });

describe('first view: the dashboard drawn into the document', () => {
  it('draws the dashboard the API gives the caller, hands the web app that same answer, and is kept by no cache', async () => {
    const api = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dashboard' });
    const res = await open(cookies.secretariat);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['vary']).toMatch(/cookie/i);
    const html = res.body;
    expect(seedOf(html)).toEqual({ path: '/dashboard', queryKey: ['dashboard'], data: api.json() });
    const d = api.json<Dashboard>();
    expect(html).toContain('<title>Tổng quan · Steerboard</title>');
    expect(html).toContain('Kết luận đã ban hành');
    for (const p of d.plans) expect(html).toContain(`href="/inspection-plans/${p.id}"`);
    // the stylesheet no longer holds back the first paint: it follows the first view, before the app's root
    const [view, sheet, root] = ['<div id="first-view">', 'index-B2.css', '<div id="root">'].map((s) =>
      html.indexOf(s),
    );
    expect(html.slice(0, html.indexOf('</head>'))).not.toContain('index-B2.css');
    expect(view).toBeGreaterThan(0);
    expect(sheet).toBeGreaterThan(view);
    expect(root).toBeGreaterThan(sheet);
  });

  it("gives a unit account its own figures, exactly as the API gives them, never the city's", async () => {
    const scene = await f.scene({ status: 'follow_up' });
    const unit = await ctx.login(scene.unitUser.username, scene.unitUser.password);
    const own = (await ctx.as(unit, { method: 'GET', url: '/api/dashboard' })).json<Dashboard>();
    const city = (await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dashboard' })).json<Dashboard>();
    expect(own.inspectionsTotal).toBeLessThan(city.inspectionsTotal);
    expect(seedOf((await open(unit)).body).data).toEqual(own);
  });

  it('sends the plain page, unchanged, to whoever the API would not answer', async () => {
    const firm = await f.enterprise();
    const enterprise = await f.enterpriseUser(firm.taxCode);
    const callers = {
      'no cookie': '',
      'an unknown session': 'sb_session=not-a-session',
      'an enterprise account': await ctx.login(enterprise.username, enterprise.password),
    };
    for (const [who, cookie] of Object.entries(callers)) {
      const res = await open(cookie);
      expect(res.statusCode, who).toBe(200);
      expect(res.body, who).toBe(INDEX);
      expect(res.headers['cache-control'], who).toBe('no-cache');
    }
  });

  it('speaks the language the web app remembers (its sb_lang cookie)', async () => {
    const html = (await open(`${cookies.secretariat}; sb_lang=en`)).body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Dashboard · Steerboard</title>');
    expect(html).toContain('Conclusions issued');
    expect(html).not.toContain('Kết luận đã ban hành');
  });

  it('is compressed for a browser that accepts brotli', async () => {
    const plain = await open(cookies.secretariat);
    const br = await open(cookies.secretariat, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
  });
});

describe('first view: the home page ("my work") drawn into the document', () => {
  it('gives each account its own work, exactly as the API gives it: staff and an enterprise alike', async () => {
    const firm = await f.enterprise();
    const enterprise = await f.enterpriseUser(firm.taxCode);
    for (const cookie of [cookies.secretariat, await ctx.login(enterprise.username, enterprise.password)]) {
      const api = (await ctx.as(cookie, { method: 'GET', url: '/api/my-work' })).json<MyWork>();
      const res = await open(cookie, {}, '/');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(seedOf(res.body)).toEqual({ path: '/', queryKey: ['my-work'], data: api });
      expect(res.body).toContain('<title>Việc của tôi · Steerboard</title>');
      for (const section of api.sections)
        for (const item of section.items) expect(res.body).toContain(`href="${item.link}"`);
    }
  });

  it('sends the plain page to a visitor without a session, at / as at any other address', async () => {
    for (const url of ['/', '/inspections/00000000-0000-4000-8000-000000000000']) {
      const res = await open('', {}, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
    }
  });
});

describe("first view: each is its web page's own first read (src/web/routes.tsx), so the page finds it", () => {
  const pairs = [
    { view: dashboardFirstView, page: dashboardFirstRead },
    { view: myWorkFirstView, page: myWorkFirstRead },
  ];
  it.each(pairs)('$view.path: the same request, under the same query key', async ({ view, page }) => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (asked.push(url), new Response('{}')));
    try {
      await page.read();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(asked).toEqual([view.read]);
    expect(view.queryKey).toEqual(page.queryKey);
    // and that read is the first read of the web app's route at the view's address
    expect(appRoutes.find((r) => r.path === view.path)?.firstRead).toBe(page);
  });
});

describe('first view: what the caller wrote cannot become markup or script', () => {
  const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)><!--';
  const data: Dashboard = {
    plans: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        code: hostile,
        title: hostile,
        year: 2026,
        inspectionsTotal: 1,
        byStatus: {} as Dashboard['plans'][number]['byStatus'],
        progressPercent: 0,
      },
    ],
    inspectionsTotal: 1,
    inspectionsByStatus: {} as Dashboard['inspectionsByStatus'],
    conclusionsIssued: 0,
    followUps: { open: 1, inProgress: 0, done: 0, accepted: 0, overdue: 1 },
    overdueFollowUps: [],
  };

  it('escapes text in the view and in the data handed to the web app', () => {
    const template = documentTemplate(INDEX);
    const markup = renderToStaticMarkup(dashboardFirstView.render(data, 'vi'));
    const page = { path: '/dashboard', queryKey: ['dashboard'], data, title: hostile, language: 'vi' as const };
    const html = composeDocument(template, page, markup, FIRST_VIEW_CSS);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    // the template's own script, and the data's element: nothing else closes a script
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(seedOf(html).data).toEqual(data);
  });

  it('writes a title with replacement patterns ($&, $`) as it is', () => {
    const page = { path: '/', queryKey: ['my-work'], data: {}, title: "$& $` $' $$", language: 'vi' as const };
    const html = composeDocument(documentTemplate(INDEX), page, '<p>x</p>', 'p{color:red}');
    expect(html).toContain("<title>$&amp; $` $' $$</title>");
  });

  it('refuses an index.html it cannot place a first view in (a start-up error, not a broken page)', () => {
    expect(() => documentTemplate('<html><body><main></main></body></html>')).toThrow(/root/);
  });
});

describe('first view: a read that does not answer in time', () => {
  it('sends the plain page without waiting for it', async () => {
    const app = Fastify();
    await app.register(cookie);
    registerErrorHandler(app, { spaFallback: true });
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    // answers only once the test has its page: a first view that waited for it would never come back
    app.get('/api/held', async () => (await gate, {}));
    const view = defineFirstView({
      path: '/held',
      read: '/api/held',
      queryKey: ['held'],
      title: () => 'held',
      render: () => createElement('p', null, 'drawn'),
    });
    registerFirstViews(app, { webRoot, views: [view], css: '' });
    await registerWebApp(app, webRoot);
    try {
      const res = await app.inject({ url: '/held', headers: { cookie: 'sb_session=anything' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX);
    } finally {
      release();
      await app.close();
    }
  });
});
