import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx } = useTestContext();

describe('demo inspections', () => {
  it('carries Sở TT&TT to conclusion 01-KL/ĐKT and leaves the others at their stages', async () => {
    const viewer = await ctx.login('viewer');
    const { items } = (await ctx.as(viewer, { method: 'GET', url: '/api/inspections' })).json();
    const byTarget = Object.fromEntries(items.map((i: { target: { name: string } }) => [i.target.name, i]));
    expect(byTarget['Sở Thông tin và Truyền thông']).toMatchObject({
      status: 'issued',
      conclusionNumber: '01-KL/ĐKT',
      conclusionYear: 2023,
      findingsCount: 10,
    });
    expect(byTarget['Quận ủy Đống Đa'].status).toBe('in_progress');
    expect(byTarget['Huyện ủy Đông Anh'].status).toBe('notified');
    expect(items.filter((i: { status: string }) => i.status === 'planned')).toHaveLength(3);

    const detail = (
      await ctx.as(viewer, { method: 'GET', url: `/api/inspections/${byTarget['Sở Thông tin và Truyền thông'].id}` })
    ).json();
    expect(detail.contentAreas.every((a: { assessment: unknown }) => a.assessment)).toBe(true);
    expect(detail.responses).toHaveLength(1);
    expect(detail.conclusions[0]).toMatchObject({
      number: '01-KL/ĐKT',
      year: 2023,
      issuedDate: '2023-07-20',
      signerName: 'Nguyễn Văn Phong',
    });
    const kinds = detail.findings.map((f: { kind: string }) => f.kind);
    for (const [kind, n] of [
      ['strength', 2],
      ['shortcoming', 2],
      ['cause', 2],
      ['remedy', 2],
      ['recommendation', 2],
    ] as const) {
      expect(kinds.filter((k: string) => k === kind)).toHaveLength(n);
    }
    const dongDa = (
      await ctx.as(viewer, { method: 'GET', url: `/api/inspections/${byTarget['Quận ủy Đống Đa'].id}` })
    ).json();
    expect(dongDa.contentAreas.filter((a: { assessment: unknown }) => a.assessment)).toHaveLength(2);
  });

  it('gives the year with the conclusion number wherever it is listed (numbers restart every year)', async () => {
    const unit = await ctx.login('unit-stttt');
    const followUps = (await ctx.as(unit, { method: 'GET', url: '/api/follow-ups' })).json();
    expect(followUps.items.length).toBeGreaterThan(0);
    for (const item of followUps.items) expect(item.conclusion).toMatchObject({ number: '01-KL/ĐKT', year: 2023 });
    const myWork = (await ctx.as(unit, { method: 'GET', url: '/api/my-work' })).json();
    const contexts = JSON.stringify(myWork);
    expect(contexts).toContain('01-KL/ĐKT (2023)');
  });
});
