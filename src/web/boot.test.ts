import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEarly } from './boot';
import { releaseFirstView } from './first-view';

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

/** The document's elements by id (what first-view.ts reads): none unless a test puts the server's first view in. */
function documentWith(elements: Record<string, string> = {}) {
  const present = new Map(Object.entries(elements));
  vi.stubGlobal('document', {
    getElementById: (id: string) =>
      present.has(id) ? { textContent: present.get(id), remove: () => void present.delete(id) } : null,
  });
  return present;
}

beforeEach(() => {
  documentWith();
});

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

describe('the first view the server drew (src/server/http/first-view.ts)', () => {
  const seed = (path: string, data: unknown = { from: 'the document' }) =>
    JSON.stringify({ path, queryKey: ['dashboard'], data });

  it('its answer goes into the cache and is not asked again; its data element is taken out', async () => {
    const asked = server({ role: 'viewer' });
    const doc = documentWith({ 'first-view-data': seed('/dashboard'), 'first-view': '<main>…</main>' });
    const client = new QueryClient();
    startEarly(client, '/dashboard');
    await settle();
    expect(asked).toEqual(['/api/auth/session']);
    expect(client.getQueryData(['dashboard'])).toEqual({ from: 'the document' });
    expect(doc.has('first-view-data')).toBe(false);
    // the view itself stays until the page has drawn its own
    expect(doc.has('first-view')).toBe(true);
    releaseFirstView();
    expect(doc.has('first-view')).toBe(false);
  });

  it("another address's view, or a damaged one, seeds nothing: the page asks for its data itself", async () => {
    for (const text of [
      seed('/'),
      '{"path":"/dashboard","queryKey":["dashboard"],',
      seed('/dashboard').replace('["dashboard"]', '"dashboard"'),
    ]) {
      const asked = server({ role: 'viewer' });
      documentWith({ 'first-view-data': text });
      const client = new QueryClient();
      startEarly(client, '/dashboard');
      await settle();
      expect(asked, text).toEqual(['/api/auth/session', '/api/dashboard']);
      expect(client.getQueryData(['dashboard']), text).toEqual({ from: '/api/dashboard' });
    }
  });
});
