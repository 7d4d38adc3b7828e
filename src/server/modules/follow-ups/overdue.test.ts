import { describe, expect, it } from 'vitest';
import { daysOverdue, isOverdue } from './overdue.js';

const today = '2024-05-01';
const fu = (dueDate: string, status: 'open' | 'in_progress' | 'done' = 'open', withdrawnAt: Date | null = null) => ({
  dueDate,
  status,
  withdrawnAt,
});

describe('overdue rules', () => {
  it('is overdue the day after the due date, counting whole days', () => {
    expect(isOverdue(fu('2024-04-30'), today)).toBe(true);
    expect(daysOverdue(fu('2024-04-30'), today)).toBe(1);
    expect(daysOverdue(fu('2024-03-31', 'in_progress'), today)).toBe(31);
    expect(daysOverdue(fu('2023-05-01'), today)).toBe(366);
  });

  it('is not overdue on the due date itself or before it', () => {
    expect(isOverdue(fu('2024-05-01'), today)).toBe(false);
    expect(daysOverdue(fu('2024-05-02'), today)).toBe(0);
  });

  it('is never overdue once done or withdrawn', () => {
    expect(isOverdue(fu('2024-01-01', 'done'), today)).toBe(false);
    expect(isOverdue(fu('2024-01-01', 'open', new Date('2024-02-01')), today)).toBe(false);
  });
});
