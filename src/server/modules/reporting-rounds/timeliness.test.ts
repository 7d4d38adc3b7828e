import { describe, expect, it } from 'vitest';
import { taskDaysOverdue } from '../program-tasks/overdue.js';
import { completeness, needsReminder, timeliness } from './timeliness.js';

describe('report timeliness', () => {
  it('is on time when first submitted by the due date in Hanoi, late after it', () => {
    // 2025-01-15T16:30Z is 23:30 on 15 January in Hanoi: still on time
    expect(timeliness('2025-01-15', new Date('2025-01-15T16:30:00Z'), '2025-02-01')).toBe('on_time');
    // 17:30Z is already 16 January in Hanoi
    expect(timeliness('2025-01-15', new Date('2025-01-15T17:30:00Z'), '2025-02-01')).toBe('late');
  });
  it('is missing when not submitted after the due date, pending before it', () => {
    expect(timeliness('2025-01-15', null, '2025-01-16')).toBe('missing');
    expect(timeliness('2025-01-15', null, '2025-01-15')).toBe('pending');
  });
  it('completeness counts submitted reports among those already due', () => {
    expect(completeness(['on_time', 'late', 'missing', 'pending'])).toBeCloseTo(66.667, 2);
    expect(completeness(['pending'])).toBeNull();
  });
  it('reminds units whose report is due within 7 days or overdue, not those who submitted', () => {
    expect(needsReminder('2025-01-15', null, '2025-01-08')).toEqual({ due: true, daysLeft: 7 });
    expect(needsReminder('2025-01-15', null, '2025-01-07').due).toBe(false);
    expect(needsReminder('2025-01-15', null, '2025-01-20')).toEqual({ due: true, daysLeft: -5 });
    expect(needsReminder('2025-01-15', new Date('2025-01-10T00:00:00Z'), '2025-01-14').due).toBe(false);
  });
});

describe('task overdue', () => {
  it('counts days past the deadline for unfinished tasks only', () => {
    expect(taskDaysOverdue({ status: 'in_progress', deadline: '2025-06-30' }, '2025-07-10')).toBe(10);
    expect(taskDaysOverdue({ status: 'not_started', deadline: '2025-06-30' }, '2025-06-30')).toBe(0);
    expect(taskDaysOverdue({ status: 'completed', deadline: '2025-06-30' }, '2025-07-10')).toBe(0);
    expect(taskDaysOverdue({ status: 'cancelled', deadline: '2025-06-30' }, '2025-07-10')).toBe(0);
  });
});
