/**
 * The reads `npm run bench:api` drives (issue 12's list, plus health and me) with real ids from the demo data: used by
 * the in-process benches (bench/lib/in-process-app.ts) and by the read cache's tests (http/read-cache.test.ts).
 */
export type BenchRead = { name: string; cookie: string | null; url: string; route: string };
type Items = { items: { id: string; status?: string }[] };

/** The reads `npm run bench:api` drives (plus health and me), with their route keys in the route table. */
export async function benchReads(run: {
  login(username: string): Promise<string>;
  /** the body of a 200 answer (anything else throws) */
  get(cookie: string, url: string): Promise<string>;
}): Promise<BenchRead[]> {
  const c: Record<string, string> = {};
  for (const u of ['secretariat', 'viewer', 'team1', 'unit-stttt']) c[u] = await run.login(u);
  const items = async (cookie: string, url: string) => (JSON.parse(await run.get(cookie, url)) as Items).items;
  const issued = (await items(c.secretariat, '/api/inspections?limit=100')).find((i) => i.status === 'issued')!;
  const rounds = await items(c.secretariat, '/api/reporting-rounds');
  const round = JSON.parse(await run.get(c.secretariat, `/api/reporting-rounds/${rounds[0].id}`)) as {
    id: string;
    units: { orgUnit: { id: string } }[];
  };
  // a scored assessment: submitted ones in the demo, else verified ones (the test data verifies some)
  const dx = [
    ...(await items(c.secretariat, '/api/dx/assessments?status=submitted&limit=1')),
    ...(await items(c.secretariat, '/api/dx/assessments?status=verified&limit=1')),
  ];
  const r = (name: string, cookie: string | null, url: string, route: string): BenchRead => ({
    name,
    cookie,
    url,
    route,
  });
  return [
    r('health', null, '/api/health', 'GET /api/health'),
    r('me', c.viewer, '/api/auth/me', 'GET /api/auth/me'),
    r('dashboard', c.viewer, '/api/dashboard', 'GET /api/dashboard'),
    r('inspection-plans', c.secretariat, '/api/inspection-plans', 'GET /api/inspection-plans'),
    r('inspections', c.team1, '/api/inspections', 'GET /api/inspections'),
    r('inspection-detail', c.team1, `/api/inspections/${issued.id}`, 'GET /api/inspections/{id}'),
    r('follow-ups', c['unit-stttt'], '/api/follow-ups', 'GET /api/follow-ups'),
    r('monitoring-dashboard', c.secretariat, '/api/monitoring/dashboard', 'GET /api/monitoring/dashboard'),
    r('indicators', c.viewer, '/api/indicators', 'GET /api/indicators'),
    r(
      'unit-report',
      c.secretariat,
      `/api/reporting-rounds/${round.id}/reports/${round.units[0].orgUnit.id}`,
      'GET /api/reporting-rounds/{id}/reports/{orgUnitId}',
    ),
    r('dx-report', c.secretariat, `/api/dx/assessments/${dx[0].id}/report`, 'GET /api/dx/assessments/{id}/report'),
    r('dx-breakdown', c.viewer, '/api/dx/analytics/breakdown?groupBy=year', 'GET /api/dx/analytics/breakdown'),
  ];
}
