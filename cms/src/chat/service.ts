import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Payload, Where } from 'payload';
import {
  CHAT_MAX_FAQ_ANSWERS,
  CHAT_MESSAGES,
  chatLink,
  type ChatAttachmentInfo,
  type ChatAuthor,
  type ChatContact,
  type ChatEvent,
  type ChatState,
  type FaqAnswer,
  type StartConversation,
  type StartedConversation,
} from '@portal/core/chat/contract';
import { outOfHoursReply } from '@portal/core/chat/out-of-hours';
import { estimateWaitMinutes, RECENT_ACCEPTANCES, type AcceptedSample } from '@portal/core/chat/queue';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { readCmsEnv } from '../env';
import { nextSequenceValue } from '../appeals/intake/sequence';
import { loadCalendar, loadCompany } from '../appeals/settings/settings';
import { searchEngine } from '../search/engine';
import { COLLECTIONS } from '../slugs';
import { storeOf } from '../store';
import { chatBus, type ChatListener, type QueueListener } from './bus';
import { chatNotifier } from './notifier';

/**
 * The chat service («Онлайн ЦОК»): every change of a conversation goes through here. The rule is the appeals' one:
 * a message or a state change is stored durably (a committed row with its sequence number) before anyone is told —
 * the client's 201, the event stream, the operators' console. Messages and state changes share one increasing
 * sequence per conversation; `seq` and the client's message id are unique keys in the database, so a retry never
 * stores a second copy and two writers never get the same number.
 *
 * The public endpoints (cms/src/chat/endpoints.ts) and the operators' console (chat-console) call these functions.
 */

/** A service refusal with a status and a Russian message for the client. */
export class ChatError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429,
    readonly userMessage: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(userMessage);
    this.name = 'ChatError';
  }
}

/** The stored conversation as the service reads it. */
export interface ConversationRow {
  id: number | string;
  state: ChatState;
  operator?: number | string | { id: number | string; name?: string } | null;
  group?: string | null;
  queuedAt?: string | null;
  acceptedAt?: string | null;
  closedAt?: string | null;
  deferredUntil?: string | null;
  outOfHoursUntil?: string | null;
  rating?: number | null;
  name?: string | null;
  contact?: string | null;
  lastSeq: number;
  startKey: string;
  tokenHash: string;
  createdAt: string;
  faqOffered?: boolean | null;
  joinNotifiedAt?: string | null;
}

interface MessageRow {
  id: number | string;
  seq: number;
  kind: 'message' | 'state';
  author: ChatAuthor;
  operatorName?: string | null;
  text?: string | null;
  stateData?: Record<string, unknown> | null;
  createdAt: string;
  attachment?: number | string | { id: number | string; originalName?: string | null; mimeType?: string | null; filesize?: number | null } | null;
}

/** A relationship value: SQLite ids are numbers, MongoDB ids strings. */
const relId = (id: number | string): number | string => (typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id);

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id);
  return String(value);
};

// ---------------------------------------------------------------------------------------------------------------
// Tokens

/** The private token of a conversation: an HMAC of its start key under the CMS secret (a retried start gets it again). */
export function chatTokenFor(startKey: string): string {
  return createHmac('sha256', readCmsEnv().PAYLOAD_SECRET).update(`chat-token\u0000${startKey}`).digest('base64url');
}

export function hashChatToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The client's private link to the conversation. */
export function conversationLink(id: number | string, token: string): string {
  return chatLink(readCmsEnv().SITE_URL, id, token);
}

function startKeyOf(input: Pick<StartConversation, 'clientMessageId' | 'text' | 'proof'>): string {
  return createHash('sha256').update(`${input.clientMessageId}\u0000${input.text}\u0000${input.proof ?? ''}`).digest('hex');
}

/** The conversation if the token is its own, else null (one answer for an unknown id and a wrong token). */
export async function conversationByToken(payload: Payload, id: string, token: string | null | undefined): Promise<ConversationRow | null> {
  if (!token || token.length > 200 || !/^\d{1,15}$|^[a-f0-9]{24}$/.test(id)) return null;
  const row = await findConversation(payload, id);
  if (!row) return null;
  const given = Buffer.from(hashChatToken(token));
  const stored = Buffer.from(row.tokenHash);
  return given.length === stored.length && timingSafeEqual(given, stored) ? row : null;
}

async function findConversation(payload: Payload, id: number | string): Promise<ConversationRow | null> {
  try {
    return (await payload.findByID({ collection: COLLECTIONS.chatConversations, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as ConversationRow | null;
  } catch {
    return null;
  }
}

async function requireConversation(payload: Payload, id: number | string): Promise<ConversationRow> {
  const row = await findConversation(payload, id);
  if (!row) throw new ChatError(404, CHAT_MESSAGES.notFound);
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// One writer per conversation in this process: sequence numbers are handed out and published in order.

const LOCKS_KEY = Symbol.for('portal.chatLocks');
type GlobalWithLocks = typeof globalThis & { [LOCKS_KEY]?: Map<string, Promise<unknown>> };

function withConversationLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
  const holder = globalThis as GlobalWithLocks;
  const locks = (holder[LOCKS_KEY] ??= new Map());
  const previous = locks.get(conversationId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(conversationId, settled);
  void settled.then(() => {
    if (locks.get(conversationId) === settled) locks.delete(conversationId);
  });
  return run;
}

// ---------------------------------------------------------------------------------------------------------------
// Appending rows

interface AppendInput {
  kind: 'message' | 'state';
  author: ChatAuthor;
  text?: string;
  stateData?: Record<string, unknown>;
  /** Retry key within the conversation; a second append with the same key returns the first row. */
  clientKey: string;
  clientMessageId?: string;
  operatorUserId?: number | string;
  operatorName?: string;
  attachmentId?: number | string;
}

async function findByClientKey(payload: Payload, key: string): Promise<MessageRow | null> {
  const found = await payload.find({ collection: COLLECTIONS.chatMessages, where: { clientKey: { equals: key } }, limit: 1, depth: 1, overrideAccess: true, pagination: false });
  return (found.docs[0] as unknown as MessageRow | undefined) ?? null;
}

/** What the stream shows of an attached file (the message's own insert stores only the link). */
async function attachmentOf(payload: Payload, id: number | string): Promise<MessageRow['attachment']> {
  const doc = (await payload.findByID({ collection: COLLECTIONS.appealAttachments, id, depth: 0, overrideAccess: true, disableErrors: true })) as {
    id: number | string;
    originalName?: string | null;
    mimeType?: string | null;
    filesize?: number | null;
  } | null;
  return doc ? { id: doc.id, originalName: doc.originalName ?? null, mimeType: doc.mimeType ?? null, filesize: doc.filesize ?? null } : relId(id);
}

/**
 * Stores one row durably and publishes it. Idempotent by `clientKey`: when the key is known the stored row comes back
 * (`created: false`) and nothing is published again. The durable path is one write (store.appendChatRow): the
 * sequence number is derived inside it, so no read comes before it and no counter is updated after it; on SQLite it
 * joins the group commit of the writes arriving at the same time (one WAL sync for all of them).
 */
async function append(payload: Payload, conversationId: string, input: AppendInput): Promise<{ row: MessageRow; created: boolean }> {
  const fullKey = `${conversationId}:${input.clientKey}`;
  // One writer per conversation in this process, so events are published in the order of their numbers.
  return withConversationLock(conversationId, async () => {
    const stored = await storeOf(payload).appendChatRow({
      conversationId: relId(conversationId),
      kind: input.kind,
      author: input.author,
      text: input.text ?? null,
      stateData: input.stateData ?? null,
      clientMessageId: input.clientMessageId ?? null,
      clientKey: fullKey,
      operatorId: input.operatorUserId === undefined ? null : relId(input.operatorUserId),
      operatorName: input.operatorName ?? null,
      attachmentId: input.attachmentId === undefined ? null : relId(input.attachmentId),
    });
    if (stored === 'duplicate') {
      const known = await findByClientKey(payload, fullKey);
      if (!known) throw new Error('chat: a row was refused as a duplicate but is not stored');
      return { row: known, created: false };
    }
    const row: MessageRow = {
      id: stored.id,
      seq: stored.seq,
      kind: input.kind,
      author: input.author,
      operatorName: input.operatorName ?? null,
      text: input.text ?? null,
      stateData: input.stateData ?? null,
      createdAt: stored.createdAt,
      attachment: input.attachmentId === undefined ? null : await attachmentOf(payload, input.attachmentId),
    };
    chatBus().publish(conversationId, eventOf(row));
    return { row, created: true };
  });
}

/** The stream event of a stored row. */
export function eventOf(row: MessageRow): ChatEvent {
  if (row.kind === 'state') {
    const data = (row.stateData ?? {}) as Record<string, unknown>;
    return {
      type: 'state',
      data: {
        seq: row.seq,
        state: data.state as ChatState,
        at: row.createdAt,
        ...(typeof data.deferredUntil === 'string' ? { deferredUntil: data.deferredUntil } : {}),
        ...(typeof data.operatorName === 'string' ? { operatorName: data.operatorName } : {}),
      },
    };
  }
  const attachment = typeof row.attachment === 'object' && row.attachment !== null ? row.attachment : null;
  const info: ChatAttachmentInfo | undefined = attachment
    ? { filename: attachment.originalName ?? 'файл', mimeType: attachment.mimeType ?? 'application/octet-stream', sizeBytes: Number(attachment.filesize ?? 0) }
    : undefined;
  return {
    type: 'message',
    data: {
      seq: row.seq,
      author: row.author,
      text: row.text ?? '',
      at: row.createdAt,
      ...(row.author === 'operator' && row.operatorName ? { operatorName: row.operatorName } : {}),
      ...(info ? { attachment: info } : {}),
    },
  };
}

/** Every stored event of a conversation after `afterSeq`, in order (the replay of a resumed stream). */
export async function eventsSince(payload: Payload, conversationId: number | string, afterSeq: number): Promise<ChatEvent[]> {
  const found = await payload.find({
    collection: COLLECTIONS.chatMessages,
    where: { and: [{ conversation: { equals: conversationId } }, { seq: { greater_than: afterSeq } }] },
    sort: 'seq',
    depth: 1,
    overrideAccess: true,
    pagination: false,
  });
  return (found.docs as unknown as MessageRow[]).map(eventOf);
}

/**
 * Live events of a conversation with `seq > afterSeq`, or the queue's changes (`'queue'`). Returns the unsubscribe
 * function. For a gap-free stream subscribe first, then replay {@link eventsSince} (see {@link openConversationStream}).
 */
export function subscribe(target: number | string, afterSeq: number, listener: ChatListener | QueueListener): () => void {
  if (target === 'queue') return chatBus().subscribeQueue(listener as QueueListener);
  return chatBus().subscribe(String(target), afterSeq, listener as ChatListener);
}

/**
 * Everything after `afterSeq` then live, each `seq` once and in order: subscribes first (buffering), replays the
 * stored rows, then hands over to the live events. Returns the unsubscribe function.
 */
export async function openConversationStream(payload: Payload, conversationId: number | string, afterSeq: number, listener: ChatListener): Promise<() => void> {
  let last = afterSeq;
  let replaying = true;
  const buffered: ChatEvent[] = [];
  const deliver = (event: ChatEvent) => {
    if (event.data.seq <= last) return;
    last = event.data.seq;
    listener(event);
  };
  const unsubscribe = chatBus().subscribe(String(conversationId), afterSeq, (event) => (replaying ? buffered.push(event) : deliver(event)));
  try {
    for (const event of await eventsSince(payload, conversationId, afterSeq)) deliver(event);
    buffered.sort((a, b) => a.data.seq - b.data.seq).forEach(deliver);
    replaying = false;
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}

// ---------------------------------------------------------------------------------------------------------------
// Queue

/** The 1-based position of a queued conversation (by queue time, then id), null if not queued. */
export async function queuePosition(payload: Payload, conversation: ConversationRow): Promise<number | null> {
  if (conversation.state !== 'queued' || !conversation.queuedAt) return null;
  const earlier = await payload.count({
    collection: COLLECTIONS.chatConversations,
    where: { and: [{ state: { equals: 'queued' } }, { or: [{ queuedAt: { less_than: conversation.queuedAt } }, { and: [{ queuedAt: { equals: conversation.queuedAt } }, { id: { less_than: conversation.id } }] }] }] },
    overrideAccess: true,
  });
  return earlier.totalDocs + 1;
}

/** The last accepted conversations' queue and acceptance times (the history of the wait estimate). */
export async function recentAcceptances(payload: Payload): Promise<AcceptedSample[]> {
  const found = await payload.find({
    collection: COLLECTIONS.chatConversations,
    where: { acceptedAt: { exists: true } },
    sort: '-acceptedAt',
    limit: RECENT_ACCEPTANCES,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  });
  return (found.docs as unknown as ConversationRow[])
    .filter((row) => row.queuedAt && row.acceptedAt)
    .map((row) => ({ queuedAt: new Date(row.queuedAt as string), acceptedAt: new Date(row.acceptedAt as string) }));
}

/** Position and estimated wait of a queued conversation; nulls otherwise (or out of hours: nobody works yet). */
export async function queueStanding(payload: Payload, conversation: ConversationRow, now = new Date()): Promise<{ position: number | null; estimatedWaitMinutes: number | null }> {
  const position = await queuePosition(payload, conversation);
  if (position === null) return { position: null, estimatedWaitMinutes: null };
  const outOfHours = conversation.outOfHoursUntil && new Date(conversation.outOfHoursUntil) > now;
  const estimatedWaitMinutes = outOfHours ? null : estimateWaitMinutes(position, await recentAcceptances(payload), now);
  return { position, estimatedWaitMinutes };
}

/** The waiting queue for the console: queued conversations oldest first. */
export async function listQueue(payload: Payload): Promise<ConversationRow[]> {
  const found = await payload.find({ collection: COLLECTIONS.chatConversations, where: { state: { equals: 'queued' } }, sort: 'queuedAt', depth: 0, overrideAccess: true, pagination: false });
  return found.docs as unknown as ConversationRow[];
}

function publishQueue(conversationId: string, state: ChatState): void {
  chatBus().publishQueue({ conversationId, state, at: new Date().toISOString() });
}

// ---------------------------------------------------------------------------------------------------------------
// FAQ before the queue

/**
 * Counter keys of the chat's FAQ figures (company-local dated `<key>@YYYY-MM-DD`, summed by the report,
 * cms/src/chat-console/report.ts): answers offered, «Да» on them, «Нет, позвать оператора» (a start with
 * `helpedByFaq: false`).
 */
export const CHAT_COUNTERS = {
  faqOffered: 'chat-faq-offered',
  faqHelped: 'chat-faq-helped',
  faqNotHelped: 'chat-faq-not-helped',
  conversations: 'chat-conversations',
} as const;

async function count(payload: Payload, key: string, now: Date): Promise<void> {
  const { timeZone } = await loadCompany(payload);
  await nextSequenceValue(payload, `${key}@${toLocalIsoDate(now, timeZone)}`);
}

/** Up to three FAQ answers for the client's first message; counted when any is offered. */
export async function suggestAnswers(payload: Payload, text: string, now = new Date()): Promise<FaqAnswer[]> {
  const result = await searchEngine().search({ q: text.slice(0, 200), type: 'faq', limit: CHAT_MAX_FAQ_ANSWERS } as never);
  const answers = result.hits.slice(0, CHAT_MAX_FAQ_ANSWERS).map((hit) => ({ title: hit.question, url: hit.url, excerpt: stripMarks(hit.snippetHtml) }));
  if (answers.length > 0) await count(payload, CHAT_COUNTERS.faqOffered, now).catch(() => undefined);
  return answers;
}

/** «Это помогло? — Да»: the client found the answer among those offered (no conversation exists; only counted). */
export async function recordFaqHelped(payload: Payload, now = new Date()): Promise<void> {
  await count(payload, CHAT_COUNTERS.faqHelped, now);
}

/** The engine's snippet is escaped HTML with `<mark>`s; the contract's excerpt is plain text. */
function stripMarks(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------------------------------------------
// Client actions

export interface StartMeta {
  ip: string | null;
}

/**
 * Starts a conversation with its first message and puts it in the queue; out of hours the automatic reply is stored
 * as a system message at once. Everything is stored before this returns. A retry (same clientMessageId, text and
 * proof) returns the same conversation and token and stores nothing twice.
 */
export async function startConversation(
  payload: Payload,
  input: StartConversation,
  meta: StartMeta,
  hooks: { beforeCreate?: (startKey: string) => Promise<void> } = {},
  now = new Date(),
): Promise<StartedConversation> {
  const startKey = startKeyOf(input);
  const token = chatTokenFor(startKey);
  let conversation = await findByStartKey(payload, startKey);
  // The out-of-hours reply is of the moment the conversation started (a retry repeats the same text).
  let startedAt = conversation ? new Date(conversation.createdAt) : now;
  if (!conversation) {
    await hooks.beforeCreate?.(startKey);
    const [company, calendar] = await Promise.all([loadCompany(payload), loadCalendar(payload)]);
    const outOfHours = outOfHoursReply(now, calendar, undefined, company.timeZone);
    try {
      conversation = (await payload.create({
        collection: COLLECTIONS.chatConversations,
        overrideAccess: true,
        depth: 0,
        data: {
          state: 'queued',
          channel: 'site',
          queuedAt: now.toISOString(),
          startKey,
          tokenHash: hashChatToken(token),
          lastSeq: 0,
          faqOffered: input.helpedByFaq === false,
          outOfHoursUntil: outOfHours?.startsAt ?? null,
          ...(input.name ? { name: input.name } : {}),
          ...(input.contact ? { contact: input.contact } : {}),
          ...(input.consent && (input.name || input.contact) ? { consent: { version: company.consentVersion, acceptedAt: now.toISOString(), ip: meta.ip } } : {}),
        } as never,
      })) as unknown as ConversationRow;
      await count(payload, CHAT_COUNTERS.conversations, now).catch(() => undefined);
      if (input.helpedByFaq === false) await count(payload, CHAT_COUNTERS.faqNotHelped, now).catch(() => undefined);
    } catch (error) {
      // A racing retry created it first.
      conversation = await findByStartKey(payload, startKey);
      if (!conversation) throw error;
      startedAt = new Date(conversation.createdAt);
    }
  }
  const id = String(conversation.id);
  await append(payload, id, { kind: 'message', author: 'client', text: input.text, clientKey: `client:${input.clientMessageId}`, clientMessageId: input.clientMessageId });
  await append(payload, id, { kind: 'state', author: 'system', stateData: { state: 'queued' }, clientKey: 'state:start' });
  const outOfHoursUntil = conversation.outOfHoursUntil ? new Date(conversation.outOfHoursUntil) : null;
  let outOfHours = null;
  if (outOfHoursUntil) {
    const [company, calendar] = await Promise.all([loadCompany(payload), loadCalendar(payload)]);
    outOfHours = outOfHoursReply(startedAt, calendar, undefined, company.timeZone);
    if (outOfHours) await append(payload, id, { kind: 'message', author: 'system', text: outOfHours.text, clientKey: 'system:out-of-hours' });
  }
  publishQueue(id, 'queued');
  const fresh = (await findConversation(payload, id)) ?? conversation;
  const standing = await queueStanding(payload, fresh, now);
  return {
    id,
    token,
    link: conversationLink(id, token),
    state: fresh.state,
    position: standing.position,
    estimatedWaitMinutes: standing.estimatedWaitMinutes,
    outOfHours,
  };
}

async function findByStartKey(payload: Payload, startKey: string): Promise<ConversationRow | null> {
  const found = await payload.find({ collection: COLLECTIONS.chatConversations, where: { startKey: { equals: startKey } }, limit: 1, depth: 0, overrideAccess: true, pagination: false });
  return (found.docs[0] as unknown as ConversationRow | undefined) ?? null;
}

/** What {@link postMessage} stores. */
export interface PostMessageInput {
  author: ChatAuthor;
  text: string;
  /** The retry key; a second post with the same id returns the first `seq`. Generated when absent (operator, system). */
  clientMessageId?: string;
  operatorUserId?: number | string;
  attachmentId?: number | string;
}

/**
 * Appends a message; `{seq}` once it is stored. Refused on a closed conversation (except system messages). A caller
 * that has just read the conversation (the client endpoints, after checking the token) passes the row, so the
 * message's path reads it once.
 */
export async function postMessage(payload: Payload, target: number | string | ConversationRow, input: PostMessageInput): Promise<{ seq: number; created: boolean }> {
  const conversation = typeof target === 'object' ? target : await requireConversation(payload, target);
  const clientMessageId = input.clientMessageId ?? `${input.author}-${crypto.randomUUID()}`;
  const key = `${input.author === 'client' ? 'client' : input.author}:${clientMessageId}`;
  if (conversation.state === 'closed' && input.author !== 'system') {
    // A retry of a message stored before the close still gets its number.
    const known = await findByClientKey(payload, `${conversation.id}:${key}`);
    if (known) return { seq: known.seq, created: false };
    throw new ChatError(409, CHAT_MESSAGES.closed);
  }
  const operatorName = input.operatorUserId !== undefined ? await operatorDisplayName(payload, input.operatorUserId) : undefined;
  const { row, created } = await append(payload, String(conversation.id), {
    kind: 'message',
    author: input.author,
    text: input.text,
    clientKey: key,
    clientMessageId,
    ...(input.operatorUserId !== undefined ? { operatorUserId: input.operatorUserId } : {}),
    ...(operatorName ? { operatorName } : {}),
    ...(input.attachmentId !== undefined ? { attachmentId: input.attachmentId } : {}),
  });
  return { seq: row.seq, created };
}

/** The name the client sees for an operator: the first word of the staff member's name. */
export async function operatorDisplayName(payload: Payload, userId: number | string): Promise<string> {
  try {
    const user = (await payload.findByID({ collection: COLLECTIONS.users, id: userId, depth: 0, overrideAccess: true, disableErrors: true })) as { name?: string } | null;
    const first = user?.name?.trim().split(/\s+/)[0];
    return first && first !== '' ? first : 'Оператор';
  } catch {
    return 'Оператор';
  }
}

async function setState(
  payload: Payload,
  conversation: ConversationRow,
  state: ChatState,
  data: Record<string, unknown>,
  event: { key: string; stateData: Record<string, unknown> },
): Promise<number> {
  const id = String(conversation.id);
  await payload.update({ collection: COLLECTIONS.chatConversations, id, data: { state, ...data } as never, overrideAccess: true, depth: 0 });
  const { row } = await append(payload, id, { kind: 'state', author: 'system', stateData: { state, ...event.stateData }, clientKey: event.key });
  publishQueue(id, state);
  return row.seq;
}

/** An operator takes the conversation: state `active`; the client is told in the stream and, if away, by e-mail. */
export async function acceptConversation(payload: Payload, id: number | string, operatorUserId: number | string, now = new Date()): Promise<{ seq: number }> {
  const conversation = await requireConversation(payload, id);
  if (conversation.state === 'closed') throw new ChatError(409, CHAT_MESSAGES.closed);
  const operatorName = await operatorDisplayName(payload, operatorUserId);
  const seq = await setState(
    payload,
    conversation,
    'active',
    { operator: relId(operatorUserId), acceptedAt: conversation.acceptedAt ?? now.toISOString(), deferredUntil: null },
    { key: `state:accept:${now.getTime()}:${operatorUserId}`, stateData: { operatorName } },
  );
  const fresh = await requireConversation(payload, id);
  if (!fresh.joinNotifiedAt) {
    try {
      await chatNotifier(payload).operatorJoined({ conversation: fresh, operatorName, link: conversationLink(fresh.id, chatTokenFor(fresh.startKey)) });
      await payload.update({ collection: COLLECTIONS.chatConversations, id, data: { joinNotifiedAt: now.toISOString() } as never, overrideAccess: true, depth: 0 });
    } catch (error) {
      payload.logger.warn({ err: error instanceof Error ? error.name : typeof error, conversation: String(id) }, 'chat: the operator-joined notice could not be queued');
    }
  }
  return { seq };
}

/** «Отложить до …»: the operator promises a time; the client sees it in the stream. */
export async function deferConversation(payload: Payload, id: number | string, untilIso: string, operatorUserId: number | string, now = new Date()): Promise<{ seq: number }> {
  const conversation = await requireConversation(payload, id);
  if (conversation.state === 'closed') throw new ChatError(409, CHAT_MESSAGES.closed);
  const until = new Date(untilIso);
  if (Number.isNaN(until.getTime()) || until <= now) throw new ChatError(400, 'Укажите время в будущем, до которого отложить разговор');
  const operatorName = await operatorDisplayName(payload, operatorUserId);
  const seq = await setState(payload, conversation, 'deferred', { deferredUntil: until.toISOString(), operator: relId(operatorUserId) }, { key: `state:defer:${now.getTime()}`, stateData: { deferredUntil: until.toISOString(), operatorName } });
  return { seq };
}

/** Hands the conversation to a colleague or a group: it goes back to the queue (of that person or group). */
export async function transferConversation(payload: Payload, id: number | string, to: { toUserId?: number | string; toGroup?: string }, now = new Date()): Promise<{ seq: number }> {
  const conversation = await requireConversation(payload, id);
  if (conversation.state === 'closed') throw new ChatError(409, CHAT_MESSAGES.closed);
  if (to.toUserId === undefined && !to.toGroup) throw new ChatError(400, 'Укажите сотрудника или группу');
  const seq = await setState(
    payload,
    conversation,
    'queued',
    { operator: to.toUserId === undefined ? null : relId(to.toUserId), group: to.toGroup ?? conversation.group ?? null, queuedAt: now.toISOString() },
    { key: `state:transfer:${now.getTime()}`, stateData: {} },
  );
  return { seq };
}

/** Ends the conversation (with the topic from the classifier when given). */
export async function closeConversation(payload: Payload, id: number | string, options: { topicId?: number | string; operatorUserId?: number | string } = {}, now = new Date()): Promise<{ seq: number }> {
  const conversation = await requireConversation(payload, id);
  if (conversation.state === 'closed') {
    const found = await payload.find({ collection: COLLECTIONS.chatMessages, where: { clientKey: { equals: `${conversation.id}:state:close` } }, limit: 1, depth: 0, overrideAccess: true });
    return { seq: Number((found.docs[0] as { seq?: number } | undefined)?.seq ?? conversation.lastSeq) };
  }
  const seq = await setState(payload, conversation, 'closed', { closedAt: now.toISOString(), ...(options.topicId !== undefined ? { topic: relId(options.topicId) } : {}) }, { key: 'state:close', stateData: {} });
  return { seq };
}

/** The client's 1–5 rating, once, after the close. */
export async function rateConversation(payload: Payload, conversation: ConversationRow, rating: number): Promise<void> {
  if (conversation.state !== 'closed') throw new ChatError(409, CHAT_MESSAGES.notClosed);
  if (conversation.rating) throw new ChatError(409, CHAT_MESSAGES.ratedAlready);
  await payload.update({ collection: COLLECTIONS.chatConversations, id: conversation.id, data: { rating } as never, overrideAccess: true, depth: 0 });
}

/** The client's name and contact with the consent record (asked out of hours or on deferral). */
export async function setContact(payload: Payload, conversation: ConversationRow, contact: ChatContact, meta: StartMeta, now = new Date()): Promise<void> {
  const company = await loadCompany(payload);
  await payload.update({
    collection: COLLECTIONS.chatConversations,
    id: conversation.id,
    data: { name: contact.name, contact: contact.contact, consent: { version: company.consentVersion, acceptedAt: now.toISOString(), ip: meta.ip } } as never,
    overrideAccess: true,
    depth: 0,
  });
}

/** The conversation's messages for the transcript (client, operator and system messages; no state rows). */
export async function transcriptMessages(payload: Payload, id: number | string): Promise<{ author: ChatAuthor; operatorName?: string; text: string; at: string }[]> {
  const events = await eventsSince(payload, id, 0);
  return events.flatMap((event) => (event.type === 'message' ? [{ author: event.data.author, ...(event.data.operatorName ? { operatorName: event.data.operatorName } : {}), text: event.data.attachment ? `[файл: ${event.data.attachment.filename}] ${event.data.text}`.trim() : event.data.text, at: event.data.at }] : []));
}

/** The where clause of a staff member's open conversations (the console's «Мои разговоры»). */
export function openConversationsOf(operatorUserId: number | string): Where {
  return { and: [{ operator: { equals: operatorUserId } }, { state: { in: ['active', 'deferred'] } }] };
}

export { idOf };
