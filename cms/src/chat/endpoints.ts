import type { Endpoint, PayloadRequest } from 'payload';
import type { z } from 'zod';
import { checkAttachments } from '@portal/core/attachments';
import {
  CHAT_HEARTBEAT_MS,
  CHAT_MESSAGES,
  CHAT_TOKEN_HEADER,
  ClientMessageIdSchema,
  ClientMessageSchema,
  ContactSchema,
  FaqFeedbackSchema,
  RatingSchema,
  resumeAfter,
  sseFrame,
  StartConversationSchema,
  SuggestRequestSchema,
  TranscriptSchema,
  type ChatEvent,
} from '@portal/core/chat/contract';
import { fieldErrors } from '@portal/core/form-errors';
import { humanCheckEnabled, issueChallenge } from '../appeals/intake/human-check';
import { nextSequenceValue } from '../appeals/intake/sequence';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { removeAttachments, storeAttachments } from '../appeals/intake/attachments';
import { loadCompany, loadFormSettings } from '../appeals/settings/settings';
import { asRequest, NO_STORE, searchParamsOf } from '../endpoints/payload-request';
import { russianIssue } from '../endpoints/russian-issue';
import type { QueueChange } from './bus';
import { deliverChatLetter } from './deliver';
import { transcriptLetter } from './letters';
import {
  ChatError,
  conversationByToken,
  openConversationStream,
  postMessage,
  queueStanding,
  rateConversation,
  recordFaqHelped,
  setContact,
  startConversation,
  subscribe,
  suggestAnswers,
  transcriptMessages,
  type ConversationRow,
} from './service';

/**
 * The chat's client endpoints, under /api/chat/ of the CMS; the public server forwards them (the event stream
 * unbuffered). Bodies are checked at this boundary with the contract's schemas; every refusal is a Russian message.
 */

/** Transcript letters per conversation. */
const MAX_TRANSCRIPTS = 3;

const json = (status: number, body: unknown) => Response.json(body, { status, headers: NO_STORE });
const refuse = (error: ChatError) => json(error.status, { message: error.userMessage, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) });

async function readJson(req: PayloadRequest): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ChatError(400, CHAT_MESSAGES.body);
  const text = await asRequest(req).text().catch(() => null);
  if (text === null || text.length > 64 * 1024) throw new ChatError(400, CHAT_MESSAGES.body);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChatError(400, CHAT_MESSAGES.body);
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ChatError(400, russianIssue(parsed.error.issues), fieldErrors(parsed.error));
  return parsed.data;
}

/** The visitor's address as the public server forwarded it (the last hop), for the consent record. */
function clientIp(req: PayloadRequest): string | null {
  const last = req.headers.get('x-forwarded-for')?.split(',').pop()?.trim();
  return last && last.length <= 64 ? last : null;
}

const idParam = (req: PayloadRequest): string => String((req.routeParams as { id?: unknown } | undefined)?.id ?? '');

async function authorised(req: PayloadRequest, token: string | null): Promise<ConversationRow> {
  const conversation = await conversationByToken(req.payload, idParam(req), token);
  if (!conversation) throw new ChatError(404, CHAT_MESSAGES.notFound);
  return conversation;
}

/** Wraps a handler: a {@link ChatError} becomes its answer; anything else a 503 the client may retry. */
function handler(work: (req: PayloadRequest) => Promise<Response>): Endpoint['handler'] {
  return async (req) => {
    try {
      return await work(req);
    } catch (error) {
      if (error instanceof ChatError) return refuse(error);
      req.payload.logger.error({ err: error instanceof Error ? error.name : typeof error }, 'chat endpoint failed');
      return Response.json({ message: CHAT_MESSAGES.unavailable }, { status: 503, headers: { ...NO_STORE, 'Retry-After': '5' } });
    }
  };
}

export const chatChallengeEndpoint: Endpoint = {
  path: '/chat/challenge',
  method: 'get',
  handler: async () => Response.json(humanCheckEnabled() ? { enabled: true, challenge: await issueChallenge() } : { enabled: false }, { headers: NO_STORE }),
};

export const chatSuggestEndpoint: Endpoint = {
  path: '/chat/suggest',
  method: 'post',
  handler: handler(async (req) => {
    const { text } = parse(SuggestRequestSchema, await readJson(req));
    return json(200, { answers: await suggestAnswers(req.payload, text) });
  }),
};

/** «Это помогло? — Да» on the FAQ answers: counted for the report; 204 (nothing to show). */
export const chatFaqFeedbackEndpoint: Endpoint = {
  path: '/chat/faq-feedback',
  method: 'post',
  handler: handler(async (req) => {
    parse(FaqFeedbackSchema, await readJson(req));
    await recordFaqHelped(req.payload);
    return new Response(null, { status: 204, headers: NO_STORE });
  }),
};

export const chatStartEndpoint: Endpoint = {
  path: '/chat/conversations',
  method: 'post',
  handler: handler(async (req) => {
    const body = parse(StartConversationSchema, await readJson(req));
    const started = await startConversation(
      req.payload,
      body,
      { ip: clientIp(req) },
      {
        // Only a new conversation spends the proof; a retry of the same start finds its conversation first.
        beforeCreate: async (startKey) => {
          const headers = new Headers({ 'idempotency-key': startKey.slice(0, 64) });
          const human = singleUseHumanCheck(req.payload, new Request('http://chat.local/', { headers }));
          const problem = await human.verify({ altcha: body.proof });
          if (problem) throw new ChatError(400, problem, { proof: problem });
          await human.spend();
        },
      },
    );
    return json(201, started);
  }),
};

export const chatMessageEndpoint: Endpoint = {
  path: '/chat/conversations/:id/messages',
  method: 'post',
  handler: handler(async (req) => {
    const conversation = await authorised(req, req.headers.get(CHAT_TOKEN_HEADER));
    const body = parse(ClientMessageSchema, await readJson(req));
    const { seq } = await postMessage(req.payload, conversation, { author: 'client', text: body.text, clientMessageId: body.clientMessageId });
    return json(201, { seq });
  }),
};

export const chatContactEndpoint: Endpoint = {
  path: '/chat/conversations/:id/contact',
  method: 'post',
  handler: handler(async (req) => {
    const conversation = await authorised(req, req.headers.get(CHAT_TOKEN_HEADER));
    const body = parse(ContactSchema, await readJson(req));
    await setContact(req.payload, conversation, body, { ip: clientIp(req) });
    return json(200, { ok: true });
  }),
};

export const chatRatingEndpoint: Endpoint = {
  path: '/chat/conversations/:id/rating',
  method: 'post',
  handler: handler(async (req) => {
    const conversation = await authorised(req, req.headers.get(CHAT_TOKEN_HEADER));
    const { rating } = parse(RatingSchema, await readJson(req));
    await rateConversation(req.payload, conversation, rating);
    return json(200, { ok: true });
  }),
};

export const chatTranscriptEndpoint: Endpoint = {
  path: '/chat/conversations/:id/transcript',
  method: 'post',
  handler: handler(async (req) => {
    const conversation = await authorised(req, req.headers.get(CHAT_TOKEN_HEADER));
    const { email } = parse(TranscriptSchema, await readJson(req));
    // A conversation's transcript goes out at most a few times: the address is the client's word, not checked.
    if ((await nextSequenceValue(req.payload, `chat-transcripts:${conversation.id}`)) > MAX_TRANSCRIPTS) throw new ChatError(429, CHAT_MESSAGES.transcriptLimit);
    const company = await loadCompany(req.payload);
    const lines = await transcriptMessages(req.payload, conversation.id);
    const letter = transcriptLetter({ companyName: company.shortName || company.name, timeZone: company.timeZone, lines });
    await deliverChatLetter(req.payload, { ...letter, purpose: 'chat-transcript', dedupeKey: `chat-transcript:${conversation.id}:${lines.length}:${email}`, to: email });
    return json(202, { ok: true });
  }),
};

/** A file (jpg/png/pdf, the appeal attachments' checks and private storage) posted into the conversation. */
export const chatAttachmentEndpoint: Endpoint = {
  path: '/chat/conversations/:id/attachments',
  method: 'post',
  handler: handler(async (req) => {
    const conversation = await authorised(req, req.headers.get(CHAT_TOKEN_HEADER));
    if (!/^multipart\/form-data\b/i.test(req.headers.get('content-type') ?? '')) throw new ChatError(400, CHAT_MESSAGES.file, { file: CHAT_MESSAGES.file });
    const form = await asRequest(req).formData().catch(() => null);
    const file = form?.get('file');
    if (!form || typeof file !== 'object' || file === null) throw new ChatError(400, CHAT_MESSAGES.file, { file: CHAT_MESSAGES.file });
    const clientMessageId = parse(ClientMessageIdSchema, form.get('clientMessageId'));
    const limits = (await loadFormSettings(req.payload)).attachmentLimits;
    const checked = checkAttachments([{ name: (file as File).name, bytes: new Uint8Array(await (file as File).arrayBuffer()) }], { ...limits, maxFiles: 1 });
    if (!checked.ok) throw new ChatError(400, checked.message, { file: checked.message });
    if (conversation.state === 'closed') throw new ChatError(409, CHAT_MESSAGES.closed);
    const [attachmentId] = await storeAttachments(req.payload, checked.files);
    try {
      const { seq, created } = await postMessage(req.payload, conversation, { author: 'client', text: '', clientMessageId, attachmentId: attachmentId as number | string });
      // A retry of an upload already stored: the new copy of the file is not needed.
      if (!created) await removeAttachments(req.payload, [attachmentId as number | string]);
      return json(201, { seq });
    } catch (error) {
      await removeAttachments(req.payload, [attachmentId as number | string]);
      throw error;
    }
  }),
};

/**
 * `GET /api/chat/conversations/:id/events?token=…`: the conversation's Server-Sent Events. Replays every stored event
 * after `Last-Event-ID` (or `?after=`), then streams live ones; a queued client also gets its position again when the
 * queue moves. A comment line every {@link CHAT_HEARTBEAT_MS} keeps proxies from closing the idle connection.
 */
export const chatEventsEndpoint: Endpoint = {
  path: '/chat/conversations/:id/events',
  method: 'get',
  handler: handler(async (req) => {
    const params = searchParamsOf(req);
    const conversation = await authorised(req, params.get('token') ?? req.headers.get(CHAT_TOKEN_HEADER));
    const after = resumeAfter(req.headers.get('last-event-id'), params.get('after'));
    const payload = req.payload;
    const encoder = new TextEncoder();
    const cleanups: (() => void)[] = [];
    let closed = false;
    const stop = () => {
      if (closed) return;
      closed = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
    };
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        let lastSeq = after;
        let state = conversation.state;
        const write = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        const sendStanding = async () => {
          if (closed || state !== 'queued') return;
          const fresh = { ...conversation, state } as ConversationRow;
          const standing = await queueStanding(payload, fresh).catch(() => null);
          if (!standing || standing.position === null || closed) return;
          const event: ChatEvent = {
            type: 'state',
            data: { seq: lastSeq, state: 'queued', position: standing.position, ...(standing.estimatedWaitMinutes !== null ? { estimatedWaitMinutes: standing.estimatedWaitMinutes } : {}), at: new Date().toISOString() },
          };
          write(sseFrame(event));
        };
        // Tells the browser how long to wait before reconnecting, and flushes the headers at once.
        write('retry: 2000\n\n');
        try {
          cleanups.push(
            await openConversationStream(payload, conversation.id, after, (event) => {
              lastSeq = event.data.seq;
              if (event.type === 'state') state = event.data.state;
              write(sseFrame(event));
            }),
          );
        } catch {
          stop();
          controller.close();
          return;
        }
        // The queue moved: a queued client's position changed (at most one recount a second per stream).
        let pending: ReturnType<typeof setTimeout> | null = null;
        cleanups.push(
          subscribe('queue', 0, (change: QueueChange) => {
            // Only a conversation leaving the queue moves the ones behind it (a newly queued one joins at the end).
            if (pending || state !== 'queued' || change.state === 'queued') return;
            pending = setTimeout(() => {
              pending = null;
              void sendStanding();
            }, 1_000);
          }),
        );
        cleanups.push(() => pending && clearTimeout(pending));
        await sendStanding();
        const heartbeat = setInterval(() => write(': hb\n\n'), CHAT_HEARTBEAT_MS);
        cleanups.push(() => clearInterval(heartbeat));
        asRequest(req).signal?.addEventListener('abort', () => {
          stop();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no', Connection: 'keep-alive' },
    });
  }),
};

/** Every client endpoint of the chat (the public server forwards exactly these paths). */
export const chatEndpoints: Endpoint[] = [
  chatChallengeEndpoint,
  chatSuggestEndpoint,
  chatFaqFeedbackEndpoint,
  chatStartEndpoint,
  chatMessageEndpoint,
  chatEventsEndpoint,
  chatContactEndpoint,
  chatRatingEndpoint,
  chatTranscriptEndpoint,
  chatAttachmentEndpoint,
];
