import type { Endpoint } from 'payload';
import { internalOnly, isInternalRequest } from '../access/internal-request';
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
