import { describe, expect, it } from 'vitest';
import { issueConflict, startConflict } from './inspection-schedule.js';

describe('actions against the inspection schedule', () => {
  it('flags a start before the scheduled start only', () => {
    expect(startConflict('2026-12-02', '2026-12-07')).toEqual({ reason: 'START_BEFORE_SCHEDULE', date: '2026-12-07' });
    expect(startConflict('2026-12-07', '2026-12-07')).toBeNull();
    expect(startConflict('2026-12-20', '2026-12-07')).toBeNull();
  });

  it('flags an issue date before the recorded start first, then before the scheduled end', () => {
    const s = { startedOn: '2026-12-02', windowEnd: '2026-12-11' };
    expect(issueConflict('2026-11-30', s)).toEqual({ reason: 'ISSUE_BEFORE_START', date: '2026-12-02' });
    expect(issueConflict('2026-12-05', s)).toEqual({ reason: 'ISSUE_BEFORE_SCHEDULED_END', date: '2026-12-11' });
    expect(issueConflict('2026-12-11', s)).toBeNull();
    // not started in the system (data from before the start was recorded): only the scheduled end counts
    expect(issueConflict('2026-12-05', { startedOn: null, windowEnd: '2026-12-04' })).toBeNull();
  });
});
