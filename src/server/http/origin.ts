import type { FastifyRequest } from 'fastify';

/** The origin the request came to, printed in a document's verification address when PUBLIC_ORIGIN is not set. */
export const requestOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
