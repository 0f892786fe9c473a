import { z } from 'zod';
import { AudienceSchema } from '@portal/core/audience';
import { OfficeScheduleSchema } from '@portal/core/office-hours';
import { SEARCH_DOCUMENT_TYPES, typesOfFilter, type SearchDocumentType } from './type-labels';

/** How many hits a search returns when the caller does not say. */
export const DEFAULT_SEARCH_LIMIT = 10;
/** The most hits one search may return. */
export const MAX_SEARCH_LIMIT = 50;
/** The longest query we analyse; longer input is a validation error (or cut, for programmatic calls). */
export const MAX_QUERY_LENGTH = 200;

// Meilisearch accepts only these characters in document ids; the embedded engine follows the same rule.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;
const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

export { SEARCH_DOCUMENT_TYPES, type SearchDocumentType } from './type-labels';

/** One kind of searchable content (the list is in type-labels.ts, which the site's island imports without zod). */
export const SearchDocumentTypeSchema = z.enum(SEARCH_DOCUMENT_TYPES);

/** Public site paths only: absolute path, no scheme, no `//` (which browsers read as another host). */
const URL_PATH_PATTERN = /^\/(?!\/)[^\s<>"']*$/;

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a hit's status line is made of (see status-line.ts): the hours of an office or payment point
 * («Открыто до 17:00», worked out when searching), the period of an outage, or the dates a tariff is
 * valid («Действует с 1 июля 2026 года»). Not searched.
 */
export const SearchDetailsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hours'), schedule: OfficeScheduleSchema }),
  z.object({ kind: z.literal('period'), label: z.string().max(100), text: z.string().max(200) }),
  z.object({ kind: z.literal('validity'), from: IsoDateSchema, to: IsoDateSchema.optional() }),
]);
export type SearchDetails = z.output<typeof SearchDetailsSchema>;

/**
 * One searchable item as both engines index it: a FAQ entry, page, news item, document, office or payment point. Texts are
 * plain (Markdown or rich text already turned into text). The field names come from the FAQ, the
 * first type: `question` is the title of any item and `answerText` its body.
 */
export const SearchDocumentSchema = z.object({
  /** Unique across types; letters, digits, `-` and `_` only (see `searchDocumentId`). */
  id: z.string().regex(ID_PATTERN),
  /** What kind of content this is; FAQ entries when absent. */
  type: SearchDocumentTypeSchema.default('faq'),
  /** Public path of the item on the site, e.g. `/faq/oplata/kak-oplatit/`. */
  url: z.string().regex(URL_PATH_PATTERN),
  /** The question (FAQ) or title (other types) as shown to visitors. */
  question: z.string().min(1),
  /** The answer or body as plain text. */
  answerText: z.string(),
  /** Topic slug from the taxonomy; empty for items without a topic. */
  topic: z.union([z.literal(''), z.string().regex(TOPIC_PATTERN)]),
  /** Topic title shown next to the hit; also searched; empty without a topic. */
  topicTitle: z.string(),
  /** Who the entry is for: `fl`, `ul` or `all`. */
  audience: AudienceSchema,
  /** What the hit's status line is made of (offices, payment points, outages, tariffs). */
  details: SearchDetailsSchema.optional(),
});
/** A document as callers may give it (`type` may be omitted for FAQ entries). */
export type SearchDocumentInput = z.input<typeof SearchDocumentSchema>;
export type SearchDocument = z.output<typeof SearchDocumentSchema>;

// Query strings send empty parameters as '' (e.g. an unselected <select>); treat them as absent.
const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

/**
 * A search request, validated at the HTTP boundary from query-string values.
 * Messages are in Russian because the search page shows them to visitors.
 */
export const SearchQuerySchema = z.object({
  /** What the visitor typed; trimmed; empty means "no search" and yields no hits. */
  q: z
    .string({ error: 'Текст запроса должен быть строкой.' })
    .trim()
    .max(MAX_QUERY_LENGTH, { error: `Запрос слишком длинный: пожалуйста, сократите его до ${MAX_QUERY_LENGTH} символов.` })
    .default(''),
  /** Only entries for this audience and for everyone (`all`); absent means every entry. */
  audience: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fl', 'ul'], {
        error: 'Неизвестная категория клиентов: укажите «fl» (физические лица) или «ul» (юридические лица).',
      })
      .optional(),
  ),
  /** Only entries of this topic slug; absent means every topic. */
  topic: z.preprocess(
    emptyToUndefined,
    z.string({ error: 'Тема указана неверно.' }).regex(TOPIC_PATTERN, { error: 'Тема указана неверно.' }).optional(),
  ),
  /** Only items of this type; absent means every type. */
  type: z.preprocess(
    emptyToUndefined,
    z.enum(SEARCH_DOCUMENT_TYPES, { error: 'Неизвестный раздел сайта для поиска.' }).optional(),
  ),
  /** Hits per response, 1 to 50; the engines use 10 when absent. */
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'Количество результатов должно быть числом.' })
      .int({ error: 'Количество результатов должно быть целым числом.' })
      .min(1, { error: 'Количество результатов должно быть не меньше 1.' })
      .max(MAX_SEARCH_LIMIT, { error: `Количество результатов должно быть не больше ${MAX_SEARCH_LIMIT}.` })
      .optional(),
  ),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;

/** One found item, ready to render. */
export interface SearchHit {
  /** Document id (the slug for FAQ entries). */
  id: string;
  /** Kind of content. */
  type: SearchDocumentType;
  /** Public path of the item. */
  url: string;
  /** The question or title, plain text. */
  question: string;
  /** Topic slug. */
  topic: string;
  /** Topic title, plain text. */
  topicTitle: string;
  /** Audience of the entry. */
  audience: SearchDocument['audience'];
  /** Relevance, higher is better. Engine-specific scale: use it only to order hits of one response. */
  score: number;
  /** The question, HTML-escaped, with matched words wrapped in `<mark>…</mark>`. */
  questionHtml: string;
  /** About 200 characters of the answer around the first match, HTML-escaped, with `<mark>`s. */
  snippetHtml: string;
  /**
   * One plain-text line of status for offices, payment points, outages and tariffs, as of the moment of
   * the search: «Открыто до 17:00», «Плановое отключение: 2 декабря с 9:00 до 17:00», «Действует с 1 июля 2026 года».
   */
  status?: string;
}

/** The response of one search. */
export interface SearchResult {
  /** Best hits first, at most `limit`. */
  hits: SearchHit[];
  /**
   * How many entries match in all (before `limit`): those matching every meaningful word of the query,
   * or, when none does, every word kept after leaving out the least important ones (see `dropOrder`).
   */
  total: number;
  /** The query text as the visitor typed it (trimmed). */
  query: string;
  /**
   * When the query read another way matched better — Russian typed with the English layout on, the
   * reverse, or Latin letters — the reading whose hits these are; shown as «Показаны результаты по
   * запросу «…»». Absent when the query was searched as typed.
   */
  searchedAs?: string;
  /** A close correction of unknown words that finds more, offered as «Возможно, вы имели в виду …». */
  didYouMean?: string;
  /** When nothing was found: topics to browse instead (added by the search endpoint, not the engines). */
  suggestedTopics?: { slug: string; title: string }[];
}

/**
 * What every search engine offers. Changes are visible to `search` as soon as the returned promise
 * resolves. Audience filter semantics: filtering by `fl` returns entries for `fl` and for `all`.
 */
export interface SearchEngine {
  /** Short engine name for logs and test titles, e.g. `embedded` or `meilisearch`. */
  readonly name: string;
  /** Adds entries or replaces the ones with the same id. */
  upsert(docs: SearchDocumentInput[]): Promise<void>;
  /** Removes entries by id; unknown ids are ignored. */
  remove(ids: string[]): Promise<void>;
  /** Makes the index hold exactly these entries. */
  replaceAll(docs: SearchDocumentInput[]): Promise<void>;
  /** Finds entries; empty or stop-word-only queries return no hits. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** Number of indexed entries. */
  count(): Promise<number>;
}

/** A query with defaults applied and bounds enforced, for engines that get programmatic input. */
export interface EffectiveSearchQuery {
  q: string;
  audience: 'fl' | 'ul' | undefined;
  topic: string | undefined;
  type: SearchDocumentType | undefined;
  limit: number;
}

/**
 * Applies the default limit and clamps out-of-range values instead of failing: engines are also
 * called from our own code, where a too-large limit should not break a page.
 */
export function resolveSearchQuery(query: SearchQuery): EffectiveSearchQuery {
  const limit = Math.trunc(query.limit ?? DEFAULT_SEARCH_LIMIT);
  return {
    q: query.q.trim().slice(0, MAX_QUERY_LENGTH),
    audience: query.audience,
    topic: query.topic,
    type: query.type,
    limit: Number.isFinite(limit) ? Math.min(Math.max(limit, 1), MAX_SEARCH_LIMIT) : DEFAULT_SEARCH_LIMIT,
  };
}

/** Whether a query has any of the filters {@link matchesFilters} checks (without them every entry passes). */
export function hasFilters(query: Pick<EffectiveSearchQuery, 'audience' | 'topic'> & { type?: SearchDocumentType | undefined }): boolean {
  return query.audience !== undefined || query.topic !== undefined || query.type !== undefined;
}

/** Whether an entry passes the audience, topic and type filters of a query. */
export function matchesFilters(
  doc: Pick<SearchDocument, 'audience' | 'topic' | 'type'>,
  query: Pick<EffectiveSearchQuery, 'audience' | 'topic'> & { type?: SearchDocumentType | undefined },
): boolean {
  if (query.audience !== undefined && doc.audience !== query.audience && doc.audience !== 'all') return false;
  if (query.topic !== undefined && doc.topic !== query.topic) return false;
  if (query.type !== undefined && !typesOfFilter(query.type).includes(doc.type)) return false;
  return true;
}

/** Validates documents before indexing so both engines reject the same bad input. */
export function parseSearchDocuments(docs: readonly unknown[]): SearchDocument[] {
  return docs.map((doc) => SearchDocumentSchema.parse(doc));
}
