import config from '@payload-config';
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes';
import { cmsOrigins, guardRestRoute } from '../../../../access/forged-requests';
import { endpoints } from '../../../../endpoints';
import { restBodyGuard } from '../../../../endpoints/rest-body-guard';
import { readCmsEnv } from '../../../../env';

type RestHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>;

// Forged requests (cross-site, with the session cookie) are refused before Payload sees them: access/forged-requests.ts.
const origins = cmsOrigins(readCmsEnv().CMS_PUBLIC_URL);
const refused = (reason: string) => console.warn(`CMS: refused a state-changing request with the session cookie from another site (${reason})`);

/** Writes whose body Payload cannot read are answered 415/400 here, before Payload turns them into a 500. */
const guard = restBodyGuard(endpoints);
const guarded =
  (handler: RestHandler): RestHandler =>
  async (request, args) =>
    (await guard(request)) ?? handler(request, args);

export const GET = guardRestRoute(REST_GET(config), origins);
export const POST = guardRestRoute(guarded(REST_POST(config)), origins, refused);
export const DELETE = guardRestRoute(REST_DELETE(config), origins, refused);
export const PATCH = guardRestRoute(guarded(REST_PATCH(config)), origins, refused);
export const PUT = guardRestRoute(guarded(REST_PUT(config)), origins, refused);
export const OPTIONS = REST_OPTIONS(config);
