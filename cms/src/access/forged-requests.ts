/**
 * Forged requests (CSRF): a page on another site — including another subdomain of the company's own domain, which
 * browsers count as the same site, so SameSite=Lax lets the session cookie through — must not make a logged-in
 * staff member's browser change anything in the CMS. State-changing requests that carry the session cookie are
 * accepted only from the CMS's own origin. Requests without the cookie (the public server forwarding forms, the
 * site build, scripts authenticating with an `Authorization` header) are not affected: a foreign page cannot make
 * a browser send them with someone's credentials.
 */

/** The session cookie Payload sets (`cookiePrefix` is Payload's default). */
export const SESSION_COOKIE = 'payload-token';

/** Shown (as Payload-style JSON) when a request is refused as forged. */
export const FORGED_REQUEST_MESSAGE =
  'Запрос отклонён: изменения можно вносить только со страниц самой системы управления сайтом. ' +
  'Откройте её по обычному адресу и повторите действие.';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins the admin is served from: `CMS_PUBLIC_URL`'s origin; for a loopback address (the `npm start` setup)
 * also the other loopback names on the same port, so the admin works at both http://localhost:3001 and
 * http://127.0.0.1:3001. Empty when `CMS_PUBLIC_URL` is unset: then each request is compared with its own `Host`.
 */
export function cmsOrigins(publicUrl: string | undefined): string[] {
  if (!publicUrl) return [];
  const url = new URL(publicUrl);
  const origins = new Set([url.origin]);
  if (LOOPBACK_HOSTS.includes(url.hostname)) {
    for (const host of LOOPBACK_HOSTS) origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
  }
  return [...origins];
}

function hasSessionCookie(request: Request): boolean {
  const cookie = request.headers.get('cookie');
  return cookie !== null && cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

function isAllowedOrigin(origin: string, request: Request, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin);
  // No configured origin: the page must come from the host this request was sent to.
  try {
    return new URL(origin).host === request.headers.get('host');
  } catch {
    return false; // `null` (sandboxed frames, privacy redirects) and garbage
  }
}

/**
 * Why a request must be refused as forged, or null when it may go on. Refused: a state-changing request with the
 * session cookie and no `Authorization` header whose `Origin` is not the CMS's own, or — with no `Origin` — whose
 * `Sec-Fetch-Site` says another site sent it (`same-site` included: www. and cms. are the same site). A request
 * with neither header (curl, scripts) is not a browser's and passes.
 */
export function forgedRequestReason(request: Request, allowedOrigins: readonly string[]): string | null {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return null;
  // An API key or a JWT in a header: a foreign page cannot make the browser add one.
  if (request.headers.has('authorization')) return null;
  if (!hasSessionCookie(request)) return null;
  const origin = request.headers.get('origin');
  if (origin !== null) return isAllowedOrigin(origin, request, allowedOrigins) ? null : `origin ${origin.slice(0, 100)}`;
  const site = request.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin' || site === 'none') return null;
  return `Sec-Fetch-Site ${site.slice(0, 30)}`;
}

/** The 403 answer to a forged request, shaped like Payload's own errors so the admin shows the message. */
export function forgedRequestResponse(): Response {
  return Response.json({ errors: [{ message: FORGED_REQUEST_MESSAGE }] }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Adds `Secure` to the session cookie when the request reached the CMS over TLS (directly, or through a proxy
 * saying so with `X-Forwarded-Proto: https`). A spoofed header can only make the cookie stricter.
 */
export function withSecureSessionCookie(request: Request, response: Response): Response {
  const overTls = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  if (!overTls) return response;
  const cookies = response.headers.getSetCookie();
  if (!cookies.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && !/;\s*secure/i.test(cookie))) return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  for (const cookie of cookies) {
    headers.append('set-cookie', cookie.startsWith(`${SESSION_COOKIE}=`) && !/;\s*secure/i.test(cookie) ? `${cookie}; Secure` : cookie);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

type RouteHandler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response> | Response;

/**
 * Wraps a REST route handler of the CMS: refuses forged requests with 403 before Payload sees them, and marks the
 * session cookie `Secure` behind TLS. Used by app/(payload)/api/[...slug]/route.ts and by the tests.
 */
export function guardRestRoute<A extends unknown[]>(handler: RouteHandler<A>, allowedOrigins: readonly string[], log?: (reason: string) => void): RouteHandler<A> {
  return async (request, ...rest) => {
    const reason = forgedRequestReason(request, allowedOrigins);
    if (reason) {
      log?.(reason);
      return forgedRequestResponse();
    }
    return withSecureSessionCookie(request, await handler(request, ...rest));
  };
}
