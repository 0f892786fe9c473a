import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { NOT_FOUND_MESSAGE } from './api-messages';
import { DEFAULT_PROXY_MAX_BODY_BYTES, DEFAULT_PROXY_TIMEOUT_MS, forwardToCms } from './cms-proxy';
import { DISPLAY_MODE_PATH, handleDisplayMode } from './display-mode';
import { errorResponse } from './json-response';
import { createRateLimiter, DEFAULT_FORM_RATE_LIMIT, rateLimitKey, type RateLimitOptions } from './rate-limiter';
import { applySecurityHeaders } from './security-headers';
import { serveNotFoundPage, serveStatic } from './static-site';

/** Options of {@link createPublicApp}. */
export interface PublicAppOptions {
  /** Folder of the current site build; asked on every request, so a rebuilt site is swapped in by returning a new folder. */
  siteDir: () => string;
  /** Origin of the CMS process that runs the form and search endpoints, e.g. `http://127.0.0.1:3001`. */
  cmsOrigin: string;
  /** Per-IP limit on form submissions (default 10 per minute), or `false` to switch it off. */
  rateLimit?: RateLimitOptions | false;
  /** Largest request body forwarded to the CMS, in bytes (default 6 MB). */
  maxBodyBytes?: number;
  /** How long to wait for the CMS, in milliseconds (default 60 s). */
  upstreamTimeoutMs?: number;
  /**
   * Take the client IP from the last `X-Forwarded-For` entry instead of the socket. Only for
   * deployments behind a reverse proxy that sets that header; otherwise clients could pick their IP.
   */
  trustProxy?: boolean;
  /** Clock for the rate limiter (tests). */
  now?: () => number;
}

/** Forms are posted to `/api/forms/<name>[/<sub>]`; nothing else under it is forwarded. */
const FORM_PATH = /^\/api\/forms(?:\/[a-z0-9-]+)+$/;
const RATE_LIMITED_MESSAGE =
  'Слишком много отправок за короткое время. Пожалуйста, подождите немного и попробуйте ещё раз.';
const INTERNAL_ERROR_MESSAGE = 'Что-то пошло не так. Пожалуйста, попробуйте ещё раз чуть позже.';

/**
 * Builds the public origin: the static site, `/api/forms/*` (POST) and `/api/search` (GET) forwarded
 * to the CMS, and nothing else — `/admin` and every other `/api/` address answer 404 without
 * reaching the CMS. Every response carries the security headers. Listening is done separately
 * (see `public-server-main.ts`), so the app can also be tested in-process.
 */
export function createPublicApp(options: PublicAppOptions): Hono {
  const app = new Hono();
  const limiter =
    options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? DEFAULT_FORM_RATE_LIMIT, options.now);
  const clientIp = (c: Context) => resolveClientIp(c, options.trustProxy === true);
  const forward = (c: Context) =>
    forwardToCms(c.req.raw, {
      cmsOrigin: options.cmsOrigin,
      clientIp: clientIp(c),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_PROXY_MAX_BODY_BYTES,
      timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS,
    });
  const notFoundPage = (c: Context) => serveNotFoundPage(c.req.raw, options.siteDir());

  app.use('*', async (c, next) => {
    await next();
    applySecurityHeaders(c.res.headers, { overTls: isTls(c.req.raw) });
  });

  app.onError((error) => {
    // No request data in the log: URLs and bodies may carry personal data.
    console.error('[public-server] unhandled error', error.name);
    return errorResponse(500, { message: INTERNAL_ERROR_MESSAGE });
  });

  // The CMS admin is never reachable through the public origin, whatever the site folder holds.
  app.all('/admin', notFoundPage);
  app.all('/admin/*', notFoundPage);

  app.post('/api/forms/*', async (c) => {
    if (!FORM_PATH.test(new URL(c.req.url).pathname)) return apiNotFound();
    if (limiter !== null) {
      const ip = clientIp(c);
      const decision = limiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
      if (!decision.allowed) {
        return errorResponse(
          429,
          { message: RATE_LIMITED_MESSAGE },
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }
    }
    return forward(c);
  });
  app.get('/api/search', (c) => forward(c));
  // Handled here, not in the CMS: the choice only changes how this server serves pages.
  app.post(DISPLAY_MODE_PATH, (c) => handleDisplayMode(c.req.raw, isTls(c.req.raw)));
  app.all('/api', () => apiNotFound());
  app.all('/api/*', () => apiNotFound());

  app.all('*', (c) => serveStatic(c.req.raw, options.siteDir()));
  return app;
}

function apiNotFound(): Response {
  return errorResponse(404, { message: NOT_FOUND_MESSAGE });
}

function isTls(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  const forwarded = request.headers.get('x-forwarded-proto');
  return forwarded !== null && forwarded.split(',')[0]?.trim().toLowerCase() === 'https';
}

function resolveClientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Not running under @hono/node-server (e.g. in-process tests): no socket to ask.
    return null;
  }
}
