import type { Endpoint } from 'payload';
import { fieldErrors } from '@portal/core/form-errors';
import { STATUS_NOT_FOUND_MESSAGE, StatusLookupSchema, statusByNumberAndContact, statusByToken } from '../appeals/handling/status-view';
import { asRequest, NO_STORE, searchParamsOf } from './payload-request';
import { russianIssue } from './russian-issue';

const notFound = () => Response.json({ message: STATUS_NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });

/** The client's status page by the private link's token (forwarded by the public server, rate-limited there). */
export const appealStatusByTokenEndpoint: Endpoint = {
  path: '/forms/status',
  method: 'get',
  handler: async (req) => {
    const status = await statusByToken(req.payload, searchParamsOf(req).get('token'));
    return status ? Response.json(status, { headers: NO_STORE }) : notFound();
  },
};

/** The same page by registration number plus the e-mail or phone of the appeal: one answer for every miss. */
export const appealStatusByNumberEndpoint: Endpoint = {
  path: '/forms/status',
  method: 'post',
  handler: async (req) => {
    const body = await (asRequest(req).json() as Promise<unknown>).catch(() => null);
    // The number is normalised here, at the boundary (Latin «B» for «В», any dash, spaces), by the page's own schema.
    const parsed = StatusLookupSchema.safeParse(body);
    if (!parsed.success) {
      return Response.json({ message: russianIssue(parsed.error.issues), fieldErrors: fieldErrors(parsed.error) }, { status: 400, headers: NO_STORE });
    }
    const status = await statusByNumberAndContact(req.payload, parsed.data);
    return status ? Response.json(status, { headers: NO_STORE }) : notFound();
  },
};
