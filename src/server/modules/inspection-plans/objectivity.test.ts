import { describe, expect, it } from 'vitest';
import {
  computeWarnings,
  type ObjectivityInput,
  type ObjectivityInspection,
  type ObjectivityMember,
} from './objectivity.js';

// org tree: city ─ dept ─ centre; city ─ other
const tree: Record<string, string[]> = {
  city: ['city'],
  dept: ['dept', 'city'],
  centre: ['centre', 'dept', 'city'],
  other: ['other', 'city'],
};
const names = new Map([
  ['city', 'UBND Thành phố'],
  ['dept', 'Sở TT&TT'],
  ['centre', 'Trung tâm CNTT'],
  ['other', 'Sở Y tế'],
]);

const insp = (
  id: string,
  teamId: string,
  target: string,
  windowStart: string,
  windowEnd: string,
): ObjectivityInspection => ({
  id,
  planCode: '15-KH/BCĐ',
  teamId,
  teamName: `Đoàn ${teamId}`,
  targetOrgUnitId: target,
  targetName: names.get(target)!,
  windowStart,
  windowEnd,
});
const member = (
  teamId: string,
  personId: string,
  orgUnitId: string | null,
  representedOrgUnitId: string | null = null,
): ObjectivityMember => ({
  teamId,
  personId,
  fullName: `Người ${personId}`,
  orgUnitId,
  representedOrgUnitId,
});
const run = (
  inspections: ObjectivityInspection[],
  members: ObjectivityMember[],
  focus = inspections.map((i) => i.id),
) =>
  computeWarnings({
    inspections,
    members,
    ancestors: new Map(Object.entries(tree)),
    unitNames: names,
    focus,
  } satisfies ObjectivityInput);

describe('MEMBER_FROM_TARGET', () => {
  it('flags a member whose own unit is the target, naming person and target', () => {
    const [w, ...rest] = run(
      [insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09')],
      [member('t1', 'p1', 'dept'), member('t1', 'p2', 'other')],
    );
    expect(rest).toEqual([]);
    expect(w).toMatchObject({
      code: 'MEMBER_FROM_TARGET',
      inspectionIds: ['i1'],
      teamId: 't1',
      personId: 'p1',
      params: { person: 'Người p1', target: 'Sở TT&TT', memberUnit: 'Sở TT&TT' },
    });
    expect(w.message).toContain('Người p1');
  });

  it('flags a member who represents the target even if their own unit is elsewhere', () => {
    const ws = run([insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09')], [member('t1', 'p1', 'other', 'dept')]);
    expect(ws.map((w) => w.code)).toEqual(['MEMBER_FROM_TARGET']);
  });

  it('flags a member from a unit under the target', () => {
    const ws = run([insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09')], [member('t1', 'p1', 'centre')]);
    expect(ws).toHaveLength(1);
    expect(ws[0].params.memberUnit).toBe('Trung tâm CNTT');
  });

  it('does not flag a member from the target’s parent body (ordinary oversight)', () => {
    expect(run([insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09')], [member('t1', 'p1', 'city', 'city')])).toEqual(
      [],
    );
  });

  it('reports a person once per inspection even when both their units match', () => {
    expect(
      run([insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09')], [member('t1', 'p1', 'dept', 'centre')]),
    ).toHaveLength(1);
  });
});

describe('TARGET_WINDOW_OVERLAP', () => {
  it('flags two inspections of the same target sharing a single day, across teams', () => {
    const ws = run(
      [insp('i1', 't1', 'other', '2023-06-05', '2023-06-09'), insp('i2', 't2', 'other', '2023-06-09', '2023-06-12')],
      [],
    );
    expect(ws).toEqual([expect.objectContaining({ code: 'TARGET_WINDOW_OVERLAP', inspectionIds: ['i1', 'i2'] })]);
    expect(ws[0].params).toMatchObject({
      firstWindow: '05/06/2023 – 09/06/2023',
      secondWindow: '09/06/2023 – 12/06/2023',
    });
  });

  it('does not flag adjacent days or different targets', () => {
    expect(
      run(
        [insp('i1', 't1', 'other', '2023-06-05', '2023-06-09'), insp('i2', 't2', 'other', '2023-06-10', '2023-06-12')],
        [],
      ),
    ).toEqual([]);
    expect(
      run(
        [insp('i1', 't1', 'other', '2023-06-05', '2023-06-09'), insp('i2', 't2', 'dept', '2023-06-05', '2023-06-09')],
        [],
      ),
    ).toEqual([]);
  });

  it('reports only pairs that touch the focus', () => {
    const all = [
      insp('i1', 't1', 'other', '2023-06-05', '2023-06-09'),
      insp('i2', 't2', 'other', '2023-06-06', '2023-06-07'),
      insp('i3', 't3', 'other', '2023-06-08', '2023-06-08'),
    ];
    const ws = run(all, [], ['i1']);
    expect(ws.map((w) => w.inspectionIds)).toEqual([
      ['i1', 'i2'],
      ['i1', 'i3'],
    ]);
  });
});

describe('PERSON_WINDOW_OVERLAP', () => {
  it('flags one person in two teams whose inspections overlap, once per pair', () => {
    const ws = run(
      [insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09'), insp('i2', 't2', 'other', '2023-06-01', '2023-06-05')],
      [member('t1', 'p1', null), member('t2', 'p1', null), member('t1', 'p2', null)],
    );
    expect(ws).toEqual([
      expect.objectContaining({ code: 'PERSON_WINDOW_OVERLAP', personId: 'p1', inspectionIds: ['i2', 'i1'] }),
    ]);
  });

  it('does not flag adjacent windows', () => {
    expect(
      run(
        [insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09'), insp('i2', 't2', 'other', '2023-06-10', '2023-06-12')],
        [member('t1', 'p1', null), member('t2', 'p1', null)],
      ),
    ).toEqual([]);
  });
});

it('never repeats a warning, even when inputs repeat', () => {
  const i1 = insp('i1', 't1', 'dept', '2023-06-05', '2023-06-09');
  const i2 = insp('i2', 't2', 'dept', '2023-06-07', '2023-06-08');
  const m = [member('t1', 'p1', 'dept'), member('t1', 'p1', 'dept'), member('t2', 'p1', 'dept')];
  const ws = run([i1, i2], m);
  const keys = ws.map((w) => `${w.code}|${w.personId ?? ''}|${w.inspectionIds.join(',')}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(ws.map((w) => w.code).sort()).toEqual([
    'MEMBER_FROM_TARGET',
    'MEMBER_FROM_TARGET',
    'PERSON_WINDOW_OVERLAP',
    'TARGET_WINDOW_OVERLAP',
  ]);
});
