/**
 * The client side of a chat conversation without the UI: what the browser keeps between page loads, the
 * transcript that never shows a message twice, the cursor a new event stream resumes from, and the retry of
 * an outgoing message with its one `clientMessageId`. Pure apart from the `Storage` and `fetch` passed in, so
 * the dialog (islands/ChatDialog.tsx) only renders what this decides. The shapes are the chat contract's
 * (`core/src/chat/contract.ts`), imported as types only: its zod schemas stay out of the page's code.
 */
import type { ChatAuthor, ChatState } from '@portal/core/chat/contract';

export type { ChatAuthor, ChatState };

/** A `message` event of the stream (`id:` is its seq). */
export interface ChatMessage {
  seq: number;
  author: ChatAuthor;
  operatorName?: string;
  text: string;
  /** ISO time the server stored it. */
  at: string;
  /** A file the client sent (the file itself is for staff only, as appeal attachments). */
  attachment?: { filename: string } | null;
}

/** A `state` event of the stream. */
export interface ChatStateUpdate {
  /** The event's seq: state changes share the conversation's one sequence with messages (0 when unknown). */
  seq?: number;
  state: ChatState;
  position?: number | null;
  estimatedWaitMinutes?: number | null;
  deferredUntil?: string | null;
  operatorName?: string | null;
}

/** What the browser stores to come back to a conversation: the id and the token, nothing the client wrote. */
export interface ChatSessionRef {
  id: string;
  token: string;
}

/** An outgoing message not yet acknowledged by the server; kept so a reload retries it with the same id. */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
}

/** The localStorage key of the current conversation. */
export const CHAT_STORAGE_KEY = 'portal-chat';

interface StoredChat {
  id: string;
  token: string;
  pending: PendingMessage[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The conversation the browser returns to (localStorage: survives a closed tab): its id, its token and the
 * messages typed but not yet acknowledged. A broken or foreign value reads as «no conversation».
 */
export class ChatStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {}

  private read(): StoredChat | null {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(CHAT_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const value: unknown = JSON.parse(raw);
      if (!isRecord(value) || typeof value.id !== 'string' || typeof value.token !== 'string' || value.id === '' || value.token === '') return null;
      const pending = Array.isArray(value.pending)
        ? value.pending.filter((item): item is PendingMessage => isRecord(item) && typeof item.clientMessageId === 'string' && typeof item.text === 'string')
        : [];
      return { id: value.id, token: value.token, pending };
    } catch {
      return null;
    }
  }

  private write(value: StoredChat | null): void {
    try {
      if (value === null) this.storage?.removeItem(CHAT_STORAGE_KEY);
      else this.storage?.setItem(CHAT_STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Private mode or a full quota: the conversation still works in this page, only a reload loses the link.
    }
  }

  /** The stored conversation, or null. */
  session(): ChatSessionRef | null {
    const stored = this.read();
    return stored ? { id: stored.id, token: stored.token } : null;
  }

  /** Remembers a conversation (a new one, or one opened by its private link); keeps its pending messages. */
  remember(ref: ChatSessionRef): void {
    const stored = this.read();
    this.write({ id: ref.id, token: ref.token, pending: stored && stored.id === ref.id ? stored.pending : [] });
  }

  /** Forgets the conversation (the client starts a new one). */
  forget(): void {
    this.write(null);
  }

  pending(): PendingMessage[] {
    return this.read()?.pending ?? [];
  }

  addPending(message: PendingMessage): void {
    const stored = this.read();
    if (!stored || stored.pending.some((item) => item.clientMessageId === message.clientMessageId)) return;
    this.write({ ...stored, pending: [...stored.pending, message] });
  }

  removePending(clientMessageId: string): void {
    const stored = this.read();
    if (!stored) return;
    this.write({ ...stored, pending: stored.pending.filter((item) => item.clientMessageId !== clientMessageId) });
  }
}

/**
 * The messages shown, in seq order, each once: a replay after a reconnect or a reload delivers messages
 * already shown, and they are dropped here. `lastSeq` is where the next stream resumes.
 */
export class ChatTranscript {
  private readonly bySeq = new Map<number, ChatMessage>();
  private sorted: ChatMessage[] = [];
  private highest = 0;

  /** Adds a message; false when its seq was already shown (or it is not a message). */
  add(message: ChatMessage): boolean {
    if (!Number.isSafeInteger(message.seq) || message.seq <= 0 || this.bySeq.has(message.seq)) return false;
    this.bySeq.set(message.seq, message);
    this.sorted = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    this.seen(message.seq);
    return true;
  }

  /** Notes the seq of a state event: messages and state changes share one sequence, and the cursor covers both. */
  seen(seq: number | undefined): void {
    if (seq !== undefined && Number.isSafeInteger(seq) && seq > this.highest) this.highest = seq;
  }

  /** The highest seq received (message or state change), 0 before any: everything after it is still to come. */
  get lastSeq(): number {
    return this.highest;
  }

  get messages(): readonly ChatMessage[] {
    return this.sorted;
  }

  has(seq: number): boolean {
    return this.bySeq.has(seq);
  }
}

/** Base path of the chat API on the site's own origin (the public server forwards it to the CMS). */
export const CHAT_API_PATH = '/api/chat';

/**
 * The event stream's address: `after` is the last seq shown, so a new stream replays exactly what is missing
 * (0 on a fresh page: the whole conversation). A reconnect of the same EventSource sends `Last-Event-ID` itself.
 */
export function chatEventsUrl(ref: ChatSessionRef, afterSeq: number): string {
  const params = new URLSearchParams({ token: ref.token });
  if (afterSeq > 0) params.set('after', String(afterSeq));
  return `${CHAT_API_PATH}/conversations/${encodeURIComponent(ref.id)}/events?${params.toString()}`;
}

/** The conversation of a private link `/chat/?c=<id>#t=<token>`, or null when the link lacks either. */
export function parseChatLink(search: string, hash: string): ChatSessionRef | null {
  const id = new URLSearchParams(search).get('c')?.trim() ?? '';
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t')?.trim() ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !/^[A-Za-z0-9_.~-]{8,256}$/.test(token)) return null;
  return { id, token };
}

/** Reads a `message` event's data; null for anything that is not one. */
export function parseMessageEvent(data: string): ChatMessage | null {
  try {
    const value: unknown = JSON.parse(data);
    if (!isRecord(value)) return null;
    const { seq, author, text, at } = value;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return null;
    if (author !== 'client' && author !== 'operator' && author !== 'system') return null;
    if (typeof text !== 'string') return null;
    const attachment = isRecord(value.attachment) && typeof value.attachment.filename === 'string' ? { filename: value.attachment.filename } : null;
    return {
      seq,
      author,
      text,
      at: typeof at === 'string' ? at : '',
      ...(typeof value.operatorName === 'string' && value.operatorName !== '' ? { operatorName: value.operatorName } : {}),
      attachment,
    };
  } catch {
    return null;
  }
}

/** Reads a `state` event's data; null for anything that is not one. */
export function parseStateEvent(data: string): ChatStateUpdate | null {
  try {
    const value: unknown = JSON.parse(data);
    if (!isRecord(value)) return null;
    const states: readonly string[] = ['queued', 'active', 'deferred', 'closed'];
    if (typeof value.state !== 'string' || !states.includes(value.state)) return null;
    const num = (item: unknown) => (typeof item === 'number' && Number.isFinite(item) ? item : null);
    const str = (item: unknown) => (typeof item === 'string' && item !== '' ? item : null);
    return {
      ...(typeof value.seq === 'number' && Number.isSafeInteger(value.seq) ? { seq: value.seq } : {}),
      state: value.state as ChatState,
      position: num(value.position),
      estimatedWaitMinutes: num(value.estimatedWaitMinutes),
      deferredUntil: str(value.deferredUntil),
      operatorName: str(value.operatorName),
    };
  } catch {
    return null;
  }
}

/** How {@link sendWithRetry} ended. */
export type SendOutcome = { kind: 'sent'; seq: number } | { kind: 'refused'; status: number; message: string };

/** Waits between attempts: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

export interface SendOptions {
  fetchImpl?: typeof fetch;
  /** The pause before attempt n+1 (tests shorten it). */
  delayMs?: (attempt: number) => number;
  /** Stops retrying (the dialog closed for good); the message stays pending in storage. */
  signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/**
 * Posts one client message until the server acknowledges it: every attempt carries the same
 * `clientMessageId`, so a retry after a lost answer is stored once (the server returns the same seq).
 * Network failures, 408, 429 and 5xx are retried with growing pauses; any other 4xx is final (the message
 * is refused and explained). Resolves to null when aborted.
 */
export async function sendWithRetry(ref: ChatSessionRef, message: PendingMessage, options: SendOptions = {}): Promise<SendOutcome | null> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const delayMs = options.delayMs ?? retryDelayMs;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) return null;
    try {
      const response = await fetchImpl(`${CHAT_API_PATH}/conversations/${encodeURIComponent(ref.id)}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Chat-Token': ref.token },
        body: JSON.stringify({ clientMessageId: message.clientMessageId, text: message.text }),
      });
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        // A proxy's HTML page or nothing: the status decides.
      }
      if (response.status === 201 || response.status === 200) {
        const seq = isRecord(body) && typeof body.seq === 'number' ? body.seq : 0;
        return { kind: 'sent', seq };
      }
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
      if (!retryable) {
        const text = isRecord(body) && typeof body.message === 'string' && body.message !== '' ? body.message : 'Сообщение не отправлено. Пожалуйста, обновите страницу.';
        return { kind: 'refused', status: response.status, message: text };
      }
    } catch {
      // No connection: try again below.
    }
    await sleep(delayMs(attempt), options.signal);
  }
}

/** A new id for an outgoing message (the server's idempotency key for it). */
export function newClientMessageId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
