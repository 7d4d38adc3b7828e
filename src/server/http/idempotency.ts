import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../../shared/errors.js';
import type { Db, DbOrTx } from '../db/client.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { canonicalJson, sha256Hex } from '../lib/hash.js';
import { DomainError, invalid } from './errors.js';

/** How long a stored response answers retries. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,200}$/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A creation route that honours `Idempotency-Key`: a retry with the same key and body gets the first response
     * back instead of making a second record.
     */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { actorId: string; key: string } | null;
  }
}

export function createIdempotencyRepo() {
  const expired = sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  return {
    /** Claims the key for a new request; false when it is already taken (and not expired). */
    async claim(db: DbOrTx, row: { actorId: string; key: string; route: string; requestSha256: string }) {
      // expired rows of every account go here (cheap on the created_at index), this key's among them
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, expired));
      const claimed = await db
        .insert(idempotencyKeys)
        .values(row)
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      return claimed.length > 0;
    },
    async get(db: DbOrTx, actorId: string, key: string) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key)));
      return row;
    },
    complete: (db: DbOrTx, actorId: string, key: string, status: number, body: string) =>
      db
        .update(idempotencyKeys)
        .set({ status, body })
        .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status))),
    /** Frees the key of a request that failed on the server's side, so that a retry runs it again. */
    release: (db: DbOrTx, actorId: string, key: string) =>
      db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status))),
  };
}

/**
 * `Idempotency-Key` for the routes whose config says `idempotent: true`. The key is claimed (one row, committed at
 * once) before the handler runs; the response is stored when it is sent. Same key + same body → the stored response
 * (header `Idempotent-Replayed: true`); same key + another body or route → 422; the first still running → 409.
 * A 5xx frees the key. Keys are per account. The unique constraints in the schema stay the last line of defence:
 * a request without a key, or one whose first attempt died between its commit and the storing of its response, still
 * cannot make a second record where the domain says one.
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  const repo = createIdempotencyRepo();
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.routeOptions.config?.idempotent) return;
    const header = req.headers['idempotency-key'];
    if (header === undefined || !req.actor) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) throw invalid([{ field: 'headers.idempotency-key', reason: 'IDEMPOTENCY_KEY_FORMAT' }]);
    const route = `${req.method} ${req.url.split('?')[0]}`;
    const requestSha256 = sha256Hex(canonicalJson({ route, body: req.body ?? null }));
    const actorId = req.actor.id;
    if (await repo.claim(db, { actorId, key, route, requestSha256 })) {
      req.idempotency = { actorId, key };
      return;
    }
    const stored = await repo.get(db, actorId, key);
    if (!stored) throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 409, 'Retry: the key was just released');
    if (stored.route !== route || stored.requestSha256 !== requestSha256)
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        422,
        'This Idempotency-Key was used for a different request',
        { field: 'headers.idempotency-key' },
      );
    if (stored.status === null)
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_IN_PROGRESS,
        409,
        'The first request with this key is still running',
        {
          field: 'headers.idempotency-key',
        },
      );
    return reply
      .status(stored.status)
      .header('content-type', 'application/json; charset=utf-8')
      .header('idempotent-replayed', 'true')
      .send(stored.body ?? '');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 500) await repo.release(db, claim.actorId, claim.key);
    else
      await repo.complete(db, claim.actorId, claim.key, reply.statusCode, typeof payload === 'string' ? payload : '');
    return payload;
  });

  // a failed request whose error handler itself failed never reaches onSend: free its key then too
  app.addHook('onResponse', async (req) => {
    const claim = req.idempotency;
    if (claim) await repo.release(db, claim.actorId, claim.key);
  });
}
