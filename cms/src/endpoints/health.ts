import type { Endpoint } from 'payload';
import { searchEngine } from '../search/engine';
import { COLLECTIONS } from '../slugs';

/** `GET /api/health` (loopback only): the database answers (FAQ count) and the search index is there. */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const faq = await req.payload.count({ collection: COLLECTIONS.faq, overrideAccess: true });
    return Response.json({ ok: true, faq: faq.totalDocs, search: await searchEngine().count() });
  },
};
