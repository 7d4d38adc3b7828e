import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarly } from './boot';

// the shell and the pages are only fetched ahead here: their content does not matter to what is asked of the server
vi.mock('./components/app-layout', () => ({ AppLayout: () => null }));
vi.mock('./features/my-work/my-work-page', () => ({ default: () => null }));
vi.mock('./features/dashboard/dashboard-page', () => ({ default: () => null }));
vi.mock('./features/inspections/inspection-page', () => ({ default: () => null }));

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function server(user: { role: string } | null) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      if (url === '/api/auth/session')
        return json({ user: user && { id: 'u1', username: 'x', fullName: 'X', ...user } });
      return json({ from: url });
    }),
  );
  return asked;
}

const settle = () => new Promise((r) => setTimeout(r, 50));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an opened address starts its reads before React renders', () => {
  it('logged in: the session and the page’s first read, the answer in the cache under the page’s key', async () => {
    const asked = server({ role: 'viewer' });
    const client = new QueryClient();
    startEarly(client, '/dashboard');
    await settle();
    expect(asked).toEqual(['/api/auth/session', '/api/dashboard']);
    expect(client.getQueryData(['dashboard'])).toEqual({ from: '/api/dashboard' });
  });

  it('logged out: only the session probe, no request that would fail', async () => {
    const asked = server(null);
    const client = new QueryClient();
    startEarly(client, '/');
    await settle();
    expect(asked).toEqual(['/api/auth/session']);
    expect(client.getQueryData(['my-work'])).toBeUndefined();
  });

  it('a page the role may not see: its read is not asked', async () => {
    // the dashboard is a staff page: an enterprise account is sent elsewhere, so nothing is read for it
    const asked = server({ role: 'enterprise' });
    startEarly(new QueryClient(), '/dashboard');
    await settle();
    expect(asked).toEqual(['/api/auth/session']);
  });

  it('pages outside the shell, and pages without a first read, ask nothing more than they need', async () => {
    const asked = server({ role: 'viewer' });
    for (const path of ['/login', '/verify/ABCD-EFGH-JKLM', '/public/programs/x']) startEarly(new QueryClient(), path);
    await settle();
    expect(asked).toEqual([]);
    startEarly(new QueryClient(), '/inspections/00000000-0000-4000-8000-000000000000');
    await settle();
    expect(asked).toEqual(['/api/auth/session']);
  });
});
