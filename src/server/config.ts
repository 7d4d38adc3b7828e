import { isIP } from 'node:net';
import { z } from 'zod';
import { resolvePdfConverter } from './modules/documents/pdf-convert.js';
import { loadSigningIdentity, type SigningIdentity } from './modules/documents/pdf-signature.js';

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** Every environment variable the server reads, in one place. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // loopback unless asked: a development server (demo accounts, password "demo") must not be on the network by
  // default; production behind a proxy on the same host needs no more either
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  // demo data loads on first start unless turned off; never in production
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  ADMIN_USERNAME: z.string().min(3).max(64).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // a resolved session is reused this long without a database read; also the bound within which a logout, password
  // change or deactivation made on one instance reaches the others (0: read the session on every request)
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  // memory for answers of the most used reads, kept per caller until a write commits (http/read-cache.ts); 0: none
  READ_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // failed logins from one address, whatever the usernames, before 429 (generous: an office shares one address)
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  // requests per minute from one address to the public pages (no login: the published follow-up status)
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  // reverse proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated; none by default
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c) => {
      const list = (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const entry of list) {
        if (!isAddressOrCidr(entry)) c.addIssue({ code: 'custom', message: `not an address or CIDR: ${entry}` });
      }
      return list;
    }),
  // the origin browsers use to reach the app (e.g. https://steerboard.hanoi.gov.vn): state-changing requests from
  // any other origin are refused; without it, the Origin must match the request's Host
  PUBLIC_ORIGIN: z
    .url()
    .optional()
    .transform((v) => (v ? new URL(v).origin : undefined)),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  WEB_DIST: z.string().default('./dist/web'),
  // /metrics is served only with `Authorization: Bearer <METRICS_TOKEN>`; without it, not at all
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').max(256).optional(),
  // on SIGTERM: readiness turns false, then after SHUTDOWN_DRAIN_SECONDS the server stops accepting, finishes
  // what is in flight and closes the database; past SHUTDOWN_GRACE_SECONDS the process exits anyway
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(3600).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // published DX analytics withhold any cell counting fewer enterprises than this
  DX_SUPPRESS_BELOW: z.coerce.number().int().min(1).max(1000).default(5),
  // synthetic enterprises in the DX analytics demo (default 2000; 0 under NODE_ENV=test to keep test start-up fast)
  DX_DEMO_ENTERPRISES: z.coerce.number().int().min(0).max(100_000).optional(),
  // a running DX import whose heartbeat is older than this has lost its instance: another instance takes it over
  DX_IMPORT_STALE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // the job runner (scheduled scans, e-mail): on by default, off under NODE_ENV=test (tests call jobs.runDue())
  JOBS: z.enum(['on', 'off']).optional(),
  // a follow-up overdue by this many days is escalated to its unit's head and the secretariat
  ESCALATION_DAYS: z.coerce.number().int().min(1).max(365).default(15),
  // e-mail: smtp://user:pass@host:587 or smtps://…; without it notifications stay in the app only
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Steerboard <no-reply@localhost>'),
  // DOCX → PDF of issued documents: a LibreOffice binary (path or name on PATH); default: libreoffice or soffice on
  // PATH. Without one, the PDF route answers 503 PDF_CONVERTER_MISSING and the UI says so.
  PDF_CONVERTER: z.string().min(1).optional(),
  // a conversion running longer is killed
  PDF_CONVERT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(120),
  // a PKCS#12 file (key + certificate, chain) that signs every issued PDF, and its password; checked at start
  SIGNING_P12: z.string().min(1).optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  loadDemo: boolean;
  admin?: { username: string; password: string };
  sessionTtlHours: number;
  sessionCacheSeconds: number;
  readCacheBytes: number;
  login: { maxFailures: number; windowMinutes: number; maxFailuresPerAddress: number };
  publicRatePerMinute: number;
  trustProxy: string[];
  publicOrigin?: string;
  cookieSecure: boolean;
  webDist: string;
  logLevel: Env['LOG_LEVEL'];
  metricsToken?: string;
  shutdown: { drainMs: number; graceMs: number };
  dxSuppressBelow: number;
  dxDemoEnterprises: number;
  /** a running DX import whose heartbeat is older than this is taken over by another instance */
  dxImportStaleMs: number;
  /** run the job runner in this process (scans, digests, e-mail) */
  jobs: boolean;
  escalationDays: number;
  mail: { smtpUrl?: string; from: string };
  /** `converter`: the LibreOffice binary found (null: none, PDFs refused with PDF_CONVERTER_MISSING) */
  pdf: { converter: string | null; configured?: string; timeoutMs: number; signing?: SigningIdentity };
}

/** A setting the server cannot start with: main prints its message as one line, without a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${issues.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && (!e.ADMIN_USERNAME || !e.ADMIN_PASSWORD)) {
    throw new ConfigError(
      'NODE_ENV=production needs ADMIN_USERNAME and ADMIN_PASSWORD (the first admin account); refusing to start.',
    );
  }
  if (production && e.DEMO_DATA === 'true') {
    throw new ConfigError(
      'DEMO_DATA=true is not allowed with NODE_ENV=production: demo accounts have a known password.',
    );
  }
  if (e.SIGNING_P12_PASSWORD !== undefined && !e.SIGNING_P12)
    throw new ConfigError('SIGNING_P12_PASSWORD is set without SIGNING_P12 (the PKCS#12 file to sign PDFs with).');
  let signing: SigningIdentity | undefined;
  if (e.SIGNING_P12) {
    try {
      signing = loadSigningIdentity(e.SIGNING_P12, e.SIGNING_P12_PASSWORD ?? '');
    } catch (err) {
      throw new ConfigError(`SIGNING_P12: ${(err as Error).message}; refusing to start.`);
    }
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    loadDemo: !production && e.DEMO_DATA !== 'false',
    admin:
      e.ADMIN_USERNAME && e.ADMIN_PASSWORD ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD } : undefined,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    readCacheBytes: e.READ_CACHE_MB * 1024 * 1024,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      windowMinutes: e.LOGIN_WINDOW_MINUTES,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    publicRatePerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : production,
    webDist: e.WEB_DIST,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    shutdown: { drainMs: e.SHUTDOWN_DRAIN_SECONDS * 1000, graceMs: e.SHUTDOWN_GRACE_SECONDS * 1000 },
    dxSuppressBelow: e.DX_SUPPRESS_BELOW,
    dxDemoEnterprises: e.DX_DEMO_ENTERPRISES ?? (e.NODE_ENV === 'test' ? 0 : 2000),
    dxImportStaleMs: e.DX_IMPORT_STALE_SECONDS * 1000,
    jobs: (e.JOBS ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
    escalationDays: e.ESCALATION_DAYS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    pdf: {
      converter: resolvePdfConverter(e.PDF_CONVERTER, source.PATH ?? process.env.PATH),
      configured: e.PDF_CONVERTER,
      timeoutMs: e.PDF_CONVERT_TIMEOUT_SECONDS * 1000,
      signing,
    },
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
/** localhost, 127.x.x.x or ::1: a browser there treats plain HTTP as secure, and nobody else can connect. */
export const isLoopbackHost = (host: string) =>
  LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';

/** What the server says at start about issued documents' PDFs: converter and signer (info, or a warning when missing). */
export function pdfStartupLines(config: Config): { level: 'info' | 'warn'; message: string }[] {
  const { converter, configured, signing } = config.pdf;
  if (!converter)
    return [
      {
        level: 'warn',
        message: configured
          ? `PDF_CONVERTER=${configured} is not an executable: issued documents have no PDF (the UI says so) until it is`
          : 'no PDF converter (libreoffice or soffice on PATH, or PDF_CONVERTER): issued documents have no PDF (the UI says so)',
      },
    ];
  const who = signing?.certificate;
  return [
    { level: 'info', message: `PDF converter: ${converter}` },
    {
      level: 'info',
      message: who
        ? `issued PDFs are signed by "${who.commonName ?? '?'}"${who.organization ? ` (${who.organization})` : ''}, certificate valid until ${who.validTo}`
        : 'SIGNING_P12 is not set: issued PDFs are not signed',
    },
  ];
}

/** What the server should say at start about settings that work but can surprise: one line each. */
export function startupWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.cookieSecure && !config.publicOrigin?.startsWith('https://'))
    warnings.push(
      'cookies are Secure; serve behind HTTPS or set COOKIE_SECURE=false (over plain HTTP browsers drop the session cookie and login fails; PUBLIC_ORIGIN=https://… silences this line)',
    );
  if (config.loadDemo && !isLoopbackHost(config.host))
    warnings.push(
      `listening on ${config.host} with demo data: the demo accounts (password "demo") can be reached from the network; set DEMO_DATA=false or HOST=127.0.0.1`,
    );
  return warnings;
}
