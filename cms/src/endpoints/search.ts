import type { Endpoint, Payload } from 'payload';
import { handleSearch } from '@portal/api/search-endpoint';
import { handleSearchEvent } from '@portal/api/search-events-endpoint';
import { canRebuildSearchIndex } from '../access/roles';
import { rebuildSearchIndex, searchEngine } from '../search/engine';
import { recordSearchEvent } from '../search/query-stats';
import { COLLECTIONS } from '../slugs';
import { asRequest, forbidden, NO_STORE } from './payload-request';

/** Topics in display order, offered when a search finds nothing. */
async function listTopics(payload: Payload): Promise<{ slug: string; title: string }[]> {
  const topics = await payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, sort: 'order', overrideAccess: true });
  return topics.docs.map((doc) => ({ slug: String(doc.slug), title: String(doc.title) }));
}

/** `GET /api/search`: the site's search (forwarded by the public server). */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: (req) => handleSearch(asRequest(req), searchEngine(), console, () => listTopics(req.payload)),
};

/** `POST /api/search/events`: the search beacons (finished searches, opened results) for the statistics. */
export const searchEventsEndpoint: Endpoint = {
  path: '/search/events',
  method: 'post',
  handler: (req) => handleSearchEvent(asRequest(req), (event) => recordSearchEvent(req.payload, event)),
};

/**
 * `npm run reindex`: a full rebuild inside the CMS process (the only one that opens the database), for
 * administrators only; never forwarded by the public server.
 */
export const searchReindexEndpoint: Endpoint = {
  path: '/search/reindex',
  method: 'post',
  handler: async (req) => {
    if (!canRebuildSearchIndex(req)) return forbidden();
    const started = Date.now();
    const indexed = await rebuildSearchIndex(req.payload);
    return Response.json({ indexed, engine: searchEngine().name, ms: Date.now() - started }, { headers: NO_STORE });
  },
};
