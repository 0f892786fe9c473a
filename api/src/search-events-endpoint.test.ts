import { describe, expect, it, vi } from 'vitest';
import type { SearchEvent } from '@portal/search/query-stats';
import { handleSearchEvent } from './search-events-endpoint';

const post = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  new Request('http://cms.local/api/search/events', { method: 'POST', headers, body: JSON.stringify(body) });

describe('handleSearchEvent', () => {
  it('records a finished search and a click, answering 204', async () => {
    const events: SearchEvent[] = [];
    const record = async (event: SearchEvent) => events.push(event);
    expect((await handleSearchEvent(post({ kind: 'search', q: 'пени', results: 2 }), record)).status).toBe(204);
    expect((await handleSearchEvent(post({ kind: 'click', q: 'пени', id: 'penya-za-prosrochku' }), record)).status).toBe(204);
    expect(events).toEqual([
      { kind: 'search', q: 'пени', results: 2 },
      { kind: 'click', q: 'пени', id: 'penya-za-prosrochku' },
    ]);
  });

  it('refuses other methods, other fields and oversized bodies without recording', async () => {
    const record = vi.fn(async () => undefined);
    const get = new Request('http://cms.local/api/search/events');
    expect((await handleSearchEvent(get, record)).status).toBe(405);
    expect((await handleSearchEvent(post({ kind: 'search', q: 'пени', results: 2, ip: '10.0.0.1' }), record)).status).toBe(400);
    expect((await handleSearchEvent(post({ kind: 'search', q: 'x'.repeat(3000), results: 1 }), record)).status).toBe(413);
    expect(record).not.toHaveBeenCalled();
  });

  it('answers 503 and logs no query text when recording fails', async () => {
    const logger = { error: vi.fn() };
    const response = await handleSearchEvent(post({ kind: 'search', q: 'лс 12345', results: 0 }), async () => {
      throw new Error('db down');
    }, logger);
    expect(response.status).toBe(503);
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('12345');
  });
});
