import type { SearchDocumentType, SearchHit, SearchResult } from '@portal/search/contract';
import { SEARCH_DOCUMENT_TYPES } from '@portal/search/type-labels';
import { SEARCH_API_PATH, SEARCH_PATH } from './urls';

/** Audience filter of the search page: every entry (''), or entries for `fl` / `ul` (plus `all`). */
export type AudienceFilter = '' | 'fl' | 'ul';

/** Type filter of the search page: everything (''), or one kind of content. */
export type TypeFilter = '' | SearchDocumentType;

// From type-labels, not contract: the contract module brings zod into the island's bundle.
const TYPES: readonly SearchDocumentType[] = SEARCH_DOCUMENT_TYPES;

/** The search page state that lives in its URL (`/search/?q=…&audience=…&topic=…&type=…`). */
export interface SearchParams {
  q: string;
  audience: AudienceFilter;
  topic: string;
  type: TypeFilter;
}

/** Same limit as the search API (`MAX_QUERY_LENGTH` in search/src/contract.ts). */
export const MAX_QUERY_LENGTH = 200;

/**
 * Reads the search state from a query string (`location.search`), dropping anything the API
 * would reject: unknown audiences, topics not in `topicSlugs`, over-long queries.
 */
export function readSearchParams(search: string, topicSlugs: readonly string[]): SearchParams {
  const params = new URLSearchParams(search);
  const audience = params.get('audience');
  const topic = params.get('topic') ?? '';
  const type = params.get('type') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    audience: audience === 'fl' || audience === 'ul' ? audience : '',
    topic: topicSlugs.includes(topic) ? topic : '',
    type: (TYPES as readonly string[]).includes(type) ? (type as SearchDocumentType) : '',
  };
}

function toQueryString(state: SearchParams, trimQuery: boolean): string {
  const params = new URLSearchParams();
  const q = trimQuery ? state.q.trim() : state.q;
  if (q) params.set('q', q);
  if (state.audience) params.set('audience', state.audience);
  if (state.topic) params.set('topic', state.topic);
  if (state.type) params.set('type', state.type);
  return params.toString();
}

/** The search page URL for a state, for `history.replaceState`; empty parameters are left out. */
export function searchPageUrl(state: SearchParams): string {
  const query = toQueryString(state, false);
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** The API request for a state: `/api/search?q=…[&audience=…][&topic=…][&type=…]`. */
export function searchApiUrl(state: SearchParams): string {
  const query = toQueryString(state, true);
  return `${SEARCH_API_PATH}?${query}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isHit(value: unknown): value is SearchHit {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    (TYPES as readonly unknown[]).includes(value.type) &&
    typeof value.url === 'string' &&
    /^\/(?!\/)/.test(value.url) &&
    typeof value.question === 'string' &&
    typeof value.topic === 'string' &&
    typeof value.topicTitle === 'string' &&
    (value.audience === 'fl' || value.audience === 'ul' || value.audience === 'all') &&
    typeof value.questionHtml === 'string' &&
    typeof value.snippetHtml === 'string' &&
    (value.status === undefined || typeof value.status === 'string')
  );
}

/**
 * Checks the shape of a search API response before the page renders it; `null` when it is not one
 * (e.g. an error page from a proxy), so the island shows a polite error instead of breaking.
 */
export function parseSearchResponse(body: unknown): SearchResult | null {
  if (!isRecord(body) || typeof body.total !== 'number' || !Array.isArray(body.hits)) return null;
  if (!body.hits.every(isHit)) return null;
  const suggestedTopics = Array.isArray(body.suggestedTopics)
    ? body.suggestedTopics.filter(
        (topic): topic is { slug: string; title: string } =>
          isRecord(topic) && typeof topic.slug === 'string' && typeof topic.title === 'string',
      )
    : [];
  // Another reading of the query and a correction are plain text, shown as text (React escapes them).
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.slice(0, MAX_QUERY_LENGTH) : undefined);
  const searchedAs = text(body.searchedAs);
  const didYouMean = text(body.didYouMean);
  return {
    query: typeof body.query === 'string' ? body.query : '',
    total: body.total,
    hits: body.hits,
    suggestedTopics,
    ...(searchedAs !== undefined ? { searchedAs } : {}),
    ...(didYouMean !== undefined ? { didYouMean } : {}),
  };
}
