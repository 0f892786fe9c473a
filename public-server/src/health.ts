import fs from 'node:fs';
import path from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The addresses a loopback connection shows as: IPv4, IPv6 and IPv4 mapped into IPv6. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether a request to `/healthz` or `/readyz` comes straight from this machine: a loopback socket and no
 * forwarding header. A reverse proxy on the same machine (nginx) connects from loopback too, but it adds
 * `X-Forwarded-For` / `X-Real-IP` / `Forwarded`, so what comes through it is refused like any visitor.
 */
export function isLocalProbe(c: Context): boolean {
  const headers = c.req.raw.headers;
  if (headers.has('x-forwarded-for') || headers.has('x-real-ip') || headers.has('forwarded')) return false;
  try {
    return LOOPBACK.has(getConnInfo(c).remote.address ?? '');
  } catch {
    // Not under @hono/node-server (in-process tests): no socket, so not provably local.
    return false;
  }
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/** `GET /healthz`: the public server runs. */
export function healthz(): Response {
  return Response.json({ ok: true }, { headers: NO_STORE });
}

/**
 * `GET /readyz`: 200 only when this server has a site build to serve and the CMS is ready (its `/api/readyz`:
 * database, SMTP, site build), within `timeoutMs`; otherwise 503 with every check, the failed ones saying why.
 */
export async function readyz(siteDir: () => string, cmsOrigin: string, timeoutMs = 5000): Promise<Response> {
  let site = 'ok';
  try {
    if (!fs.existsSync(path.join(siteDir(), 'index.html'))) site = 'failed: the site build has no index.html';
  } catch {
    site = 'failed: no site build';
  }
  let cms: Record<string, string> = {};
  try {
    const response = await fetch(new URL('/api/readyz', cmsOrigin), { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => ({}))) as { checks?: Record<string, string> };
    cms = body.checks && typeof body.checks === 'object' ? body.checks : { cms: `failed: HTTP ${response.status}` };
    if (!response.ok && Object.values(cms).every((check) => check === 'ok')) cms = { ...cms, cms: `failed: HTTP ${response.status}` };
  } catch (error) {
    cms = { cms: `failed: no answer from the CMS (${error instanceof Error ? error.name : 'error'})` };
  }
  const checks: Record<string, string> = { publicSite: site, ...cms };
  const ready = Object.values(checks).every((check) => check === 'ok');
  return Response.json({ ready, checks }, { status: ready ? 200 : 503, headers: NO_STORE });
}
