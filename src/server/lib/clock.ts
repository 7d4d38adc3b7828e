/** Time source, injected so tests can pin "today" (overdue rules, windows, numbering by year). */
export interface Clock {
  now(): Date;
  /** Today's date in Vietnam (UTC+7) as 'YYYY-MM-DD': due dates are Hanoi calendar dates. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => hanoiDate(new Date()),
};

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at), today: () => hanoiDate(at) };
}

export function hanoiDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
