import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig, startupWarnings } from './config.js';

describe('config', () => {
  it('defaults to PGlite in ./data on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', loadDemo: true, databaseUrl: undefined });
  });
  it('refuses to start in production without the first admin', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_USERNAME and ADMIN_PASSWORD/);
  });
  it('never loads demo data in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'a-long-password-1' });
    expect(c.loadDemo).toBe(false);
    expect(c.cookieSecure).toBe(true);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        ADMIN_USERNAME: 'root',
        ADMIN_PASSWORD: 'a-long-password-1',
        DEMO_DATA: 'true',
      }),
    ).toThrow(/DEMO_DATA/);
  });
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
  it('trusts no proxy by default; TRUST_PROXY lists addresses and CIDRs, and names a bad entry', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.1, 10.2.0.0/16 ,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.2.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, everyone' })).toThrow(/TRUST_PROXY.*everyone/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
  it('PUBLIC_ORIGIN is kept as an origin (scheme, host, port)', () => {
    expect(loadConfig({}).publicOrigin).toBeUndefined();
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://sb.example.vn/app/' }).publicOrigin).toBe('https://sb.example.vn');
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
  });
  it('listens on 127.0.0.1 unless HOST says otherwise (the demo accounts are not on the network by default)', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(startupWarnings(loadConfig({}))).toEqual([]);
    expect(startupWarnings(loadConfig({ HOST: '0.0.0.0' })).join('\n')).toMatch(/demo accounts.*DEMO_DATA=false/);
    expect(startupWarnings(loadConfig({ HOST: '0.0.0.0', DEMO_DATA: 'false' }))).toEqual([]);
  });
  it('says at start that cookies are Secure unless PUBLIC_ORIGIN is https', () => {
    const prod = { NODE_ENV: 'production', ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'a-long-password-1' };
    expect(startupWarnings(loadConfig(prod))).toEqual([
      expect.stringMatching(/^cookies are Secure; serve behind HTTPS or set COOKIE_SECURE=false/),
    ]);
    expect(startupWarnings(loadConfig({ ...prod, PUBLIC_ORIGIN: 'https://sb.example.vn' }))).toEqual([]);
    expect(startupWarnings(loadConfig({ ...prod, COOKIE_SECURE: 'false' }))).toEqual([]);
  });
  it('reports every bad variable in one line, as a ConfigError', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', METRICS_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).toMatch(/PORT: .*; METRICS_TOKEN: must be at least 16/);
  });
  it('the server prints a configuration error as one line, without a stack trace, and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '99999' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^steerboard: cannot start: invalid environment: PORT: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
