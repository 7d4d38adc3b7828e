import type { Role } from '../../shared/fields.js';
import type { Audience } from '../../shared/permissions.js';
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
    /**
     * Who the route is for: `public` (no session: login, health, OpenAPI), `staff` (the committee's accounts),
     * `enterprise` (enterprise accounts), or a list. Every /api route must say (checked at registration).
     */
    audience?: Audience | readonly Audience[];
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
