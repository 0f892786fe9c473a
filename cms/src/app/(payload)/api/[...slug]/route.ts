import config from '@payload-config';
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes';
import { endpoints } from '../../../../endpoints';
import { restBodyGuard } from '../../../../endpoints/rest-body-guard';

type RestHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>;

/** Writes whose body Payload cannot read are answered 415/400 here, before Payload turns them into a 500. */
const guard = restBodyGuard(endpoints);
const guarded =
  (handler: RestHandler): RestHandler =>
  async (request, args) =>
    (await guard(request)) ?? handler(request, args);

export const GET = REST_GET(config);
export const POST = guarded(REST_POST(config));
export const DELETE = REST_DELETE(config);
export const PATCH = guarded(REST_PATCH(config));
export const PUT = guarded(REST_PUT(config));
export const OPTIONS = REST_OPTIONS(config);
