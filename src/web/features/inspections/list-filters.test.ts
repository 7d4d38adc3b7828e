import { describe, expect, it } from 'vitest';
import { inspectionFiltersFromUrl, inspectionFiltersToUrl } from './list-filters';

describe('the inspections list filters in the URL', () => {
  it('reads what "Việc của tôi" links to', () => {
    expect(inspectionFiltersFromUrl(new URLSearchParams('open=true'))).toMatchObject({ open: 'true', late: undefined });
    expect(inspectionFiltersFromUrl(new URLSearchParams('late=true'))).toMatchObject({ late: 'true', open: undefined });
    expect(inspectionFiltersFromUrl(new URLSearchParams('status=drafting&plan=p1'))).toMatchObject({
      status: 'drafting',
      planId: 'p1',
    });
    expect(inspectionFiltersFromUrl(new URLSearchParams('status=bogus&open=yes'))).toEqual({
      status: undefined,
      planId: undefined,
      open: undefined,
      late: undefined,
    });
  });

  it('writes a change back, and reads it again the same', () => {
    const f = { status: 'in_progress', planId: 'p1', open: 'true', late: 'true' } as const;
    const params = new URLSearchParams(
      Object.entries(inspectionFiltersToUrl(f)).filter((e): e is [string, string] => e[1] !== null),
    );
    expect(inspectionFiltersFromUrl(params)).toEqual(f);
    expect(inspectionFiltersToUrl({ late: undefined })).toEqual({ late: null });
  });
});
