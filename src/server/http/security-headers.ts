import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Response headers for every answer (API, errors and the web app), through @fastify/helmet.
 * - CSP: everything from our own origin; no inline or foreign script. Styles allow 'unsafe-inline' because antd's
 *   CSS-in-JS writes <style> elements at run time (a nonce would need the server to rewrite index.html per request
 *   and thread the nonce into antd's ConfigProvider); inline styles cannot run script. Charts and previews draw from
 *   data: and blob: URLs.
 * - frame-ancestors 'none' and X-Frame-Options DENY: no other site may frame the UI (clickjacking).
 * - HSTS only in production (a development server on plain http must stay reachable); upgrade-insecure-requests only
 *   when cookies are Secure, i.e. when the app is served over https anyway.
 */
export function securityHeaders(o: { production: boolean; https: boolean }): FastifyHelmetOptions {
  return {
    global: true,
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
