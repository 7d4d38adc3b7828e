import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * `n` writers (default 8) sent at once, each from the same version: exactly one wins (200), every other is refused as
 * stale (409). Returns the winner's response and the refused ones. For the lost-update tests (PostgreSQL: concurrent
 * connections; PGlite runs one statement at a time).
 */
export async function raceWriters(
  write: (i: number) => Promise<LightMyRequestResponse>,
  n = 8,
): Promise<{ winner: LightMyRequestResponse; stale: LightMyRequestResponse[] }> {
  const res = await Promise.all(Array.from({ length: n }, (_, i) => write(i)));
  const codes = res.map((r) => r.statusCode).sort();
  expect(codes, res.map((r) => r.body).join('\n')).toEqual([200, ...Array<number>(n - 1).fill(409)]);
  return { winner: res.find((r) => r.statusCode === 200)!, stale: res.filter((r) => r.statusCode === 409) };
}
