import { SEARCH_EVENTS_API_PATH } from './urls';

/** What the search page reports for the statistics: a finished search, or an opened result. No visitor data. */
export type SearchBeacon = { kind: 'search'; q: string; results: number } | { kind: 'click'; q: string; id: string };

/**
 * Sends a search event without delaying the page: `sendBeacon` survives navigation to the opened
 * result; a keep-alive fetch is the fallback. Failures are ignored: statistics are best effort.
 */
export function sendSearchBeacon(event: SearchBeacon): void {
  const body = JSON.stringify(event);
  try {
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(SEARCH_EVENTS_API_PATH, new Blob([body], { type: 'application/json' }))) {
      return;
    }
    void fetch(SEARCH_EVENTS_API_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(
      () => undefined,
    );
  } catch {
    // Statistics must never break the search page.
  }
}
