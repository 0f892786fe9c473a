import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AUDIENCE_LABELS } from '@portal/core/audience';
import { SearchQuerySchema, type SearchHit, type SearchQuery } from '@portal/search/contract';
import { SEARCH_TYPE_LABELS } from '@portal/search/type-labels';
import { displaySettingsOf, markDisplaySettings } from './display-mode';
import { escapeHtml } from '@portal/core/escape-html';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/**
 * The search page at a shareable URL without JavaScript: `/search/?q=…[&audience=…][&topic=…][&type=…]` is
 * the site's own search page (built by Astro) with the results rendered here, on the server, into
 * the place the page marks for them. With JavaScript, the island removes this block and searches
 * by itself, so both ways show the same results.
 */

/** Where the results go in the built `search/index.html` (see site/src/pages/search.astro). */
export const SEARCH_RESULTS_MARKER = '<!--portal:search-results-->';

/** A topic offered when nothing was found. */
export interface SuggestedTopic {
  slug: string;
  title: string;
}

/** What the page needs from a search: the hits, their total and topics to suggest for an empty result. */
export interface SearchPageResult {
  hits: SearchHit[];
  total: number;
  suggestedTopics?: SuggestedTopic[];
  /** The reading of the query the hits are for, when not the query as typed (wrong layout, Latin letters). */
  searchedAs?: string;
  /** A correction that finds more, offered as a link. */
  didYouMean?: string;
}

// The same paths as site/src/lib/urls.ts (the site's single source for its own links).
const topicPath = (slug: string) => `/faq/${encodeURIComponent(slug)}/`;
const questionFormPath = (text: string) => `/vopros/?${new URLSearchParams({ text }).toString()}`;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * Re-escapes the engine's highlighted HTML so that only `<mark>` can survive: the text between
 * marks is decoded and escaped again, so any other markup would show as text.
 */
export function safeHighlight(html: string): string {
  let out = '';
  let open = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>' || tag === '</mark>') {
      const opening = tag === '<mark>';
      if (opening !== open) out += opening ? '<mark>' : '</mark>';
      open = opening;
      continue;
    }
    out += escapeHtml(piece.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? ''));
  }
  return open ? `${out}</mark>` : out;
}

/** Only site paths may become links; anything else falls back to the search page itself. */
function safePath(url: string): string {
  return /^\/(?!\/)[^\s<>"']*$/.test(url) ? url : '/search/';
}

/** The search page's address for another query with the same filters. */
function searchPageHref(q: string, filters: Pick<SearchQuery, 'audience' | 'topic' | 'type'>): string {
  const params = new URLSearchParams({ q });
  if (filters.audience) params.set('audience', filters.audience);
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.type) params.set('type', filters.type);
  return `/search/?${params.toString()}`;
}

/**
 * The results block: a status line (with the reading searched, when the query was read another way), a
 * «Возможно, вы имели в виду» link, the hits with their status lines, or the «nothing found» help with the
 * question form and topics.
 */
export function renderSearchResults(
  query: string,
  result: SearchPageResult | null,
  filters: Pick<SearchQuery, 'audience' | 'topic' | 'type'> = {},
): string {
  if (result === null) {
    return (
      '<p class="search-status" role="status">Поиск сейчас недоступен. Пожалуйста, попробуйте ещё раз чуть позже.</p>' +
      '<p>Ответ можно найти и в разделе <a href="/faq/">«Вопросы и ответы»</a>.</p>'
    );
  }
  const reading = result.searchedAs
    ? `<span class="search-status__reading">Показаны результаты по запросу «${escapeHtml(result.searchedAs)}»</span>`
    : '';
  const suggestion = result.didYouMean
    ? `<p class="search-suggestion">Возможно, вы имели в виду <a href="${escapeHtml(searchPageHref(result.didYouMean, filters))}">«${escapeHtml(result.didYouMean)}»</a>?</p>`
    : '';
  const status = `<p class="search-status" role="status">Найдено: ${result.total}${reading}</p>${suggestion}`;
  if (result.hits.length > 0) {
    const items = result.hits
      .map(
        (hit) =>
          `<li><a class="search-results__title" href="${escapeHtml(safePath(hit.url))}">${safeHighlight(hit.questionHtml)}</a>` +
          `<p class="meta"><span class="search-results__type">${escapeHtml(SEARCH_TYPE_LABELS[hit.type] ?? '')}</span> · ` +
          `${escapeHtml(hit.topicTitle)}${hit.topicTitle ? ' · ' : ''}${escapeHtml(AUDIENCE_LABELS[hit.audience])}</p>` +
          (hit.status ? `<p class="search-results__status">${escapeHtml(hit.status)}</p>` : '') +
          (hit.snippetHtml ? `<p class="search-results__snippet">${safeHighlight(hit.snippetHtml)}</p>` : '') +
          '</li>',
      )
      .join('');
    return `${status}<ol class="search-results">${items}</ol>`;
  }
  const topics = result.suggestedTopics ?? [];
  const topicList =
    topics.length > 0
      ? `<p>Возможно, ответ найдётся в одной из тем:</p><ul class="search-topics">${topics
          .map((topic) => `<li><a href="${escapeHtml(topicPath(topic.slug))}">${escapeHtml(topic.title)}</a></li>`)
          .join('')}</ul>`
      : '';
  return (
    `${status}<div class="panel search-empty">` +
    `<p>По запросу «${escapeHtml(query)}» ничего не нашлось. Попробуйте другие слова или снимите фильтры.</p>` +
    `<p><a href="${escapeHtml(questionFormPath(query))}">Задайте вопрос</a> — мы ответим лично.</p>` +
    `${topicList}</div>`
  );
}

/**
 * Puts the results into the built page, and the query and filters into its form (the static page
 * was built with an empty field, «Все», «Везде» and «Все темы»). The page must contain
 * {@link SEARCH_RESULTS_MARKER} once.
 */
export function fillSearchPage(shell: string, query: Pick<SearchQuery, 'q' | 'audience' | 'topic' | 'type'>, resultsHtml: string): string {
  const withValue = shell.replace(/<input\b[^>]*\bname="q"[^>]*>/, (tag) =>
    tag.replace(/\svalue="[^"]*"/, '').replace(/\bname="q"/, () => `name="q" value="${escapeHtml(query.q)}"`),
  );
  const withAudience = checkRadio(withValue, 'audience', query.audience ?? '');
  const withType = checkRadio(withAudience, 'type', query.type ?? '');
  const withTopic = withType.replace(/<select\b[^>]*\bname="topic"[^>]*>[\s\S]*?<\/select>/, (select) =>
    select.replace(/<option\b[^>]*>/g, (option) => {
      const plain = option.replace(/\sselected(?:="[^"]*")?/, '');
      return plain.includes(`value="${escapeHtml(query.topic ?? '')}"`) ? plain.replace(/<option\b/, '<option selected=""') : plain;
    }),
  );
  return withTopic.replace(SEARCH_RESULTS_MARKER, () => resultsHtml);
}

/** Checks the radio button of group `name` with `value` (values are fixed enums, never request text). */
function checkRadio(html: string, name: string, value: string): string {
  return html.replace(new RegExp(`<input\\b[^>]*\\bname="${name}"[^>]*>`, 'g'), (tag) => {
    const plain = tag.replace(/\schecked(?:="[^"]*")?/, '');
    return plain.includes(`value="${value}"`) ? plain.replace(`name="${name}"`, `name="${name}" checked=""`) : plain;
  });
}

/** What {@link handleSearchPage} needs from the outside. */
export interface SearchPageDeps {
  /** Folder of the current site build. */
  siteDir: string;
  /** Runs the search (the CMS's search endpoint); null when it is unavailable. */
  search: (query: SearchQuery) => Promise<SearchPageResult | null>;
  /** Counts the finished search in the statistics; failures are ignored by the caller. */
  record?: (query: string, results: number) => void;
}

/**
 * Answers `GET /search/?q=…` with the server-rendered page, or null when there is no query (the
 * static page then serves as is). Invalid filters are dropped rather than refused: a shared link
 * should still show what it can. The CSP hashes come from the built page, before anything from the
 * request is added, so nothing injected can ever be allowed to run.
 */
export async function handleSearchPage(request: Request, deps: SearchPageDeps): Promise<Response | null> {
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim();
  if (q === '') return null;
  const parsed = SearchQuerySchema.safeParse({
    q,
    audience: params.get('audience') ?? undefined,
    topic: params.get('topic') ?? undefined,
    type: params.get('type') ?? undefined,
  });
  const query: SearchQuery = parsed.success ? parsed.data : { q: q.slice(0, 200) };
  let shell: string;
  try {
    shell = await readFile(path.join(deps.siteDir, 'search', 'index.html'), 'utf8');
  } catch {
    return null;
  }
  if (!shell.includes(SEARCH_RESULTS_MARKER)) return null;
  const result = await deps.search(query).catch(() => null);
  if (result !== null) deps.record?.(query.q, result.total);
  const filled = fillSearchPage(shell, query, renderSearchResults(query.q, result, query));
  // The results page keeps the visitor's low-vision settings like every static page (display-mode.ts).
  const display = displaySettingsOf(request);
  const html = display ? markDisplaySettings(filled, display) : filled;
  return new Response(request.method === 'HEAD' ? null : html, {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      Vary: 'Cookie',
      'Content-Security-Policy': contentSecurityPolicy(inlineHashes(shell)),
    },
  });
}
