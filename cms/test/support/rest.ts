import { handleEndpoints } from 'payload';
import { cmsOrigins, guardRestRoute } from '../../src/access/forged-requests';
import type { TestCms } from '../harness';

/**
 * The CMS's REST API as `next start` serves it (app/(payload)/api/[...slug]/route.ts): the forged-request guard in
 * front of Payload's own request handling, on the test CMS. Takes real `Request`s, returns real `Response`s.
 */
export function restApi(cms: TestCms, publicUrl: string | undefined): (request: Request) => Promise<Response> {
  const route = guardRestRoute((request: Request) => handleEndpoints({ config: cms.payload.config, request, payloadInstanceCacheKey: cms.dir }), cmsOrigins(publicUrl));
  return async (request) => route(request);
}
