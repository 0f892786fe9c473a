/**
 * The chat's requests other than the message stream and sending messages (lib/chat-session.ts): FAQ
 * suggestions, starting a conversation, the contact, the rating, the transcript and a file. Shapes follow the
 * HTTP contract of the chat (`core/src/chat/contract.ts`). Every call resolves, never throws: a failure is
 * `{ ok: false, message }` in Russian, so the dialog only decides what to show.
 */
import { CHAT_API_PATH, type ChatSessionRef, type ChatState } from './chat-session';

/** One FAQ answer offered before the queue. */
export interface ChatFaqAnswer {
  title: string;
  url: string;
  excerpt: string;
}

/** The 201 of `POST /api/chat/conversations` (`StartedConversation` of the contract). */
export interface ChatStarted extends ChatSessionRef {
  link: string;
  state: ChatState;
  position: number | null;
  estimatedWaitMinutes: number | null;
  /** Set out of hours: when work starts and the automatic reply's text. */
  outOfHours: { startsAt: string; text: string } | null;
}

export type ApiResult<T> = ({ ok: true } & T) | { ok: false; status: number | null; message: string; code?: string; fieldErrors?: Record<string, string> };

const NO_CONNECTION = 'Нет связи с сервером. Пожалуйста, проверьте подключение к интернету и попробуйте ещё раз.';
const FAILED = 'Не получилось. Пожалуйста, попробуйте ещё раз через минуту.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function request(path: string, init: RequestInit & { token?: string }, fetchImpl: typeof fetch): Promise<{ status: number | null; body: unknown }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (typeof init.body === 'string') headers['Content-Type'] = 'application/json';
  if (init.token) headers['X-Chat-Token'] = init.token;
  try {
    const response = await fetchImpl(`${CHAT_API_PATH}${path}`, { method: init.method ?? 'POST', headers, body: init.body ?? null });
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // No JSON: the status decides.
    }
    return { status: response.status, body };
  } catch {
    return { status: null, body: null };
  }
}

function failure(status: number | null, body: unknown): ApiResult<never> {
  if (status === null) return { ok: false, status, message: NO_CONNECTION };
  const record = isRecord(body) ? body : {};
  const fieldErrors: Record<string, string> = {};
  if (isRecord(record.fieldErrors)) for (const [key, value] of Object.entries(record.fieldErrors)) if (typeof value === 'string') fieldErrors[key] = value;
  return {
    ok: false,
    status,
    message: typeof record.message === 'string' && record.message !== '' ? record.message : FAILED,
    ...(typeof record.code === 'string' ? { code: record.code } : {}),
    ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
  };
}

const ok = (status: number | null) => status !== null && status >= 200 && status < 300;

/** Up to three FAQ answers for the first message; none on any failure (they are a help, not a step). */
export async function suggestAnswers(text: string, fetchImpl: typeof fetch = fetch): Promise<ChatFaqAnswer[]> {
  const { status, body } = await request('/suggest', { body: JSON.stringify({ text }) }, fetchImpl);
  if (!ok(status) || !isRecord(body) || !Array.isArray(body.answers)) return [];
  return body.answers
    .filter((item): item is ChatFaqAnswer => isRecord(item) && typeof item.title === 'string' && typeof item.url === 'string' && item.url.startsWith('/'))
    .map((item) => ({ title: item.title, url: item.url, excerpt: typeof item.excerpt === 'string' ? item.excerpt : '' }))
    .slice(0, 3);
}

/** «Это помогло? — Да»: counted for the reports; a failure is of no concern to the client. */
export async function sendFaqHelped(fetchImpl: typeof fetch = fetch): Promise<void> {
  await request('/faq-feedback', { body: JSON.stringify({ helped: true }) }, fetchImpl);
}

/** What starting a conversation sends. */
export interface StartRequest {
  text: string;
  proof: string | null;
  clientMessageId: string;
  name?: string;
  contact?: string;
  consent?: boolean;
  /** True when FAQ answers were offered and the client still asked for an operator (counted for the reports). */
  faqDidNotHelp?: boolean;
}

export async function startConversation(input: StartRequest, fetchImpl: typeof fetch = fetch): Promise<ApiResult<ChatStarted>> {
  const { proof, faqDidNotHelp, ...rest } = input;
  const payload = { ...rest, ...(proof ? { proof } : {}), ...(faqDidNotHelp ? { helpedByFaq: false } : {}) };
  const { status, body } = await request('/conversations', { body: JSON.stringify(payload) }, fetchImpl);
  if (status !== 201 || !isRecord(body) || typeof body.id !== 'string' && typeof body.id !== 'number' || typeof body.token !== 'string') return failure(status, body);
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const outOfHours = isRecord(body.outOfHours) && typeof body.outOfHours.text === 'string'
    ? { startsAt: typeof body.outOfHours.startsAt === 'string' ? body.outOfHours.startsAt : '', text: body.outOfHours.text }
    : null;
  return {
    ok: true,
    id: String(body.id),
    token: body.token,
    link: typeof body.link === 'string' ? body.link : '',
    state: (typeof body.state === 'string' ? body.state : 'queued') as ChatState,
    position: num(body.position),
    estimatedWaitMinutes: num(body.estimatedWaitMinutes),
    outOfHours,
  };
}

const conversationPath = (ref: ChatSessionRef, tail: string) => `/conversations/${encodeURIComponent(ref.id)}/${tail}`;

/** Posts JSON to one of the conversation's own endpoints (contact, rating, transcript). */
async function postToConversation(ref: ChatSessionRef, tail: string, payload: unknown, fetchImpl: typeof fetch): Promise<ApiResult<object>> {
  const { status, body } = await request(conversationPath(ref, tail), { body: JSON.stringify(payload), token: ref.token }, fetchImpl);
  return ok(status) ? { ok: true } : failure(status, body);
}

export const sendContact = (ref: ChatSessionRef, contact: { name: string; contact: string; consent: boolean }, fetchImpl: typeof fetch = fetch) =>
  postToConversation(ref, 'contact', contact, fetchImpl);

export const sendRating = (ref: ChatSessionRef, rating: number, fetchImpl: typeof fetch = fetch) => postToConversation(ref, 'rating', { rating }, fetchImpl);

export const requestTranscript = (ref: ChatSessionRef, email: string, fetchImpl: typeof fetch = fetch) => postToConversation(ref, 'transcript', { email }, fetchImpl);

/** Uploads one checked file (multipart: `file` and its `clientMessageId`, so a retry stores it once). */
export async function sendAttachment(ref: ChatSessionRef, file: File, clientMessageId: string, fetchImpl: typeof fetch = fetch): Promise<ApiResult<object>> {
  const form = new FormData();
  form.append('clientMessageId', clientMessageId);
  form.append('file', file, file.name);
  const { status, body } = await request(conversationPath(ref, 'attachments'), { body: form, token: ref.token }, fetchImpl);
  return ok(status) ? { ok: true } : failure(status, body);
}
