import { fieldErrors } from '@portal/core/form-errors';
import { SearchEventSchema, type SearchEvent } from '@portal/search/query-stats';
import { METHOD_NOT_ALLOWED_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE } from './api-messages';
import { readJsonBody } from './http-input';
import { errorResponse } from './json-response';

/** A search event is a query and a number or id: 2 KB is plenty. */
export const SEARCH_EVENT_MAX_BYTES = 2048;

/**
 * Handles `POST /api/search/events`, the beacon the search page sends when a visitor finishes a
 * search or opens a result: validates `{ kind: 'search', q, results }` or `{ kind: 'click', q, id }`
 * and hands it to `record`, answering 204. Nothing about the sender is passed on: no IP, no headers.
 */
export async function handleSearchEvent(
  request: Request,
  record: (event: SearchEvent) => Promise<unknown>,
  logger: Pick<Console, 'error'> = console,
): Promise<Response> {
  if (request.method !== 'POST') return errorResponse(405, { message: METHOD_NOT_ALLOWED_MESSAGE }, { Allow: 'POST' });
  const body = await readJsonBody(request, { maxBytes: SEARCH_EVENT_MAX_BYTES });
  if (!body.ok) return body.response;
  const parsed = SearchEventSchema.safeParse(body.value);
  if (!parsed.success) {
    return errorResponse(400, { message: 'Некорректные данные о поиске.', fieldErrors: fieldErrors(parsed.error) });
  }
  try {
    await record(parsed.data);
  } catch (error) {
    // The query may hold personal data: log the error class only.
    logger.error('[search-events] recording failed:', error instanceof Error ? error.name : typeof error);
    return errorResponse(503, { message: SERVICE_UNAVAILABLE_MESSAGE });
  }
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
