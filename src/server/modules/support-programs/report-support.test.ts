import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { useTestContext } from '../../test/test-app.js';
import { minimalDbiAnswers } from '../dx-assessments/test-helpers.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

/** A DBI-SME assessment of a fresh firm of these figures, answered minimally (weak almost everywhere). */
async function assessed(o: { employees: number; revenueVnd: number; capitalVnd: number }, override?: string) {
  const e = await f.enterprise(o);
  const a = await f.assessment({ taxCode: e.taxCode, year: 2025, applicabilityOverride: override });
  await ctx.services.dxAssessments.saveAnswers(SYSTEM_ACTOR, a.id, minimalDbiAnswers());
  return { e, id: a.id };
}

describe('the firm’s DX report: eligible Decree 80 support and platform categories (issue 13 §2)', () => {
  it('lists the support of the firm’s size class, each item cited by article and clause', async () => {
    const { id } = await assessed({ employees: 5, revenueVnd: 1_000_000_000, capitalVnd: 1_000_000_000 });
    const r = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/dx/assessments/${id}/report` });
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json().support;
    expect(s.sizeClass).toBe('micro');
    expect(s.decree80.items.map((i: { code: string; capText: string }) => [i.code, i.capText])).toEqual([
      ['DX_SOLUTIONS', '20.000.000 ₫'],
      ['IP_CONSULTING', '100.000.000 ₫'],
      ['TECH_TRANSFER_CONSULTING', '100.000.000 ₫'],
    ]);
    expect(s.decree80.items[0].citation).toBe('Điều 11 khoản 2 Nghị định 80/2021/NĐ-CP');
    expect(s.decree80.items.every((i: { confirmed: boolean }) => i.confirmed)).toBe(true);
    expect(s.decree80.maxPerYearText).toBe('220.000.000 ₫');
    expect(s.decree80.note.vi).toBe('Mức hỗ trợ tối đa theo Điều 11 Nghị định 80/2021/NĐ-CP.');
    // weak answers point to categories (names, never vendors)
    expect(s.platformCategories.weakBelow).toBe(0.5);
    expect(s.platformCategories.items.length).toBeGreaterThan(3);
    expect(s.platformCategories.items[0]).toMatchObject({ name: { vi: expect.any(String), en: expect.any(String) } });

    const docx = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/dx/assessments/${id}/report.docx` });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('4. Hỗ trợ theo Nghị định 80/2021/NĐ-CP (doanh nghiệp siêu nhỏ)');
    expect(xml).toContain(
      'tối đa 20.000.000 ₫/năm</w:t></w:r><w:r><w:t xml:space="preserve"> (Điều 11 khoản 2 Nghị định 80/2021/NĐ-CP).',
    );
    expect(xml).not.toContain('chưa đối chiếu');
    expect(xml).toContain('5. Nhóm nền tảng số nên xem xét');
    expect(xml).toContain(s.platformCategories.items[0].name.vi);
  });

  it('a large firm gets nothing under Decree 80, and the report says so', async () => {
    // DBI-SME is not for large firms: the secretariat assessed this one with it anyway, saying why
    const { id } = await assessed(
      { employees: 500, revenueVnd: 900_000_000_000, capitalVnd: 500_000_000_000 },
      'Chưa có bộ chỉ số cho doanh nghiệp lớn',
    );
    const s = (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/dx/assessments/${id}/report` })).json()
      .support;
    expect(s).toMatchObject({ sizeClass: 'large', decree80: { items: [], maxPerYearVnd: 0 } });
    expect(s.decree80.note.vi).toMatch(/Doanh nghiệp lớn không thuộc đối tượng hỗ trợ/);
    expect(s.decree80.note.en).toMatch(/Large enterprises are not eligible/);
    const docx = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/dx/assessments/${id}/report.docx` });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Doanh nghiệp lớn không thuộc đối tượng hỗ trợ của Nghị định 80/2021/NĐ-CP');
  });
});
