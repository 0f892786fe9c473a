import fs from 'node:fs';
import path from 'node:path';
import type { Endpoint } from 'payload';
import { internalOnly, isInternalRequest } from '../access/internal-request';
import { probeSmtp } from '../appeals/outbox/smtp-probe';
import { readCmsEnv } from '../env';
import { searchEngine } from '../search/engine';
import { COLLECTIONS } from '../slugs';
import { NO_STORE } from './payload-request';

/**
 * `GET /api/health` (internal: loopback or `CMS_INTERNAL_TOKEN`): the database answers (FAQ count) and the search
 * index is there.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    if (!isInternalRequest(req.headers, readCmsEnv().CMS_INTERNAL_TOKEN)) return internalOnly();
    const faq = await req.payload.count({ collection: COLLECTIONS.faq, overrideAccess: true });
    return Response.json({ ok: true, faq: faq.totalDocs, search: await searchEngine().count() }, { headers: NO_STORE });
  },
};

/** `GET /api/healthz` (internal): the process is up and answers HTTP. Nothing else is asked, so it is cheap. */
export const healthzEndpoint: Endpoint = {
  path: '/healthz',
  method: 'get',
  handler: (req) => {
    if (!isInternalRequest(req.headers, readCmsEnv().CMS_INTERNAL_TOKEN)) return internalOnly();
    return Response.json({ ok: true }, { headers: NO_STORE });
  },
};

/** How long each readiness check may take. */
const CHECK_TIMEOUT_MS = 2000;

const withinTimeout = <T>(work: Promise<T>, what: string): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref())]);

/**
 * `GET /api/readyz` (internal): 200 only when the database answers a query, the SMTP server of `SMTP_URL` greets
 * (a TCP/TLS connection and its `220`, no login) and a site build is present under `SITE_CURRENT_LINK`; otherwise
 * 503 naming each failed check. Every check has a 2 s limit, so a hung dependency gives a 503, not a hung probe.
 */
export const readyzEndpoint: Endpoint = {
  path: '/readyz',
  method: 'get',
  handler: async (req) => {
    const env = readCmsEnv();
    if (!isInternalRequest(req.headers, env.CMS_INTERNAL_TOKEN)) return internalOnly();
    const database = withinTimeout(req.payload.count({ collection: COLLECTIONS.users, overrideAccess: true }), 'database').then(
      () => 'ok',
      (error: unknown) => `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'error'}`,
    );
    const smtp = probeSmtp(env.SMTP_URL, CHECK_TIMEOUT_MS).then((probe) => (probe.ok ? 'ok' : `failed: ${probe.reason}`));
    const site = !env.SITE_CURRENT_LINK
      ? 'failed: SITE_CURRENT_LINK is not set'
      : fs.existsSync(path.join(env.SITE_CURRENT_LINK, 'index.html'))
        ? 'ok'
        : 'failed: no site build (run the site build or npm run serve)';
    const checks = { database: await database, smtp: await smtp, site };
    const ready = Object.values(checks).every((check) => check === 'ok');
    return Response.json({ ready, checks }, { status: ready ? 200 : 503, headers: NO_STORE });
  },
};
