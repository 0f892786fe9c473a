import { describe, expect, it } from 'vitest';
import { CHAT_PAGE_PATH, CHAT_PATHS, chatLink } from '@portal/core/chat/contract';
import { CHAT_CHALLENGE_PATH, CHAT_PATH } from '../src/lib/urls';
import { CHAT_STORAGE_KEY, ChatStore, ChatTranscript, chatEventsUrl, parseChatLink, parseMessageEvent, parseStateEvent, retryDelayMs, type ChatMessage } from '../src/lib/chat-session';

/** The part of the browser's localStorage the store uses, kept in a Map (a page reload = a new ChatStore on it). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const message = (seq: number, text = `сообщение ${seq}`): ChatMessage => ({ seq, author: 'operator', text, at: '2026-12-07T09:00:00.000Z' });

describe('chat transcript: every message shown once, in order', () => {
  it('a replay after a reconnect adds only the messages not yet shown', () => {
    const transcript = new ChatTranscript();
    expect([1, 2].map((seq) => transcript.add(message(seq)))).toEqual([true, true]);
    // The server replays from the last id the browser had; a replay from earlier must still not duplicate.
    expect([1, 2, 3].map((seq) => transcript.add(message(seq)))).toEqual([false, false, true]);
    expect(transcript.messages.map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(transcript.lastSeq).toBe(3);
  });

  it('a message arriving out of order takes its place by seq, and the cursor is the highest seq', () => {
    const transcript = new ChatTranscript();
    transcript.add(message(1));
    transcript.add(message(3));
    transcript.add(message(2));
    expect(transcript.messages.map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(transcript.lastSeq).toBe(3);
  });

  it('state changes share the sequence: a new stream resumes after the latest of either', () => {
    const transcript = new ChatTranscript();
    transcript.add(message(1));
    transcript.seen(2); // «state: active» had seq 2
    expect(transcript.lastSeq).toBe(2);
    transcript.add(message(3));
    transcript.seen(undefined); // a queue position update carries no new seq
    expect(transcript.lastSeq).toBe(3);
    expect(transcript.messages.map((item) => item.seq)).toEqual([1, 3]);
  });

  it('refuses seqs that are no message ids (0, negative, fractional)', () => {
    const transcript = new ChatTranscript();
    expect([0, -1, 1.5].map((seq) => transcript.add(message(seq)))).toEqual([false, false, false]);
    expect(transcript.lastSeq).toBe(0);
  });
});

describe('resume cursor of the event stream', () => {
  const ref = { id: '42', token: 'tok_abcdefgh' };
  it('a fresh page asks for the whole conversation (no after)', () => {
    expect(chatEventsUrl(ref, 0)).toBe('/api/chat/conversations/42/events?token=tok_abcdefgh');
  });
  it('a new stream after a lost one resumes after the last seq shown', () => {
    expect(chatEventsUrl(ref, 17)).toBe('/api/chat/conversations/42/events?token=tok_abcdefgh&after=17');
  });
});

describe('what the browser keeps between page loads', () => {
  it('a reload finds the conversation and the unacknowledged messages with their ids', () => {
    const storage = new MemoryStorage();
    const before = new ChatStore(storage);
    before.remember({ id: '7', token: 'secret-token-1' });
    before.addPending({ clientMessageId: 'm-1', text: 'Когда придёт счёт?' });
    before.addPending({ clientMessageId: 'm-1', text: 'Когда придёт счёт?' });
    const after = new ChatStore(storage);
    expect(after.session()).toEqual({ id: '7', token: 'secret-token-1' });
    expect(after.pending()).toEqual([{ clientMessageId: 'm-1', text: 'Когда придёт счёт?' }]);
    after.removePending('m-1');
    // Once acknowledged, nothing the client wrote stays on the device: only the id and the token.
    expect(JSON.parse(storage.getItem(CHAT_STORAGE_KEY) ?? '')).toEqual({ id: '7', token: 'secret-token-1', pending: [] });
  });

  it('opening another conversation by its link drops the old one’s pending messages; forget clears all', () => {
    const storage = new MemoryStorage();
    const store = new ChatStore(storage);
    store.remember({ id: '1', token: 'token-one-1' });
    store.addPending({ clientMessageId: 'a', text: 'x' });
    store.remember({ id: '2', token: 'token-two-2' });
    expect(store.pending()).toEqual([]);
    store.forget();
    expect(store.session()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('a broken or foreign value reads as no conversation, and no storage at all works too', () => {
    const storage = new MemoryStorage();
    storage.setItem(CHAT_STORAGE_KEY, '{not json');
    expect(new ChatStore(storage).session()).toBeNull();
    storage.setItem(CHAT_STORAGE_KEY, JSON.stringify({ id: 5, token: '' }));
    expect(new ChatStore(storage).session()).toBeNull();
    const none = new ChatStore(null);
    none.remember({ id: '1', token: 'token-one-1' });
    expect(none.session()).toBeNull();
  });
});

describe('private link and stream events', () => {
  it('the site\'s chat paths are the contract\'s (kept apart so the page code carries no zod)', () => {
    expect(CHAT_PATH).toBe(CHAT_PAGE_PATH);
    expect(CHAT_CHALLENGE_PATH).toBe(CHAT_PATHS.challenge);
    expect(chatEventsUrl({ id: '7', token: 'token-1234' }, 0).split('?')[0]).toBe(CHAT_PATHS.events('7'));
  });

  it('reads back the link the server builds', () => {
    const link = new URL(chatLink('https://example.ru', '15', 'AbC-def_0123456789'));
    expect(link.pathname).toBe('/chat/');
    expect(parseChatLink(link.search, link.hash)).toEqual({ id: '15', token: 'AbC-def_0123456789' });
  });

  it('reads the id from the query and the token from the fragment', () => {
    expect(parseChatLink('?c=123', '#t=AbC-def_0123456789')).toEqual({ id: '123', token: 'AbC-def_0123456789' });
    expect(parseChatLink('?c=123', '')).toBeNull();
    expect(parseChatLink('', '#t=AbC-def_0123456789')).toBeNull();
    expect(parseChatLink('?c=<script>', '#t=AbC-def_0123456789')).toBeNull();
  });

  it('parses message and state events and ignores anything else', () => {
    expect(parseMessageEvent('{"seq":3,"author":"operator","operatorName":"Анна","text":"Здравствуйте","at":"2026-12-07T09:00:00Z"}')).toEqual({
      seq: 3, author: 'operator', operatorName: 'Анна', text: 'Здравствуйте', at: '2026-12-07T09:00:00Z', attachment: null,
    });
    expect(parseMessageEvent('{"seq":4,"author":"client","text":"","at":"2026-12-07T09:01:00Z","attachment":{"filename":"счёт.pdf","mimeType":"application/pdf","sizeBytes":1200}}')).toMatchObject({
      attachment: { filename: 'счёт.pdf' },
    });
    expect(parseMessageEvent('{"seq":"3","author":"operator","text":"x"}')).toBeNull();
    expect(parseMessageEvent('{"seq":3,"author":"admin","text":"x"}')).toBeNull();
    expect(parseMessageEvent('not json')).toBeNull();
    expect(parseStateEvent('{"seq":5,"state":"deferred","deferredUntil":"2026-12-08T05:00:00.000Z","at":"2026-12-07T17:00:00Z"}')).toMatchObject({ seq: 5, state: 'deferred', deferredUntil: '2026-12-08T05:00:00.000Z' });
    expect(parseStateEvent('{"state":"lost"}')).toBeNull();
  });

  it('waits 1, 2, 4 … seconds between retries, never more than 30', () => {
    expect([0, 1, 2, 5, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});
