import { describe, expect, it } from 'vitest';
import { reasonText, type ErrorReason, type ReasonParams } from '../../shared/error-reasons.js';
import { useTestContext } from '../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });

const post = (url: string, payload: object) => ctx.as(cookies.admin, { method: 'POST', url, payload });
const vi = (reason: ErrorReason, params?: ReasonParams) => reasonText(reason, 'vi', params);

describe('a real error response can be shown in Vietnamese', () => {
  it('a duplicate program code: 409 CONFLICT with details.reason CODE_TAKEN on body.code', async () => {
    const issuer = await f.orgUnit();
    const program = { code: '07-CTr/TU', title: 'X', issuerOrgUnitId: issuer.id, periodStart: 2021, periodEnd: 2025 };
    const res = await post('/api/programs', program); // 07-CTr/TU is in the seed
    expect(res.statusCode).toBe(409);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'This code is already used' });
    expect(error.details).toMatchObject({ reason: 'CODE_TAKEN', field: 'body.code' });
    expect(vi(error.details.reason)).toBe('Mã này đã được sử dụng');
  });

  it('a business rule on a field: the issue carries the reason as its code', async () => {
    const issuer = await f.orgUnit();
    const res = await post('/api/programs', {
      code: '1-CTr/ERRTEST',
      title: 'X',
      issuerOrgUnitId: issuer.id,
      periodStart: 2025,
      periodEnd: 2021,
    });
    expect(res.statusCode).toBe(400);
    const [issue] = res.json().error.details.issues;
    expect(issue).toMatchObject({ field: 'body.periodEnd', code: 'YEAR_BEFORE_START' });
    expect(vi(issue.code)).toBe('Năm kết thúc không được trước năm bắt đầu');
  });

  it('a shared schema rule: its message is a reason, sent as the issue code with English text', async () => {
    const res = await post('/api/org-units', { code: 'a b', name: 'X', kind: 'department' });
    expect(res.statusCode).toBe(400);
    const issue = res.json().error.details.issues.find((i: { field: string }) => i.field === 'body.code');
    expect(issue).toMatchObject({ code: 'CODE_CHARS', message: 'Letters, digits and . _ - / only' });
    expect(vi(issue.code)).toBe('Chỉ dùng chữ, số và các ký tự . _ - /');
  });

  it('a reason with values: params travel with it and fill the Vietnamese text', async () => {
    const program = await f.program();
    const res = await post('/api/indicators', {
      programId: program.id,
      code: 'A',
      nameVi: 'Chỉ tiêu A',
      measureUnit: 'count',
      periodType: 'year',
      periodAggregation: 'sum',
      unitAggregation: 'sum',
      direction: 'higher',
      formula: 'NOPE / 2',
    });
    expect(res.statusCode).toBe(400);
    const [issue] = res.json().error.details.issues;
    expect(issue).toMatchObject({ field: 'body.formula', code: 'FORMULA_UNKNOWN_CODES', params: { codes: 'NOPE' } });
    expect(vi(issue.code, issue.params)).toBe('Công thức dùng mã chỉ tiêu không có hoặc tự tham chiếu: NOPE');
  });
});
