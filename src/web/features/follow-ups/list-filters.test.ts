import { describe, expect, it } from 'vitest';
import { followUpFiltersFromUrl, followUpFiltersToUrl } from './list-filters';

describe('the follow-up board filters in the URL', () => {
  it('reads what "Việc của tôi" links to', () => {
    expect(followUpFiltersFromUrl(new URLSearchParams('addressee=u1&accepted=false'))).toMatchObject({
      addresseeOrgUnitId: 'u1',
      accepted: 'false',
      returned: undefined,
    });
    expect(followUpFiltersFromUrl(new URLSearchParams('addressee=u1&returned=true'))).toMatchObject({
      returned: 'true',
    });
    expect(followUpFiltersFromUrl(new URLSearchParams('overdue=true&kind=remedy&status=open'))).toMatchObject({
      overdue: 'true',
      kind: 'remedy',
      status: 'open',
    });
    expect(followUpFiltersFromUrl(new URLSearchParams('kind=x&accepted=maybe'))).toMatchObject({
      kind: undefined,
      accepted: undefined,
    });
  });

  it('writes a change back, and reads it again the same', () => {
    const f = {
      status: 'open',
      kind: 'recommendation',
      addresseeOrgUnitId: 'u1',
      overdue: 'true',
      accepted: 'false',
      returned: 'true',
    } as const;
    const params = new URLSearchParams(
      Object.entries(followUpFiltersToUrl(f)).filter((e): e is [string, string] => e[1] !== null),
    );
    expect(followUpFiltersFromUrl(params)).toEqual(f);
  });
});
