import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, filenameFromDisposition, withQuery } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockFetch(response: Response | Error) {
  const fetchMock = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchMock = mockFetch(json(200, { ok: true }));
    await expect(api('POST', '/api/things', { title: 'A' })).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/things',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: '{"title":"A"}',
        headers: expect.objectContaining({ 'Content-Type': 'application/json' }),
      }),
    );
  });

  it('sends no JSON content type without a body (Fastify refuses an empty JSON body)', async () => {
    const fetchMock = mockFetch(json(200, { ok: true }));
    await api('POST', '/api/auth/logout');
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).not.toHaveProperty('Content-Type');
    expect(init.body).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(api('DELETE', '/api/things/1')).resolves.toBeUndefined();
  });

  it('throws ApiError with the server’s code, message, details and field issues', async () => {
    const issues = [{ field: 'body.members.0.role', message: 'invalid', code: 'invalid_value' }];
    mockFetch(
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'Invalid body.members.0.role', details: { issues } } }),
    );
    const error = await api('POST', '/api/things', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid body.members.0.role' });
    expect((error as ApiError).issues).toEqual(issues);
  });

  it('derives a code from the status when a proxy answers without an error body', async () => {
    mockFetch(new Response('Bad gateway', { status: 502 }));
    await expect(api('GET', '/api/auth/me')).rejects.toMatchObject({ status: 502, code: 'NETWORK' });
  });

  it('turns a failed fetch into a NETWORK error with status 0', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    await expect(api('GET', '/api/auth/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('withQuery', () => {
  it('appends only the params that have a value', () => {
    expect(withQuery('/api/people', { q: 'Nguyễn An', limit: 20, orgUnitId: undefined, kind: '' })).toBe(
      '/api/people?q=Nguy%E1%BB%85n+An&limit=20',
    );
    expect(withQuery('/api/people', { q: undefined })).toBe('/api/people');
    expect(withQuery('/api/people?x=1', { limit: 5 })).toBe('/api/people?x=1&limit=5');
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name, which carries Vietnamese diacritics', () => {
    expect(
      filenameFromDisposition(`attachment; filename="ket-luan.docx"; filename*=UTF-8''K%E1%BA%BFt%20lu%E1%BA%ADn.docx`),
    ).toBe('Kết luận.docx');
    expect(filenameFromDisposition('attachment; filename="bao-cao.xlsx"')).toBe('bao-cao.xlsx');
    expect(filenameFromDisposition(null)).toBeUndefined();
  });
});
