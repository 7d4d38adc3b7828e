import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
});
