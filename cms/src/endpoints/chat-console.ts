import type { Endpoint, PayloadRequest } from 'payload';
import { SearchQuerySchema } from '@portal/search/contract';
import { canUseChatConsole, rolesOf } from '../access/roles';
import { ChatError } from '../chat-console/chat-service';
import { CHAT_PRESENCES, type ChatPresence } from '../chat-console/presence';
import { recordPresence } from '../chat-console/presence-store';
import {
  acceptForOperator,
  closeAsOperator,
  ConsoleRefusal,
  deferAsOperator,
  loadConsoleState,
  loadConversation,
  loadMessages,
  registerAppealFromConversation,
  replyAsOperator,
  transferAsOperator,
} from '../chat-console/console';
import { CHAT_HEARTBEAT_MS } from '@portal/core/chat/contract';
import { parseOperatorCursor } from '@portal/core/chat/operator-cursor';
import { openOperatorFeed, type OperatorFeed } from '../chat-console/stream';
import { readCmsEnv } from '../env';
import { searchEngine } from '../search/engine';
import { asRequest, forbidden, NO_STORE, searchParamsOf } from './payload-request';

/**
 * The operators' chat console (`/admin/chat-console`, issue 19): staff endpoints under /api/chat-console/, for
 * handlers, managers and administrators (editors and anonymous visitors get 403). Cookie sessions only work from the
 * admin's own origin and state-changing requests from elsewhere are refused (access/forged-requests.ts); the public
 * server never forwards these paths.
 */
type Handler = (req: PayloadRequest, id: string, body: Record<string, unknown>) => Promise<Response>;

async function readBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = (await (req as unknown as Request).json()) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Runs a console action for an operator: 403 for other roles, the action's refusal as its Russian message. */
function operatorAction(path: string, method: 'get' | 'post', action: Handler): Endpoint {
  return {
    path: `/chat-console${path}`,
    method,
    handler: async (req) => {
      if (!req.user || !canUseChatConsole(rolesOf(req))) return forbidden();
      const id = String(req.routeParams?.id ?? '');
      if (path.includes(':id') && !/^\w{1,40}$/.test(id)) return Response.json({ message: 'Диалог не найден.' }, { status: 404, headers: NO_STORE });
      try {
        return await action(req, id, method === 'post' ? await readBody(req) : {});
      } catch (error) {
        if (error instanceof ConsoleRefusal) return Response.json({ message: error.message }, { status: error.status, headers: NO_STORE });
        if (error instanceof ChatError) return Response.json({ message: error.userMessage }, { status: error.status, headers: NO_STORE });
        throw error;
      }
    },
  };
}

const ok = (body: unknown = { ok: true }, status = 200) => Response.json(body, { status, headers: NO_STORE });

/**
 * How long one operator stream stays open before the server ends it; the browser reconnects at once with its
 * `Last-Event-ID`, and the reconnect is checked like any request — a signed-out or demoted account stops receiving
 * within this time.
 */
export const OPERATOR_STREAM_MAX_MS = 5 * 60_000;

/**
 * `GET /api/chat-console/events`: the signed-in operator's Server-Sent Events (chat-console/stream.ts) — the
 * conversations they hold and the queue's changes, resumed by `Last-Event-ID`. Only the console's roles; the
 * conversations streamed are only the caller's own.
 */
const operatorEventsEndpoint: Endpoint = {
  path: '/chat-console/events',
  method: 'get',
  handler: async (req) => {
    if (!req.user || !canUseChatConsole(rolesOf(req))) return forbidden();
    const payload = req.payload;
    const operatorId = req.user.id;
    const resume = parseOperatorCursor(req.headers.get('last-event-id') ?? searchParamsOf(req).get('after'));
    const encoder = new TextEncoder();
    let feed: OperatorFeed | null = null;
    const timers: ReturnType<typeof setTimeout>[] = [];
    let closed = false;
    const stop = () => {
      if (closed) return;
      closed = true;
      feed?.close();
      for (const timer of timers) clearTimeout(timer);
    };
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const end = () => {
          stop();
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
        const write = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        write('retry: 2000\n\n');
        try {
          feed = await openOperatorFeed(payload, operatorId, resume, write);
        } catch (error) {
          payload.logger.warn({ err: error instanceof Error ? error.name : typeof error }, 'chat console: the operator stream could not open');
          end();
          return;
        }
        if (closed) feed.close();
        timers.push(setInterval(() => write(': hb\n\n'), CHAT_HEARTBEAT_MS));
        timers.push(setTimeout(end, OPERATOR_STREAM_MAX_MS));
        asRequest(req).signal?.addEventListener('abort', end);
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no', Connection: 'keep-alive' },
    });
  },
};

export const chatConsoleEndpoints: Endpoint[] = [
  operatorEventsEndpoint,
  // Queue with waiting times, the operator's conversations, colleagues' presence, groups, topics, canned replies.
  operatorAction('/state', 'get', async (req) => ok(await loadConsoleState(req.payload, req.user!))),
  // A conversation's messages after a sequence number (the console's first load, and its slow poll when the stream fails).
  operatorAction('/conversations/:id/messages', 'get', async (req, id) => {
    const conversation = await loadConversation(req.payload, id);
    const after = Number(searchParamsOf(req).get('after') ?? 0);
    const messages = await loadMessages(req.payload, id, Number.isFinite(after) && after > 0 ? after : 0);
    return ok({ conversation: { id: conversation.id, state: conversation.state, name: conversation.name ?? null, contact: conversation.contact ?? null, deferredUntil: conversation.deferredUntil ?? null, appeal: conversation.appeal ?? null }, messages });
  }),
  operatorAction('/conversations/:id/accept', 'post', async (req, id) => {
    await acceptForOperator(req.payload, id, req.user!);
    return ok();
  }),
  operatorAction('/conversations/:id/messages', 'post', async (req, id, body) => {
    await replyAsOperator(req.payload, req, id, body.text);
    return ok({ ok: true }, 201);
  }),
  operatorAction('/conversations/:id/defer', 'post', async (req, id, body) => ok({ deferredUntil: await deferAsOperator(req.payload, req, id, body.until) })),
  operatorAction('/conversations/:id/transfer', 'post', async (req, id, body) => {
    await transferAsOperator(req.payload, req, id, { toUserId: body.toUserId, toGroup: body.toGroup });
    return ok();
  }),
  operatorAction('/conversations/:id/close', 'post', async (req, id, body) => {
    await closeAsOperator(req.payload, req, id, body.topic);
    return ok();
  }),
  // «Оформить обращение»: the staff registration (handlers and administrators register appeals; managers get 403).
  operatorAction('/conversations/:id/appeal', 'post', async (req, id, body) => {
    const outcome = await registerAppealFromConversation(req.payload, req, id, body);
    if (!outcome.ok) return Response.json({ message: outcome.message, ...(outcome.errors ? { errors: outcome.errors } : {}) }, { status: outcome.status, headers: NO_STORE });
    return ok(outcome.registration, 201);
  }),
  // Presence switch and the console's heartbeat (every 30 s while it is open).
  operatorAction('/presence', 'post', async (req, _id, body) => {
    const presence = body.presence as ChatPresence;
    if (!CHAT_PRESENCES.includes(presence)) return Response.json({ message: 'Выберите статус: в сети, отошёл или не в сети.' }, { status: 400, headers: NO_STORE });
    await recordPresence(req.payload, req.user!.id, presence);
    return ok({ presence });
  }),
  // FAQ search for a link to paste: the site's own search engine, FAQ entries only, with absolute links.
  operatorAction('/faq', 'get', async (req) => {
    const parsed = SearchQuerySchema.safeParse({ q: searchParamsOf(req).get('q') ?? '', type: 'faq', limit: '5' });
    if (!parsed.success) return Response.json({ message: parsed.error.issues[0]?.message ?? 'Запрос указан неверно.' }, { status: 400, headers: NO_STORE });
    const result = await searchEngine().search(parsed.data);
    const site = readCmsEnv().SITE_URL.replace(/\/$/, '');
    return ok({ answers: result.hits.map((hit) => ({ title: hit.question, url: `${site}${hit.url}`, topic: hit.topicTitle })) });
  }),
];
