import crypto from 'node:crypto';

/** Header carrying `CMS_INTERNAL_TOKEN` on requests of our own processes (site build, scripts, tests). */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/** The addresses a loopback connection shows as: IPv4, IPv6 and IPv4 mapped into IPv6. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

/**
 * Whether a request may use the CMS's internal endpoints (`/api/site-export`, `/api/health`, anonymous
 * `/api/access`): it carries the internal token, or it comes straight from this machine.
 *
 * «Straight from this machine» is read from `X-Forwarded-For`, because that is where `next start` writes the socket
 * address when the request has no such header (next/dist/server/base-server.js) and route handlers see no socket.
 * So a request passes without the token only when that header holds exactly one loopback address and no other
 * forwarding header is present. A reverse proxy in front of the CMS sets or appends `X-Forwarded-For` with the
 * visitor's address (nginx: `$proxy_add_x_forwarded_for`), so everything coming through it needs the token; a
 * visitor's own `X-Forwarded-For: 127.0.0.1` is appended to, never taken alone. No header at all (not Next's
 * server) counts as unknown and needs the token.
 */
export function isInternalRequest(headers: Headers, token: string | undefined): boolean {
  const given = headers.get(INTERNAL_TOKEN_HEADER);
  if (given !== null) return Boolean(token) && sameSecret(given, token as string);
  if (headers.has('forwarded') || headers.has('x-real-ip')) return false;
  const forwardedFor = headers.get('x-forwarded-for');
  if (forwardedFor === null) return false;
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  return hops.length === 1 && LOOPBACK.has(hops[0] as string);
}

/** The refusal of an internal endpoint to anyone else. */
export const internalOnly = (): Response =>
  Response.json({ message: 'Этот адрес доступен только внутренним службам портала.' }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
