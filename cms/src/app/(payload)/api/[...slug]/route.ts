import config from '@payload-config';
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes';
import { cmsOrigins, guardRestRoute } from '../../../../access/forged-requests';
import { readCmsEnv } from '../../../../env';

// Forged requests (cross-site, with the session cookie) are refused before Payload sees them: access/forged-requests.ts.
const origins = cmsOrigins(readCmsEnv().CMS_PUBLIC_URL);
const refused = (reason: string) => console.warn(`CMS: refused a state-changing request with the session cookie from another site (${reason})`);

export const GET = guardRestRoute(REST_GET(config), origins);
export const POST = guardRestRoute(REST_POST(config), origins, refused);
export const DELETE = guardRestRoute(REST_DELETE(config), origins, refused);
export const PATCH = guardRestRoute(REST_PATCH(config), origins, refused);
export const PUT = guardRestRoute(REST_PUT(config), origins, refused);
export const OPTIONS = REST_OPTIONS(config);
