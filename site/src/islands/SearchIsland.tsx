import '../lib/zod-csp';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SearchResult } from '@portal/search/contract';
import { SEARCH_TYPE_FILTER_OPTIONS, SEARCH_TYPE_LABELS } from '@portal/search/type-labels';
import {
  MAX_QUERY_LENGTH,
  parseSearchResponse,
  readSearchParams,
  searchApiUrl,
  searchPageUrl,
  type AudienceFilter,
  type SearchParams,
} from '../lib/search-params';
import { parseHighlighted } from '../lib/highlight-parts';
import { sendSearchBeacon } from '../lib/search-beacon';
import { FAQ_PATH, SEARCH_PATH, questionFormPath, topicPath } from '../lib/urls';

/** Pause after the last keystroke before searching, so typing does not fire a request per letter. */
export const SEARCH_DEBOUNCE_MS = 250;
/**
 * How long results must stay on screen before the search counts as finished for the statistics:
 * the words typed on the way («сч», «счёт»…) are not counted, only what the visitor stopped at.
 */
export const SEARCH_SETTLED_MS = 1500;

export interface SearchIslandProps {
  /** Topics for the topic filter, in display order. */
  topics: { slug: string; title: string }[];
  /** Labels of `fl`, `ul` and `all` (from @portal/core/audience, passed in to keep zod out of the bundle). */
  audienceLabels: Record<'fl' | 'ul' | 'all', string>;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'done'; result: SearchResult; params: SearchParams }
  | { kind: 'failed' };

const AUDIENCE_OPTIONS: { value: AudienceFilter; label: (labels: SearchIslandProps['audienceLabels']) => string }[] = [
  { value: '', label: () => 'Все' },
  { value: 'fl', label: (labels) => labels.fl },
  { value: 'ul', label: (labels) => labels.ul },
];

function Highlighted({ html }: { html: string }) {
  return (
    <>
      {parseHighlighted(html).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  );
}

/** The query field's text as the page has it before hydration (empty on the server). */
function readTypedQuery(): string {
  if (typeof document === 'undefined') return '';
  return document.querySelector<HTMLInputElement>('.search-island input[data-search-query]')?.value.slice(0, MAX_QUERY_LENGTH) ?? '';
}

/**
 * Search-as-you-type over the FAQ and other content. The server-rendered HTML is a plain GET form:
 * without JavaScript the public server answers `/search/?q=…` with the results (see
 * public-server/src/search-page.ts). Once hydrated, the island reads the URL, searches after a short
 * pause while typing, keeps the URL in step, announces the number of hits and reports finished
 * searches and opened results for the statistics (no visitor data).
 */
export function SearchIsland({ topics, audienceLabels }: SearchIslandProps) {
  const id = useId();
  const [params, setParams] = useState<SearchParams>({ q: '', audience: '', topic: '', type: '' });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [ready, setReady] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settledTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The last query counted, so a search is counted once however the visitor got back to it.
  const counted = useRef('');
  // Words typed into the server-rendered field before the island hydrated. Read during the first render,
  // before React commits its own (empty) value to the field, so a fast typist loses nothing.
  const [typedBeforeHydration] = useState(readTypedQuery);

  const countSearch = useCallback((q: string, results: number) => {
    clearTimeout(settledTimer.current);
    if (counted.current === q) return;
    counted.current = q;
    sendSearchBeacon({ kind: 'search', q, results });
  }, []);

  const runSearch = useCallback(async (state: SearchParams) => {
    controller.current?.abort();
    window.history.replaceState(null, '', searchPageUrl(state));
    if (state.q.trim() === '') {
      controller.current = null;
      setOutcome({ kind: 'idle' });
      return;
    }
    const current = new AbortController();
    controller.current = current;
    try {
      const response = await fetch(searchApiUrl(state), { headers: { accept: 'application/json' }, signal: current.signal });
      const result = response.ok ? parseSearchResponse(await response.json()) : null;
      if (current.signal.aborted) return;
      setOutcome(result ? { kind: 'done', result, params: state } : { kind: 'failed' });
    } catch {
      // An aborted request was superseded by a newer one; only real failures are shown.
      if (!current.signal.aborted) setOutcome({ kind: 'failed' });
    }
  }, []);

  // Read the URL after hydration (the static HTML was rendered without it) and search at once.
  useEffect(() => {
    // Results the server rendered for visitors without JavaScript: the island shows its own.
    document.querySelector('[data-search-static]')?.remove();
    const fromUrl = readSearchParams(window.location.search, topics.map((topic) => topic.slug));
    const initial = typedBeforeHydration && typedBeforeHydration !== fromUrl.q ? { ...fromUrl, q: typedBeforeHydration } : fromUrl;
    setParams(initial);
    setReady(true);
    void runSearch(initial);
    return () => {
      clearTimeout(timer.current);
      clearTimeout(settledTimer.current);
      controller.current?.abort();
    };
  }, [runSearch, topics, typedBeforeHydration]);

  // Count a search once its results have stayed on screen for a moment (see SEARCH_SETTLED_MS).
  useEffect(() => {
    clearTimeout(settledTimer.current);
    if (outcome.kind !== 'done') return;
    const q = outcome.params.q.trim();
    const results = outcome.result.total;
    settledTimer.current = setTimeout(() => countSearch(q, results), SEARCH_SETTLED_MS);
  }, [outcome, countSearch]);

  const openResult = (q: string, results: number, id: string) => {
    countSearch(q, results);
    sendSearchBeacon({ kind: 'click', q, id });
  };

  const update = (change: Partial<SearchParams>) => {
    const next = { ...params, ...change };
    setParams(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void runSearch(next), SEARCH_DEBOUNCE_MS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(timer.current);
    void runSearch(params);
  };

  const status =
    outcome.kind === 'done'
      ? `Найдено: ${outcome.result.total}`
      : outcome.kind === 'failed'
        ? 'Поиск сейчас недоступен. Пожалуйста, попробуйте ещё раз чуть позже.'
        : '';
  // Read another way (keyboard layout, Latin letters): said in the same announcement as the count.
  const searchedAs = outcome.kind === 'done' ? outcome.result.searchedAs : undefined;
  const didYouMean = outcome.kind === 'done' ? outcome.result.didYouMean : undefined;

  // «Возможно, вы имели в виду …» searches the correction here; the link also works in a new tab.
  const searchFor = (q: string) => {
    const next = { ...params, q };
    setParams(next);
    clearTimeout(timer.current);
    void runSearch(next);
  };
  const qId = `${id}-q`;
  const hintId = `${id}-q-hint`;
  const topicId = `${id}-topic`;

  return (
    <div className="search-island" data-ready={ready ? 'true' : undefined}>
      <form className="search-form" action={SEARCH_PATH} method="get" role="search" onSubmit={onSubmit}>
        <label className="label" htmlFor={qId}>
          Что вы хотите найти?
        </label>
        <p className="hint" id={hintId}>
          Например: «передать показания», «ЛК», «оплата без комиссии». Результаты появятся во время ввода.
        </p>
        <div className="search-form__row">
          <input
            className="input"
            type="search"
            id={qId}
            name="q"
            data-search-query=""
            value={params.q}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby={hintId}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(event) => update({ q: event.target.value })}
          />
          <button className="button" type="submit">
            Найти
          </button>
        </div>
        <div className="search-filters">
          <fieldset className="fieldset">
            <legend className="label">Кому адресован ответ</legend>
            <div className="radios">
              {AUDIENCE_OPTIONS.map((option) => (
                <div className="radio" key={option.value || 'all'}>
                  <input
                    type="radio"
                    id={`${id}-audience-${option.value || 'all'}`}
                    name="audience"
                    value={option.value}
                    checked={params.audience === option.value}
                    onChange={() => update({ audience: option.value })}
                  />
                  <label htmlFor={`${id}-audience-${option.value || 'all'}`}>{option.label(audienceLabels)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend className="label">Где искать</legend>
            <div className="radios">
              {SEARCH_TYPE_FILTER_OPTIONS.map((option) => (
                <div className="radio" key={option.value || 'all'}>
                  <input
                    type="radio"
                    id={`${id}-type-${option.value || 'all'}`}
                    name="type"
                    value={option.value}
                    checked={params.type === option.value}
                    onChange={() => update({ type: option.value })}
                  />
                  <label htmlFor={`${id}-type-${option.value || 'all'}`}>{option.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="label" htmlFor={topicId}>
              Тема
            </label>
            <select
              className="select"
              id={topicId}
              name="topic"
              value={params.topic}
              onChange={(event) => update({ topic: event.target.value })}
            >
              <option value="">Все темы</option>
              {topics.map((topic) => (
                <option key={topic.slug} value={topic.slug}>
                  {topic.title}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

      <p className="search-status" role="status" aria-live="polite">
        {status}
        {searchedAs && <span className="search-status__reading">Показаны результаты по запросу «{searchedAs}»</span>}
      </p>

      {didYouMean && (
        <p className="search-suggestion">
          Возможно, вы имели в виду{' '}
          <a
            href={searchPageUrl({ ...params, q: didYouMean })}
            onClick={(event) => {
              event.preventDefault();
              searchFor(didYouMean);
            }}
          >
            «{didYouMean}»
          </a>
          ?
        </p>
      )}

      {outcome.kind === 'done' && outcome.result.hits.length > 0 && (
        <ol className="search-results">
          {outcome.result.hits.map((hit) => (
            <li key={hit.id}>
              <a
                className="search-results__title"
                href={hit.url}
                onClick={() => openResult(outcome.params.q.trim(), outcome.result.total, hit.id)}
              >
                <Highlighted html={hit.questionHtml} />
              </a>
              <p className="meta">
                <span className="search-results__type">{SEARCH_TYPE_LABELS[hit.type]}</span>
                {' · '}
                {hit.topicTitle ? `${hit.topicTitle} · ` : ''}
                {audienceLabels[hit.audience]}
              </p>
              {hit.status && <p className="search-results__status">{hit.status}</p>}
              {hit.snippetHtml && (
                <p className="search-results__snippet">
                  <Highlighted html={hit.snippetHtml} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}

      {outcome.kind === 'done' && outcome.result.total === 0 && (
        <div className="panel search-empty">
          <p>
            По запросу «{outcome.params.q.trim()}» ничего не нашлось. Попробуйте другие слова или снимите фильтры.
          </p>
          <p>
            <a href={questionFormPath({ text: outcome.params.q.trim() })}>Задайте вопрос</a> — мы ответим лично.
          </p>
          {(outcome.result.suggestedTopics ?? []).length > 0 && (
            <>
              <p>Возможно, ответ найдётся в одной из тем:</p>
              <ul className="search-topics">
                {(outcome.result.suggestedTopics ?? []).map((topic) => (
                  <li key={topic.slug}>
                    <a href={topicPath(topic.slug)}>{topic.title}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      {outcome.kind === 'failed' && (
        <p>
          Пока поиск недоступен, ответ можно найти в разделе <a href={FAQ_PATH}>«Вопросы и ответы»</a>.
        </p>
      )}
    </div>
  );
}
