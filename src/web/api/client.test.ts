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
    await expect(api.post('/api/people', { body: { fullName: 'A' } })).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/people',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: '{"fullName":"A"}',
        headers: expect.objectContaining({ 'Content-Type': 'application/json' }),
      }),
    );
  });

  it('fills the path parameters (encoded) and appends the query', async () => {
    // a fresh answer per call: a Response body can be read once
    const fetchMock = vi.fn(async () => json(200, { items: [], total: 0 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.get('/api/org-units/{id}', { params: { id: 'a b/c' } });
    await api.get('/api/people', { query: { q: 'Nguyễn An', limit: 20, orgUnitId: undefined } });
    const urls = fetchMock.mock.calls.map((c) => (c as unknown as [string])[0]);
    expect(urls).toEqual(['/api/org-units/a%20b%2Fc', '/api/people?q=Nguy%E1%BB%85n+An&limit=20']);
  });

  it('sends no JSON content type without a body (Fastify refuses an empty JSON body)', async () => {
    const fetchMock = mockFetch(json(200, { ok: true }));
    await api.post('/api/auth/logout');
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).not.toHaveProperty('Content-Type');
    expect(init.body).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(api.delete('/api/finding-links/{id}', { params: { id: '1' } })).resolves.toBeUndefined();
  });

  it('uploads the file as the multipart part "file"', async () => {
    const fetchMock = mockFetch(json(201, { id: 'x' }));
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    await api.upload('/api/follow-ups/{id}/evidence', { params: { id: 'f1' }, file });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/follow-ups/f1/evidence');
    expect(init.method).toBe('POST');
    expect((init.body as FormData).get('file')).toBeInstanceOf(Blob);
  });

  it('throws ApiError with the server’s code, message, details and field issues', async () => {
    const issues = [{ field: 'body.members.0.role', message: 'invalid', code: 'invalid_value' }];
    mockFetch(
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'Invalid body.members.0.role', details: { issues } } }),
    );
    const error = await api.post('/api/people', { body: { fullName: 'A' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid body.members.0.role' });
    expect((error as ApiError).issues).toEqual(issues);
  });

  it('derives a code from the status when a proxy answers without an error body', async () => {
    mockFetch(new Response('Bad gateway', { status: 502 }));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 502, code: 'NETWORK' });
  });

  it('turns a failed fetch into a NETWORK error with status 0', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('knows paths, parameters, fields and wire types from the route table (tsc rejects the wrong ones)', () => {
    // never called: these lines exist for tsc, which fails the gate when the table and the calls disagree
    const checkedByTsc = async (id: string) => {
      // @ts-expect-error: no such path (the route is /api/inspections/{id})
      await api.get('/api/inspection/{id}', { params: { id } });
      // @ts-expect-error: the path has {id}, not {inspectionId}
      await api.get('/api/inspections/{id}', { params: { inspectionId: id } });
      // @ts-expect-error: a path parameter cannot be left out
      await api.get('/api/inspections/{id}');
      // @ts-expect-error: POST /api/people takes fullName, not name
      await api.post('/api/people', { body: { name: 'A' } });
      // @ts-expect-error: a file route is downloaded, not read as JSON
      await api.get('/api/inspections/{id}/conclusion.docx', { params: { id } });
      const detail = await api.get('/api/inspections/{id}', { params: { id } });
      // @ts-expect-error: no such field in the inspection detail
      void detail.titel;
      // timestamps arrive as ISO strings, not Dates
      const sharedAt: string | null = detail.draftSharedAt;
      // @ts-expect-error: so they are not Dates
      const asDate: Date | null = detail.draftSharedAt;
      return [sharedAt, asDate];
    };
    expect(typeof checkedByTsc).toBe('function');
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
