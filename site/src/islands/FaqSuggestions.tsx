import { useEffect, useRef, useState } from 'react';
import { MAX_FAQ_SUGGESTIONS, MIN_SUGGESTION_TEXT, type SuggestionEvent } from '@portal/core/faq-suggestions';
import type { SearchHit } from '@portal/search/contract';
import { parseSearchResponse, searchApiUrl } from '../lib/search-params';
import { SUGGESTION_EVENT_API_PATH, faqEntryPath } from '../lib/urls';

/** Pause after typing before asking for suggestions. */
const SUGGEST_DEBOUNCE_MS = 500;

/** Reports a suggestion event; fire-and-forget, as counting must never disturb the form. */
export function reportSuggestionEvent(event: SuggestionEvent['event']): void {
  void fetch(SUGGESTION_EVENT_API_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ event }),
    keepalive: true,
  }).catch(() => undefined);
}

/**
 * «Возможно, ответ уже есть»: up to five FAQ answers matching the question being typed, from the same
 * search as the site. Links open in a new tab, so the typed question stays in the form. `onOpen` is
 * called the first time a suggestion is opened.
 */
export function FaqSuggestions({ text, idPrefix, onOpen }: { text: string; idPrefix: string; onOpen: () => void }) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const query = text.trim().slice(0, 200);
    if (query.length < MIN_SUGGESTION_TEXT) {
      setHits([]);
      return;
    }
    const timer = setTimeout(async () => {
      controller.current?.abort();
      controller.current = new AbortController();
      try {
        const response = await fetch(`${searchApiUrl({ q: query, audience: '', topic: '', type: 'faq' })}&limit=${MAX_FAQ_SUGGESTIONS}`, { signal: controller.current.signal });
        const result = response.ok ? parseSearchResponse(await response.json()) : null;
        setHits(result ? result.hits.slice(0, MAX_FAQ_SUGGESTIONS) : []);
      } catch {
        // Suggestions are a help, not a requirement: on failure the form simply shows none.
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    // Polite live region: announced when the list changes, without interrupting typing.
    <div className="faq-suggestions" aria-live="polite">
      {hits.length > 0 && (
        <section className="panel" aria-labelledby={`${idPrefix}-suggestions-title`}>
          <h2 id={`${idPrefix}-suggestions-title`}>Возможно, ответ уже есть</h2>
          <ul>
            {hits.map((hit) => (
              <li key={hit.id}>
                <a href={faqEntryPath(hit.topic, hit.id)} target="_blank" rel="noopener" onClick={onOpen}>
                  {hit.question}
                  <span className="visually-hidden"> (откроется в новой вкладке)</span>
                </a>
              </li>
            ))}
          </ul>
          <p className="hint">Если ответ не подошёл, просто продолжайте: ваш вопрос сохранится в форме.</p>
        </section>
      )}
    </div>
  );
}
