import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

// A proxy's or client's id is kept only when it cannot carry anything into a log line or a header: 8–128 of
// letters, digits and . _ : - (a UUID, nginx's $request_id, a trace id). Anything else gets a fresh id.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** Fastify's `genReqId`: the incoming `X-Request-Id` when well-formed, otherwise a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
}

/** Echoes the request's id to the caller, so a person reporting an error can quote what the log line holds. */
export function registerRequestIdHeader(app: FastifyInstance) {
  app.addHook('onRequest', (req, reply, done) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    done();
  });
}
