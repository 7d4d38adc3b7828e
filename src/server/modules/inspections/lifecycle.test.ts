import { describe, expect, it } from 'vitest';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain.js';
import { authorityFor, isConcluded, isEditable, nextStatuses } from './lifecycle.js';

const allowed: [InspectionStatus, InspectionStatus, string][] = [
  ['planned', 'notified', 'member'],
  ['notified', 'in_progress', 'member'],
  ['in_progress', 'drafting', 'lead'],
  ['drafting', 'in_progress', 'lead'],
  ['drafting', 'issued', 'issue'],
  ['issued', 'follow_up', 'staff'],
  ['follow_up', 'closed', 'staff'],
];

describe('inspection lifecycle', () => {
  it.each(allowed)('%s → %s needs %s', (from, to, who) => {
    expect(authorityFor(from, to)).toBe(who);
  });

  it('has no other move', () => {
    const all = inspectionStatuses.flatMap((from) => inspectionStatuses.map((to) => [from, to] as const));
    const others = all.filter(([from, to]) => !allowed.some(([f, t]) => f === from && t === to));
    expect(others.length).toBe(49 - allowed.length);
    for (const [from, to] of others) expect(authorityFor(from, to)).toBeNull();
    expect(nextStatuses('closed')).toEqual([]);
    expect(nextStatuses('drafting').sort()).toEqual(['in_progress', 'issued']);
  });

  it('allows editing only in progress and drafting, and freezes content once issued', () => {
    expect(inspectionStatuses.filter(isEditable)).toEqual(['in_progress', 'drafting']);
    expect(inspectionStatuses.filter(isConcluded)).toEqual(['issued', 'follow_up', 'closed']);
  });
});
