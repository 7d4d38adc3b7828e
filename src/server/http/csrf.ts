import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '../../shared/errors.js';
import { DomainError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const rejected = () =>
  new DomainError(ErrorCode.CSRF_REJECTED, 403, 'Refused: this request did not come from the app’s own pages');

/**
 * Cross-site request forgery guard. The session cookie is SameSite=Lax, but that alone lets a sibling site through
 * and depends on the browser; so every state-changing request (POST, PUT, PATCH, DELETE — uploads and body-less POSTs
 * of any content type included) must come from the app's own origin:
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin` (or `none`: typed by the user, not a page);
 * - `Origin`, when sent, must be `PUBLIC_ORIGIN` if configured, else the origin of the request's own Host.
 * Every current browser sends at least one of the two on such requests, and a page cannot remove them. A request with
 * neither comes from a non-browser client (curl, scripts, `app.inject` in tests): it carries no ambient cookie from a
 * victim's browser, so it is no forgery and is let through.
 */
export function registerCsrfGuard(app: FastifyInstance, opts: { publicOrigin?: string }) {
  app.addHook('onRequest', async (req) => {
    if (!STATE_CHANGING.has(req.method)) return;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw rejected();
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, req, opts.publicOrigin)) throw rejected();
  });
}

function sameOrigin(origin: string, req: FastifyRequest, publicOrigin: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin); // "null" (sandboxed frames, some redirects) does not parse: refused
  } catch {
    return false;
  }
  if (publicOrigin) return url.origin === publicOrigin;
  // the Host as seen by the server (X-Forwarded-Host only from TRUST_PROXY), read in the Origin's scheme so a
  // default port written out (":443") compares equal
  try {
    return new URL(`${url.protocol}//${req.host}`).host === url.host;
  } catch {
    return false;
  }
}
