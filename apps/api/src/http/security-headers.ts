import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The console's Content-Security-Policy. Every script is a file from /console/assets (htmx,
 * echarts, console.js): no inline script and no on*= handler exists, so none may run.
 * Styles allow inline because ECharts draws with style attributes and a letter preview
 * (an `<iframe srcdoc>`, which inherits this policy) carries its own `<style>`.
 */
export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI's page sets up the UI with its own inline code: it keeps no CSP of ours. */
const WITHOUT_CSP = /^\/api\/docs(\/|$)/;

const withCsp = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
  // Same-origin POSTs must keep their Origin header (the console's CSRF check reads it).
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  xFrameOptions: { action: 'deny' },
  // HSTS belongs to the TLS-terminating proxy; this process often serves plain HTTP.
  strictTransportSecurity: false,
});
const withoutCsp = helmet({
  contentSecurityPolicy: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

/**
 * Security headers on every response, mounted before the routes so error pages, 404s and
 * re-rendered forms carry them too. A route that must differ sets its own header afterwards
 * (the letter frame: a sandboxed CSP and SAMEORIGIN framing).
 */
export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/v1/') || req.path === '/api/v1') {
      // API answers hold personal data: never kept by a browser or a shared cache.
      res.setHeader('Cache-Control', 'no-store');
    }
    (WITHOUT_CSP.test(req.path) ? withoutCsp : withCsp)(req, res, next);
  };
}
