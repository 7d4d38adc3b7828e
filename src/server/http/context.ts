import type { Role } from '../../shared/fields.js';
import { unauthenticated } from './errors.js';
import type { FastifyRequest } from 'fastify';

/** Who is acting: the logged-in user, as the policies see them. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string | null;
  orgUnitName: string | null;
  personId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The public id of the session the request came with (null without one). */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (login, health, OpenAPI). */
    public?: boolean;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
