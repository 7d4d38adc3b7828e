import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Response headers for every answer (API, errors and the web app), as helmet writes them.
 * - CSP: everything from our own origin; no inline or foreign script. Styles allow 'unsafe-inline' because antd's
 *   CSS-in-JS writes <style> elements at run time (a nonce would need the server to rewrite index.html per request
 *   and thread the nonce into antd's ConfigProvider); inline styles cannot run script. Charts and previews draw from
 *   data: and blob: URLs.
 * - frame-ancestors 'none' and X-Frame-Options DENY: no other site may frame the UI (clickjacking).
 * - HSTS only in production (a development server on plain http must stay reachable); upgrade-insecure-requests only
 *   when cookies are Secure, i.e. when the app is served over https anyway.
 */
export function securityHeaders(o: { production: boolean; https: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(o.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: o.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/** The headers helmet sets with these options: they depend on nothing in the request. */
export function securityHeaderValues(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    // helmet reports a bad option through `next`: a start-up error
    if (err) throw err instanceof Error ? err : new Error('helmet refused the security header options');
  });
  return headers;
}

/**
 * Sets them on every answer. Computed once: @fastify/helmet built a new helmet middleware for every request (its
 * option parsing was 17 % of the server's CPU for a cached read in the profile, docs/benchmarks.md); no route here has
 * options of its own or a CSP nonce, so one set of values serves all.
 */
export function registerSecurityHeaders(app: FastifyInstance, o: { production: boolean; https: boolean }) {
  const headers = securityHeaderValues(securityHeaders(o));
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
