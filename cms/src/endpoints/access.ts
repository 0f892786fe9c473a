import { accessOperation, type Endpoint } from 'payload';
import { internalOnly, isInternalRequest } from '../access/internal-request';
import { readCmsEnv } from '../env';
import { NO_STORE } from './payload-request';

/**
 * `GET /api/access` in place of Payload's own (ours is listed first, so it wins): a logged-in staff member gets
 * their permissions as before (the admin's «refresh permissions»); anonymous callers only from loopback or with
 * `CMS_INTERNAL_TOKEN`, because the anonymous answer maps every collection and field of the CMS for a stranger.
 */
export const accessEndpoint: Endpoint = {
  path: '/access',
  method: 'get',
  handler: async (req) => {
    if (!req.user && !isInternalRequest(req.headers, readCmsEnv().CMS_INTERNAL_TOKEN)) return internalOnly();
    return Response.json(await accessOperation({ req }), { headers: NO_STORE });
  },
};
