import { describe, expect, it } from 'vitest';
import { rescoreTarget } from './rescore-target';
import type { FrameworkSummary } from '../../api/types';

const version = (v: number, status: 'draft' | 'published' | 'retired') => ({
  version: v,
  status,
  definitionSha256: `sha${v}`,
  generation: 'custom' as const,
  publishedAt: null,
  createdAt: new Date(0).toISOString(),
});
const frameworks = (...versions: ReturnType<typeof version>[]): FrameworkSummary[] => [
  { code: 'OTHER', name: { vi: 'Khác', en: 'Other' }, publishedVersion: 9, versions: [version(9, 'published')] },
  { code: 'DBI', name: { vi: 'DBI', en: 'DBI' }, publishedVersion: null, versions },
];
const on = (version: number, code = 'DBI') => ({ framework: { code, version } });

describe('rescoreTarget', () => {
  it('offers the newest published version above the current one', () => {
    expect(
      rescoreTarget(frameworks(version(1, 'published'), version(2, 'published'), version(3, 'published')), {
        code: 'DBI',
        version: 1,
      }),
    ).toBe(3);
  });

  it('offers nothing when no newer version is published (drafts and retired versions are not targets)', () => {
    expect(
      rescoreTarget(frameworks(version(1, 'published'), version(2, 'draft'), version(3, 'retired')), {
        code: 'DBI',
        version: 1,
      }),
    ).toBeNull();
    expect(
      rescoreTarget(frameworks(version(1, 'published'), version(2, 'published')), { code: 'DBI', version: 2 }),
    ).toBeNull();
    expect(rescoreTarget(undefined, { code: 'DBI', version: 1 })).toBeNull();
    expect(rescoreTarget(frameworks(version(1, 'published')), { code: 'MISSING', version: 1 })).toBeNull();
  });

  it('skips a version the enterprise already has an assessment on for that year', () => {
    const list = frameworks(version(1, 'published'), version(2, 'published'), version(3, 'published'));
    expect(rescoreTarget(list, { code: 'DBI', version: 1 }, [on(1), on(3)])).toBe(2);
    expect(rescoreTarget(list, { code: 'DBI', version: 1 }, [on(3, 'OTHER')])).toBe(3);
    expect(rescoreTarget(list, { code: 'DBI', version: 1 }, [on(2), on(3)])).toBeNull();
  });
});
