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
import { readCmsEnv } from '../env';
import { searchEngine } from '../search/engine';
import { forbidden, NO_STORE, searchParamsOf } from './payload-request';

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

export const chatConsoleEndpoints: Endpoint[] = [
  // Queue with waiting times, the operator's conversations, colleagues' presence, groups, topics, canned replies.
  operatorAction('/state', 'get', async (req) => ok(await loadConsoleState(req.payload, req.user!))),
  // A conversation's messages after a sequence number (the console polls it while the conversation is open).
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
