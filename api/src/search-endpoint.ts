import { fieldErrors } from '@portal/core/form-errors';
import { SearchQuerySchema, type SearchEngine } from '@portal/search/contract';
import {
  METHOD_NOT_ALLOWED_MESSAGE,
  SERVICE_UNAVAILABLE_MESSAGE,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './api-messages';
import { errorResponse, jsonResponse } from './json-response';

const QUERY_PARAMS = ['q', 'audience', 'topic', 'type', 'limit'] as const;

/**
 * Handles `GET /api/search?q=&audience=&topic=&limit=`: validates the query string with the search
 * contract's schema and answers 200 with the engine's `SearchResult`. Invalid parameters get 400 with
 * the first Russian message (and all of them in `fieldErrors`); an engine failure gets 503. A query
 * that finds nothing also gets `suggestedTopics` from `suggestTopics`, when given. Results are
 * never cached: they change as soon as editors publish.
 */
export async function handleSearch(
  request: Request,
  engine: Pick<SearchEngine, 'search'>,
  logger: Pick<Console, 'error'> = console,
  suggestTopics?: () => Promise<{ slug: string; title: string }[]>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return errorResponse(405, { message: METHOD_NOT_ALLOWED_MESSAGE }, { Allow: 'GET, HEAD' });
  }
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const name of QUERY_PARAMS) {
    const value = params.get(name);
    if (value !== null) raw[name] = value;
  }

  const parsed = SearchQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const first = Object.values(errors)[0] ?? 'Проверьте параметры поиска.';
    return errorResponse(400, { message: first, fieldErrors: errors });
  }

  try {
    const result = await engine.search(parsed.data);
    // «Ничего не найдено» offers topics to browse; a query that found something needs none.
    if (result.total === 0 && result.query !== '' && suggestTopics) {
      return jsonResponse(200, { ...result, suggestedTopics: await suggestTopics() });
    }
    return jsonResponse(200, result);
  } catch (error) {
    // The query is what a visitor typed and may hold personal data: log the error class only.
    logger.error('[search] engine failed:', error instanceof Error ? error.name : typeof error);
    return errorResponse(
      503,
      { message: SERVICE_UNAVAILABLE_MESSAGE },
      { 'Retry-After': String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS) },
    );
  }
}
