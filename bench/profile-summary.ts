/**
 * Where a CPU profile's time goes: reads a `.cpuprofile` (node --cpu-prof, e.g. from `npm run bench:api -- --profile
 * DIR`) and prints the top frames by self time and by total time, and the time per package (self: the code that
 * was running; total: the package anywhere on the stack).
 *
 *   npx tsx bench/profile-summary.ts DIR/CPU.…cpuprofile [--top 25] [--skip SECONDS] [--only-busy]
 *
 * `--skip`: leave out the first seconds of the profile (start-up, migrations, demo data; the bench prints the value).
 * `--only-busy` leaves out the idle and garbage-collector pseudo-frames from the shares (they are still listed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { intArg, parseArgs } from '../src/server/cli/args.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const a = parseArgs(process.argv.slice(2));
const file = a._[0];
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [--top 25]');
  process.exit(2);
}
const top = intArg(a.top, 'top', 25);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** The package a frame belongs to: an npm package, a Node internal, or a file of this project. */
function packageOf(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node: internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const local = url.replace(/^file:\/\//, '');
  if (local.startsWith(root)) return path.relative(root, local).split('/').slice(0, 4).join('/');
  return local;
}

function frameName(f: CallFrame): string {
  const where = f.url ? `${packageOf(f.url)}:${path.basename(f.url)}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
}

const byId = new Map<number, ProfileNode>();
const parent = new Map<number, number>();
for (const n of profile.nodes) {
  byId.set(n.id, n);
  for (const c of n.children ?? []) parent.set(c, n.id);
}

const PSEUDO = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const onlyBusy = a['only-busy'] === 'true';
const selfFn = new Map<string, number>();
const totalFn = new Map<string, number>();
const selfPkg = new Map<string, number>();
const totalPkg = new Map<string, number>();
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
let all = 0;
let busy = 0;
const skipUs = Number(a.skip ?? 0) * 1e6;
let elapsed = 0;

for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  elapsed += dt;
  if (elapsed < skipUs) continue;
  const leaf = byId.get(profile.samples[i])!;
  all += dt;
  const leafName = leaf.callFrame.functionName;
  if (PSEUDO.has(leafName)) {
    add(selfFn, leafName, dt);
    continue;
  }
  busy += dt;
  add(selfFn, frameName(leaf.callFrame), dt);
  add(selfPkg, packageOf(leaf.callFrame.url), dt);
  // each function and package once per stack, however often it recurses
  const fns = new Set<string>();
  const pkgs = new Set<string>();
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id)!.callFrame;
    if (PSEUDO.has(f.functionName)) continue;
    fns.add(frameName(f));
    pkgs.add(packageOf(f.url));
  }
  for (const k of fns) add(totalFn, k, dt);
  for (const k of pkgs) add(totalPkg, k, dt);
}

const base = onlyBusy ? busy : all;
const ms = (us: number) => (us / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 });
const pct = (us: number) => `${((100 * us) / base).toFixed(1)} %`;
function table(title: string, m: Map<string, number>, n: number) {
  console.log(`\n${title}\n`);
  console.log('| ms | share | frame |\n|---|---|---|');
  for (const [k, v] of [...m].sort((x, y) => y[1] - x[1]).slice(0, n)) console.log(`| ${ms(v)} | ${pct(v)} | ${k} |`);
}

console.log(
  `${path.basename(file)}: ${ms(all)} ms sampled, ${ms(busy)} ms busy (${((100 * busy) / all).toFixed(1)} %); ` +
    `shares of ${onlyBusy ? 'busy' : 'all sampled'} time`,
);
table('Self time by package', selfPkg, top);
table('Total time by package (anywhere on the stack)', totalPkg, top);
table('Self time by function', selfFn, top);
table('Total time by function', totalFn, top);
