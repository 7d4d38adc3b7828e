import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '../../../shared/dx/framework-format.js';
import { scoreAssessment } from '../../../shared/dx/scoring.js';
import { sizeClasses } from '../../../shared/enterprises/size-class.js';
import {
  citationVi,
  cohortMaxBudget,
  DECREE_80_SUPPORT,
  eligibleSupport,
  formatVnd,
} from '../../../shared/support/decree80.js';
import {
  frameworkCategoryMap,
  platformCategories,
  platformCategoryCodes,
  recommendCategories,
  WEAK_BELOW,
} from '../../../shared/support/platform-categories.js';
import { reportSupportFor } from '../../../shared/support/report-support.js';
import { bestDbiAnswers, minimalDbiAnswers } from '../dx-assessments/test-helpers.js';
import { bundledFrameworkFiles, readBundledFramework } from '../dx-frameworks/bundled.js';

describe('Decree 80/2021/NĐ-CP Art. 11 as reference data', () => {
  it('cites the article and clause of every item as the decree numbers them, each checked against the article', () => {
    // Art. 11 ("Technology support for small and medium enterprises"), clauses 1–4; clause 5 assigns duties
    expect(DECREE_80_SUPPORT.map((i) => [i.code, citationVi(i.citation)])).toEqual([
      ['DX_CONSULTING', 'Điều 11 khoản 1 Nghị định 80/2021/NĐ-CP'],
      ['DX_SOLUTIONS', 'Điều 11 khoản 2 Nghị định 80/2021/NĐ-CP'],
      ['IP_CONSULTING', 'Điều 11 khoản 3 Nghị định 80/2021/NĐ-CP'],
      ['TECH_TRANSFER_CONSULTING', 'Điều 11 khoản 4 Nghị định 80/2021/NĐ-CP'],
    ]);
    for (const item of DECREE_80_SUPPORT) {
      expect(item.maxSharePercent).toBe(50);
      expect(item.title.vi.length).toBeGreaterThan(10);
      expect(item.title.en.length).toBeGreaterThan(10);
      expect(item.confirmed).toBe(true);
      expect(item.checkedAgainst).toMatch(/Article 11/);
    }
    // a point is cited when an item has one
    expect(citationVi({ decree: '80/2021/NĐ-CP', article: 12, clause: 2, point: 'a' })).toBe(
      'Điều 12 khoản 2 điểm a Nghị định 80/2021/NĐ-CP',
    );
  });

  it('gives each size class its caps (VND a year) and large firms nothing', () => {
    const caps = Object.fromEntries(
      sizeClasses.map((c) => [c, eligibleSupport(c).items.map((i) => [i.code, i.capForClassVnd / 1e6])]),
    );
    expect(caps).toEqual({
      // clause 1 names small and medium firms only
      micro: [
        ['DX_SOLUTIONS', 20],
        ['IP_CONSULTING', 100],
        ['TECH_TRANSFER_CONSULTING', 100],
      ],
      small: [
        ['DX_CONSULTING', 50],
        ['DX_SOLUTIONS', 50],
        ['IP_CONSULTING', 100],
        ['TECH_TRANSFER_CONSULTING', 100],
      ],
      medium: [
        ['DX_CONSULTING', 100],
        ['DX_SOLUTIONS', 100],
        ['IP_CONSULTING', 100],
        ['TECH_TRANSFER_CONSULTING', 100],
      ],
      large: [],
    });
    expect(eligibleSupport('micro').maxPerYearVnd).toBe(220_000_000);
    expect(eligibleSupport('large').maxPerYearVnd).toBe(0);
  });

  it('says so in the report while a figure is not checked against the decree, and not once all are', () => {
    const unchecked = DECREE_80_SUPPORT.map((i) => (i.code === 'DX_SOLUTIONS' ? { ...i, confirmed: false } : i));
    expect(reportSupportFor('small', 'DBI-SME', {}, unchecked).decree80.note.vi).toMatch(/chưa được đối chiếu/);
    const note = reportSupportFor('small', 'DBI-SME', {}).decree80.note;
    expect(note.vi).toBe('Mức hỗ trợ tối đa theo Điều 11 Nghị định 80/2021/NĐ-CP.');
    expect(reportSupportFor('large', 'DBI-SME', {}, unchecked).decree80.note.vi).toMatch(/Doanh nghiệp lớn/);
  });

  it('sums a cohort by size class over the kinds of support given, and formats VND the Vietnamese way', () => {
    const all = ['dx_consulting', 'dx_solutions', 'ip_consulting', 'tech_transfer_consulting'] as const;
    const b = cohortMaxBudget({ micro: 2, small: 3, large: 7 }, all);
    expect(b.totalVnd).toBe(2 * 220_000_000 + 3 * 300_000_000);
    expect(b.items.map((i) => i.code)).toEqual(DECREE_80_SUPPORT.map((i) => i.code));
    // renting or buying solutions alone: 20 M for a micro firm, 50 M for a small one
    expect(cohortMaxBudget({ micro: 2, small: 3 }, ['dx_solutions', 'training']).totalVnd).toBe(2 * 20e6 + 3 * 50e6);
    expect(cohortMaxBudget({ micro: 2, small: 3 }, ['training', 'assessment', 'other'])).toMatchObject({
      totalVnd: 0,
      items: [],
    });
    expect(b.byClass.find((c) => c.sizeClass === 'large')).toEqual({
      sizeClass: 'large',
      firms: 7,
      perFirmVnd: 0,
      totalVnd: 0,
    });
    expect(formatVnd(840_000_000)).toBe('840.000.000 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
  });
});

describe('digital platform categories and the frameworks’ weak answers', () => {
  const codesOf = (nodes: readonly FrameworkNode[]): string[] =>
    nodes.flatMap((n) => [n.code, ...codesOf(n.children ?? [])]);

  it('labels every category in vi and en, and maps only nodes that exist in each bundled framework', () => {
    for (const c of platformCategoryCodes) {
      expect(platformCategories[c].vi).not.toBe('');
      expect(platformCategories[c].en).not.toBe('');
    }
    const bundled = bundledFrameworkFiles.map((f) => readBundledFramework(f));
    expect(Object.keys(frameworkCategoryMap).sort()).toEqual(bundled.map((d) => d.code).sort());
    for (const def of bundled) {
      const nodes = new Set(codesOf(def.pillars));
      for (const node of Object.keys(frameworkCategoryMap[def.code]))
        expect(nodes, `${def.code} ${node}`).toContain(node);
    }
  });

  it('recommends the categories of nodes scored below half their points, and none for a perfect firm', () => {
    const dbi = readBundledFramework('dbi-sme.json');
    expect(recommendCategories('DBI-SME', scoreAssessment(dbi, bestDbiAnswers()).nodes)).toEqual([]);
    const weak = recommendCategories('DBI-SME', scoreAssessment(dbi, minimalDbiAnswers()).nodes);
    expect(weak.length).toBeGreaterThan(3);
    for (const r of weak) {
      expect(r.name).toEqual(platformCategories[r.code]);
      for (const b of r.because) expect(b.share).toBeLessThan(WEAK_BELOW);
    }
    // most weak nodes first
    const counts = weak.map((r) => r.because.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('treats exactly half as not weak, and a node without points as never weak', () => {
    expect(recommendCategories('DBI-SME', { 'IT-6': { score: 5, max: 10 } })).toEqual([]);
    expect(recommendCategories('DBI-SME', { 'IT-6': { score: 4.99, max: 10 } }).map((r) => r.code)).toEqual(['hr']);
    expect(recommendCategories('DBI-SME', { 'IT-6': { score: 0, max: 0 } })).toEqual([]);
    expect(recommendCategories('SOMETHING-IMPORTED', { 'IT-6': { score: 0, max: 10 } })).toEqual([]);
  });
});
