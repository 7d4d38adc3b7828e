// The web's JavaScript budgets, read from the production build (`vite build` writes dist/web/.vite/manifest.json).
// A page costs the chunks the browser must fetch to show it: the entry's static imports, then the page's lazy chunk
// and its static imports, then (for pages that draw charts) the chart chunk they load when they draw.
// Sizes are brotli-compressed, as served (the build precompresses every asset); gzip beside it for clients without br.
// Usage: node scripts/web-budget.mjs [--json]   exits 1 when a page is over its budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(process.env.WEB_DIST ?? 'dist/web');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

const KB = 1024;
/** Page → its lazy module (manifest key), the dynamic imports it makes on first render, and its budget. */
const pages = [
  // budget: issue 12's target; ceiling: what npm test enforces (the same, once a target is met)
  { name: 'login', modules: ['features/auth/login-page.tsx'], budget: 200 * KB, ceiling: 200 * KB },
  // the page every role lands on after login: "Việc của tôi" (the inspection dashboard moved to /dashboard)
  {
    name: 'dashboard after login',
    modules: ['components/app-layout.tsx', 'features/my-work/my-work-page.tsx'],
    budget: 400 * KB,
    ceiling: 400 * KB,
  },
];

function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return seen;
}

const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(path.join(dist, file));
    sizeCache.set(file, {
      raw: bytes.length,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      gz: gzipSync(bytes, { level: 9 }).length,
    });
  }
  return sizeCache.get(file);
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
// the lazy chart components (each imports echarts/core and only the parts it draws)
const chartModules = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /chart|map|timeline/i.test(k));
// chunks only a chart needs (echarts, zrender): reachable from a chart module and from nothing else
const otherRoots = Object.keys(manifest).filter(
  (k) => (manifest[k].isEntry || manifest[k].isDynamicEntry) && !chartModules.includes(k),
);
const otherFiles = new Set([...closure(otherRoots)].map((k) => manifest[k].file));
const chartFiles = new Set([...closure(chartModules)].map((k) => manifest[k].file).filter((f) => !otherFiles.has(f)));
const rows = pages.map((page) => {
  const missing = page.modules.filter((m) => !manifest[m]);
  const files = [
    ...new Set([...closure([entry, ...page.modules.filter((m) => manifest[m])])].map((k) => manifest[k].file)),
  ];
  const js = files.filter((f) => f.endsWith('.js'));
  const total = js.reduce(
    (acc, f) => {
      const s = sizes(f);
      return { raw: acc.raw + s.raw, br: acc.br + s.br, gz: acc.gz + s.gz };
    },
    { raw: 0, br: 0, gz: 0 },
  );
  // echarts must arrive only with a chart: a page that draws none fetches none of the chart chunks
  const chartsLoaded = js.filter((f) => chartFiles.has(f));
  const chartsAllowed = page.modules.some((m) => chartModules.includes(m));
  const chartsOk = chartsAllowed || !chartsLoaded.length;
  const ok = total.br <= page.ceiling && !missing.length && chartsOk;
  const metTarget = total.br <= page.budget && chartsOk;
  return {
    page: page.name,
    chunks: js.length,
    ...total,
    budget: page.budget,
    ceiling: page.ceiling,
    ok,
    metTarget,
    missing,
    chartsLoaded,
    chartsAllowed,
  };
});

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log('| page | chunks | raw | gzip | brotli (served) | target | ceiling (enforced) | |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const verdict = !r.ok ? 'OVER THE CEILING' : r.metTarget ? 'target met' : 'under the ceiling, target not met';
    console.log(
      `| ${r.page} | ${r.chunks} | ${kb(r.raw)} | ${kb(r.gz)} | ${kb(r.br)} | ${kb(r.budget)} | ${kb(r.ceiling)} | ${verdict} |`,
    );
    if (r.missing.length)
      console.log(`  not a chunk of its own in the manifest (renamed, or no longer lazy?): ${r.missing.join(', ')}`);
    if (!r.chartsAllowed && r.chartsLoaded.length)
      console.log(`  loads chart code without drawing a chart: ${r.chartsLoaded.join(', ')}`);
  }
}
process.exit(rows.every((r) => r.ok) ? 0 : 1);
