import type { Payload, PayloadRequest } from 'payload';
import { formatRussianDate, toLocalIsoDateTime } from '@portal/core/time-zone';
import { rolesOf } from '../access/roles';
import { registerStaffAppeal } from '../appeals/intake/staff-register';
import { updateAppealInternally } from '../appeals/handling/internal-update';
import { handlerGroupsInUse, type RoutingTopic } from '../appeals/intake/routing';
import { loadCalendar, loadCompany } from '../appeals/settings/settings';
import { COLLECTIONS } from '../slugs';
import { acceptConversation, closeConversation, deferConversation, postMessage, transferConversation } from './chat-service';
import { defaultDeferralLocal, deferralProblem, localToInstant } from './deferral';
import { chatLimitOf, parseChatHours } from './presence';
import { loadOperators } from './presence-store';
import { transcriptText, type TranscriptMessage } from './transcript';

/** A conversation as stored (the fields the console reads). */
export interface ConversationRow {
  id: number | string;
  state: string;
  name?: string | null;
  contact?: string | null;
  consent?: { version?: string | null; acceptedAt?: string | null } | null;
  operator?: number | string | { id: number | string; name?: string } | null;
  group?: string | null;
  topic?: number | string | { id: number | string } | null;
  queuedAt?: string | null;
  acceptedAt?: string | null;
  deferredUntil?: string | null;
  outOfHoursUntil?: string | null;
  appeal?: number | string | { id: number | string; registrationNumber?: string } | null;
  lastSeq?: number | null;
  createdAt: string;
}

/** What the console answers with when an action is refused. */
export class ConsoleRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const idOf = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'object' ? String((value as { id: unknown }).id) : String(value));

/** The operator's open conversations: active ones they hold (a deferred one frees its place until it returns). */
export async function countActiveOf(payload: Payload, operatorId: number | string): Promise<number> {
  const found = await payload.count({ collection: COLLECTIONS.chatConversations, where: { and: [{ operator: { equals: operatorId } }, { state: { equals: 'active' } }] }, overrideAccess: true });
  return found.totalDocs;
}

export async function loadConversation(payload: Payload, id: string): Promise<ConversationRow> {
  const doc = await payload.findByID({ collection: COLLECTIONS.chatConversations, id, depth: 0, overrideAccess: true, disableErrors: true });
  if (!doc) throw new ConsoleRefusal(404, 'Диалог не найден.');
  return doc as unknown as ConversationRow;
}

/** Accepts run one at a time per operator in this process, so two quick clicks cannot pass the limit together. */
const acceptLocks = new Map<string, Promise<unknown>>();

/**
 * «Принять»: the operator takes a waiting conversation (queued, or deferred whose promised time has come), unless
 * they already hold as many active conversations as their limit allows (default 3, set per account by administrators).
 */
export async function acceptForOperator(payload: Payload, id: string, operator: { id: number | string }): Promise<void> {
  const key = String(operator.id);
  const previous = acceptLocks.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const account = (await payload.findByID({ collection: COLLECTIONS.users, id: operator.id, depth: 0, overrideAccess: true })) as { chatLimit?: number | null };
    const limit = chatLimitOf(account.chatLimit);
    if ((await countActiveOf(payload, operator.id)) >= limit) {
      throw new ConsoleRefusal(409, `Вы уже ведёте ${limit} ${dialogues(limit)} — это ваш предел. Завершите или отложите один из них, чтобы принять новый.`);
    }
    const conversation = await loadConversation(payload, id);
    if (conversation.state === 'active' && idOf(conversation.operator) !== key) throw new ConsoleRefusal(409, 'Этот диалог уже принял другой оператор.');
    if (conversation.state === 'closed') throw new ConsoleRefusal(409, 'Диалог уже завершён.');
    await acceptConversation(payload, id, operator.id);
  });
  acceptLocks.set(key, run);
  try {
    await run;
  } finally {
    if (acceptLocks.get(key) === run) acceptLocks.delete(key);
  }
}

/** «диалог», «диалога», «диалогов» by the number. */
export function dialogues(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'диалог';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'диалога';
  return 'диалогов';
}

/** Only the operator holding a conversation (or an administrator) writes in it, defers, transfers or closes it. */
export async function requireHolder(payload: Payload, req: PayloadRequest, id: string): Promise<ConversationRow> {
  const conversation = await loadConversation(payload, id);
  if (conversation.state === 'closed') throw new ConsoleRefusal(409, 'Диалог уже завершён.');
  const mine = idOf(conversation.operator) === String(req.user?.id);
  if (!mine && !rolesOf(req).includes('admin')) throw new ConsoleRefusal(403, 'Этот диалог ведёт другой оператор. Примите диалог, чтобы отвечать в нём.');
  return conversation;
}

export async function replyAsOperator(payload: Payload, req: PayloadRequest, id: string, text: unknown): Promise<void> {
  await requireHolder(payload, req, id);
  const body = typeof text === 'string' ? text.trim() : '';
  if (body.length === 0 || body.length > 2000) throw new ConsoleRefusal(400, 'Напишите ответ (не длиннее 2000 символов).');
  await postMessage(payload, id, { author: 'operator', text: body, operatorUserId: req.user!.id });
}

/** «Отложить до …»: the picked local time in the company's zone (`YYYY-MM-DDTHH:MM`), promised to the client. */
export async function deferAsOperator(payload: Payload, req: PayloadRequest, id: string, untilLocal: unknown, now: Date = new Date()): Promise<string> {
  await requireHolder(payload, req, id);
  const company = await loadCompany(payload);
  const until = typeof untilLocal === 'string' ? localToInstant(untilLocal, company.timeZone) : null;
  const problem = deferralProblem(until, now);
  if (problem) throw new ConsoleRefusal(400, problem);
  await deferConversation(payload, id, until!.toISOString(), req.user!.id);
  // The promise in words, as a system message the client reads in the conversation (and in its transcript).
  await postMessage(payload, id, { author: 'system', text: deferralPromise(until!, company.timeZone) });
  return until!.toISOString();
}

/** «Мы вернёмся к вашему вопросу 8 декабря 2026 г. в 08:00 (время московское).» */
export function deferralPromise(until: Date, timeZone: string): string {
  const local = toLocalIsoDateTime(until, timeZone);
  const zone = timeZone === 'Europe/Moscow' ? 'время московское' : `часовой пояс ${timeZone}`;
  return `Оператор отложил разговор и вернётся к вашему вопросу ${formatRussianDate(local.slice(0, 10))} в ${local.slice(11, 16)} (${zone}). Можно закрыть страницу: переписка сохранится по вашей ссылке.`;
}

export async function transferAsOperator(payload: Payload, req: PayloadRequest, id: string, body: { toUserId?: unknown; toGroup?: unknown }): Promise<void> {
  await requireHolder(payload, req, id);
  if (body.toUserId !== undefined && body.toUserId !== null && body.toUserId !== '') {
    const operators = await loadOperators(payload);
    const target = operators.find((operator) => String(operator.id) === String(body.toUserId));
    if (!target) throw new ConsoleRefusal(400, 'Выберите коллегу из списка.');
    if (String(target.id) === String(req.user!.id)) throw new ConsoleRefusal(400, 'Диалог уже у вас.');
    await transferConversation(payload, id, { toUserId: target.id });
    return;
  }
  const group = typeof body.toGroup === 'string' ? body.toGroup.trim() : '';
  if (!group || !(await chatGroups(payload)).includes(group)) throw new ConsoleRefusal(400, 'Выберите коллегу или группу исполнителей.');
  await transferConversation(payload, id, { toGroup: group });
}

export async function closeAsOperator(payload: Payload, req: PayloadRequest, id: string, topicId: unknown): Promise<void> {
  await requireHolder(payload, req, id);
  const topic = topicId === undefined || topicId === null || topicId === '' ? undefined : String(topicId);
  if (!topic) throw new ConsoleRefusal(400, 'Выберите тему диалога из классификатора.');
  const found = await payload.findByID({ collection: COLLECTIONS.topics, id: topic, depth: 0, overrideAccess: true, disableErrors: true });
  if (!found) throw new ConsoleRefusal(400, 'Выберите тему диалога из классификатора.');
  await closeConversation(payload, id, { topicId: found.id, operatorUserId: req.user!.id });
}

export async function loadMessages(payload: Payload, id: string, afterSeq = 0): Promise<TranscriptMessage[]> {
  const found = await payload.find({
    collection: COLLECTIONS.chatMessages,
    where: { and: [{ conversation: { equals: id } }, { seq: { greater_than: afterSeq } }] },
    sort: 'seq',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  });
  return (found.docs as unknown as (TranscriptMessage & { stateData?: unknown })[]).map((doc) => ({ seq: doc.seq, kind: doc.kind, author: doc.author, operatorName: doc.operatorName ?? null, text: doc.text ?? null, createdAt: doc.createdAt }));
}

/** The client's contact split into what the register takes. */
function contactFields(contact: string | null | undefined): { email?: string; phone?: string } {
  const value = (contact ?? '').trim();
  if (!value) return {};
  return value.includes('@') ? { email: value } : { phone: value };
}

/**
 * «Оформить обращение»: the conversation becomes an appeal of channel «чат» in the one register — the staff
 * registration path (number, deadline, routing, confirmation by e-mail or a task), with the transcript as its text,
 * the client's name and contact, received when the client first wrote. The conversation keeps the appeal's link.
 */
export async function registerAppealFromConversation(payload: Payload, req: PayloadRequest, id: string, form: { type?: unknown; topic?: unknown; consent?: unknown; name?: unknown }) {
  const conversation = await loadConversation(payload, id);
  if (idOf(conversation.appeal)) throw new ConsoleRefusal(409, 'По этому диалогу обращение уже оформлено.');
  if (conversation.state !== 'closed' && idOf(conversation.operator) !== String(req.user?.id) && !rolesOf(req).includes('admin')) {
    throw new ConsoleRefusal(403, 'Этот диалог ведёт другой оператор.');
  }
  const company = await loadCompany(payload);
  const messages = await loadMessages(payload, id);
  const contact = contactFields(conversation.contact);
  const name = (typeof form.name === 'string' && form.name.trim()) || conversation.name || '';
  const outcome = await registerStaffAppeal(payload, req, {
    channel: 'chat',
    type: form.type,
    topic: form.topic,
    name,
    ...contact,
    answerChannel: contact.email ? 'email' : contact.phone ? 'phone' : 'email',
    text: transcriptText(conversation.id, messages, company.timeZone),
    receivedAt: new Date(conversation.queuedAt ?? conversation.createdAt).toISOString(),
    // The chat's own consent record counts as written; otherwise the operator says how the client consented.
    consent: conversation.consent?.acceptedAt ? 'written' : form.consent,
  });
  if (!outcome.ok) return outcome;
  await payload.update({ collection: COLLECTIONS.chatConversations, id, data: { appeal: outcome.registration.id } as never, overrideAccess: true, depth: 0 });
  // And back: the appeal's internal notes name the conversation with its link in the admin (never shown to the client).
  await updateAppealInternally(payload, outcome.registration.id, { internalNotes: `Оформлено из онлайн-чата: диалог № ${conversation.id}, /admin/collections/${COLLECTIONS.chatConversations}/${conversation.id}` });
  return outcome;
}

/** The handler groups a conversation may be sent to: those of the topics' routing (as the appeals' «routed» step). */
export async function chatGroups(payload: Payload): Promise<string[]> {
  const topics = await payload.find({ collection: COLLECTIONS.topics, depth: 0, pagination: false, overrideAccess: true });
  return handlerGroupsInUse(topics.docs as unknown as RoutingTopic[]);
}

/** A waiting conversation as the queue lists it. */
export interface QueueEntry {
  id: number | string;
  state: string;
  name: string | null;
  preview: string;
  waitingSince: string;
  waitingSeconds: number;
  deferredUntil: string | null;
  returned: boolean;
  group: string | null;
  outOfHours: boolean;
}

/**
 * The queue: conversations waiting for an operator (queued), and deferred ones whose promised time has come — those
 * first, by the promised time, then the rest by how long they wait. Each with its wait in seconds.
 */
export function orderQueue(rows: readonly (ConversationRow & { preview?: string })[], now: Date): QueueEntry[] {
  const entries = rows
    .filter((row) => row.state === 'queued' || (row.state === 'deferred' && row.deferredUntil && Date.parse(row.deferredUntil) <= now.getTime()))
    .map((row): QueueEntry => {
      const returned = row.state === 'deferred';
      const since = returned ? row.deferredUntil! : (row.queuedAt ?? row.createdAt);
      return {
        id: row.id,
        state: row.state,
        name: row.name ?? null,
        preview: row.preview ?? '',
        waitingSince: since,
        waitingSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 1000)),
        deferredUntil: row.deferredUntil ?? null,
        returned,
        group: row.group ?? null,
        outOfHours: Boolean(row.outOfHoursUntil && Date.parse(row.outOfHoursUntil) > now.getTime()),
      };
    });
  return entries.sort((a, b) => Number(b.returned) - Number(a.returned) || Date.parse(a.waitingSince) - Date.parse(b.waitingSince));
}

/** Everything the console shows, for the signed-in operator. */
export async function loadConsoleState(payload: Payload, user: { id: number | string }, now: Date = new Date()) {
  const [company, calendar, waiting, mine, operators, topics, templates] = await Promise.all([
    loadCompany(payload),
    loadCalendar(payload),
    payload.find({ collection: COLLECTIONS.chatConversations, where: { state: { in: ['queued', 'deferred'] } }, depth: 0, pagination: false, overrideAccess: true, sort: 'queuedAt' }),
    payload.find({ collection: COLLECTIONS.chatConversations, where: { and: [{ operator: { equals: user.id } }, { state: { in: ['active', 'deferred'] } }] }, depth: 0, pagination: false, overrideAccess: true, sort: 'acceptedAt' }),
    loadOperators(payload, now),
    payload.find({ collection: COLLECTIONS.topics, depth: 0, pagination: false, overrideAccess: true, sort: 'order' }),
    payload.find({ collection: COLLECTIONS.chatTemplates, depth: 0, pagination: false, overrideAccess: true, sort: 'title' }),
  ]);
  const waitingRows = waiting.docs as unknown as ConversationRow[];
  const previews = await firstClientMessages(payload, waitingRows.map((row) => row.id));
  const me = operators.find((operator) => String(operator.id) === String(user.id));
  const startMinutes = parseChatHours(me?.hours ?? '')?.from;
  return {
    now: now.toISOString(),
    timeZone: company.timeZone,
    me: me ?? null,
    active: (mine.docs as unknown as ConversationRow[]).filter((row) => row.state === 'active').length,
    // Queued conversations nobody holds, or handed to this operator; deferred ones whose time has come (anyone's).
    queue: orderQueue(
      waitingRows.filter((row) => row.state === 'deferred' || !idOf(row.operator) || idOf(row.operator) === String(user.id)).map((row) => ({ ...row, preview: previews.get(String(row.id)) ?? '' })),
      now,
    ),
    mine: (mine.docs as unknown as ConversationRow[]).map((row) => ({ id: row.id, state: row.state, name: row.name ?? null, contact: row.contact ?? null, deferredUntil: row.deferredUntil ?? null, lastSeq: row.lastSeq ?? 0, appeal: idOf(row.appeal), topic: idOf(row.topic) })),
    colleagues: operators.filter((operator) => String(operator.id) !== String(user.id)).map(({ id, name, presence }) => ({ id, name, presence })),
    groups: handlerGroupsInUse(topics.docs as unknown as RoutingTopic[]),
    topics: (topics.docs as unknown as { id: number | string; title: string; slug: string }[]).map(({ id, title, slug }) => ({ id, title, slug })),
    templates: (templates.docs as unknown as { id: number | string; title: string; text: string; topic?: unknown }[]).map((doc) => ({ id: doc.id, title: doc.title, text: doc.text, topic: idOf(doc.topic) })),
    defaultDeferral: defaultDeferralLocal(now, company.timeZone, calendar, startMinutes),
    nowLocal: toLocalIsoDateTime(now, company.timeZone).slice(0, 16),
  };
}

/** The first words of each waiting conversation's first client message, for the queue. */
async function firstClientMessages(payload: Payload, ids: (number | string)[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await payload.find({ collection: COLLECTIONS.chatMessages, where: { and: [{ conversation: { in: ids } }, { author: { equals: 'client' } }] }, sort: 'seq', depth: 0, pagination: false, overrideAccess: true });
  const previews = new Map<string, string>();
  for (const doc of found.docs as unknown as { conversation: unknown; text?: string | null }[]) {
    const key = idOf(doc.conversation)!;
    if (!previews.has(key) && doc.text) previews.set(key, doc.text.length > 140 ? `${doc.text.slice(0, 140)}…` : doc.text);
  }
  return previews;
}
