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
import { bestDbiAnswers, minimalDbiAnswers } from '../dx-assessments/test-helpers.js';
import { bundledFrameworkFiles, readBundledFramework } from '../dx-frameworks/bundled.js';

describe('Decree 80/2021/NĐ-CP Art. 11 as reference data', () => {
  it('cites the decree, article, clause and point of every item, and says whether the figure was confirmed', () => {
    for (const item of DECREE_80_SUPPORT) {
      expect(item.citation).toMatchObject({ decree: '80/2021/NĐ-CP', article: 11 });
      expect(citationVi(item.citation)).toMatch(/^Điều 11 khoản \d+ điểm [a-z] Nghị định 80\/2021\/NĐ-CP$/);
      expect(item.maxSharePercent).toBe(50);
      expect(item.title.vi.length).toBeGreaterThan(10);
      expect(item.title.en.length).toBeGreaterThan(10);
      // not read against the decree's own text: flagged, with what it was checked against
      expect(item.confirmed).toBe(false);
      expect(item.checkedAgainst).not.toBe('');
    }
  });

  it('gives each size class its caps (VND a year) and large firms nothing', () => {
    const caps = Object.fromEntries(
      sizeClasses.map((c) => [c, eligibleSupport(c).items.map((i) => [i.code, i.capForClassVnd / 1e6])]),
    );
    expect(caps).toEqual({
      micro: [
        ['TECH_TRANSFER_CONSULTING', 100],
        ['DX_SOLUTIONS', 20],
      ],
      small: [
        ['TECH_TRANSFER_CONSULTING', 100],
        ['DX_CONSULTING', 50],
        ['DX_SOLUTIONS', 50],
      ],
      medium: [
        ['TECH_TRANSFER_CONSULTING', 100],
        ['DX_CONSULTING', 100],
        ['DX_SOLUTIONS', 100],
      ],
      large: [],
    });
    expect(eligibleSupport('large').maxPerYearVnd).toBe(0);
  });

  it('sums a cohort by size class and formats VND the Vietnamese way', () => {
    const b = cohortMaxBudget({ micro: 2, small: 3, large: 7 });
    expect(b.totalVnd).toBe(2 * 120_000_000 + 3 * 200_000_000);
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
