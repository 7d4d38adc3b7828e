import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors.js';

/** A bare app with only the error handler, and routes that fail the ways a database driver does. */
function appThrowing(error: unknown) {
  const app = Fastify({ logger: false });
  registerErrorHandler(app, { spaFallback: false });
  app.get('/boom', async () => {
    throw error;
  });
  return app;
}

describe('error handler', () => {
  it('answers a unique violation raised by a racing writer with 409 CONFLICT naming the constraint, also when wrapped', async () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'conclusions_year_number_uq',
    });
    const wrapped = Object.assign(new Error('Failed query: insert …'), { cause: pgError });
    for (const err of [pgError, wrapped]) {
      const res = await appThrowing(err).inject({ method: 'GET', url: '/boom' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        error: {
          code: 'CONFLICT',
          message: 'Already exists',
          details: { constraint: 'conclusions_year_number_uq' },
          requestId: expect.any(String),
        },
      });
    }
  });

  it('answers anything else unexpected with a bare 500 that leaks no detail', async () => {
    const res = await appThrowing(
      Object.assign(new Error('relation "secret_table" does not exist'), { code: '42P01' }),
    ).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'INTERNAL', message: 'Internal error', details: null, requestId: expect.any(String) },
    });
  });
});
