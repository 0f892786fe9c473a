import type { Payload, TaskConfig } from 'payload';
import { toLocalIsoDateTime } from '@portal/core/time-zone';
import { loadCompany } from '../appeals/settings/settings';
import { readCmsEnv } from '../env';
import { enqueueLetter } from '../outbox/letters';
import { COLLECTIONS, GLOBALS } from '../slugs';
import { CHAT_CONSOLE_VIEW_PATH } from '../components/chat-console-path';
import { deferralReminderLetter } from './reminder-letter';

export const CHAT_DEFERRAL_REMINDERS_TASK = 'chatDeferralReminders';

/** One reminder the job queued (for tests and the job's output). */
export interface DeferralReminder {
  conversationId: string;
  to: string;
}

/**
 * When a deferred conversation's promised time comes, the operator who deferred it is reminded by e-mail (the
 * handlers' shared address when the operator has none); the console lists it at the top of its queue from then on.
 * Through the generic outbox with one key per conversation and promised time: once per deferral however often the
 * job runs, on however many instances; a new deferral of the same conversation reminds again.
 */
export async function remindDeferredConversations(payload: Payload, now: Date = new Date()): Promise<DeferralReminder[]> {
  const due = await payload.find({
    collection: COLLECTIONS.chatConversations,
    where: { and: [{ state: { equals: 'deferred' } }, { deferredUntil: { less_than_equal: now.toISOString() } }] },
    depth: 1,
    pagination: false,
    overrideAccess: true,
    sort: 'deferredUntil',
  });
  if (due.docs.length === 0) return [];
  const [company, settings] = await Promise.all([
    loadCompany(payload),
    payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 }) as Promise<{ handlersEmail?: string | null }>,
  ]);
  const origin = (readCmsEnv().CMS_PUBLIC_URL ?? '').replace(/\/$/, '');
  const zoneLabel = company.timeZone === 'Europe/Moscow' ? 'МСК' : company.timeZone;
  const queued: DeferralReminder[] = [];
  for (const doc of due.docs as unknown as { id: number | string; deferredUntil: string; operator?: { email?: string | null } | number | string | null }[]) {
    const to = (typeof doc.operator === 'object' && doc.operator?.email) || settings.handlersEmail;
    if (!to) continue;
    const letter = deferralReminderLetter({
      conversationId: doc.id,
      promisedLocal: toLocalIsoDateTime(new Date(doc.deferredUntil), company.timeZone).slice(0, 16),
      zoneLabel,
      consoleUrl: `${origin}/admin${CHAT_CONSOLE_VIEW_PATH}?c=${encodeURIComponent(String(doc.id))}`,
    });
    const { created } = await enqueueLetter(payload, { purpose: 'chat-deferral-reminder', dedupeKey: `chat-deferral-reminder:${doc.id}:${doc.deferredUntil}`, to, ...letter });
    if (created) queued.push({ conversationId: String(doc.id), to });
  }
  return queued;
}

/** Every minute: a promised time is kept to the minute; idempotent per conversation and promised time. */
export const chatReminderTasks: TaskConfig[] = [
  {
    slug: CHAT_DEFERRAL_REMINDERS_TASK,
    label: 'Напоминания об отложенных диалогах чата',
    schedule: [{ cron: '0 * * * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { queued: (await remindDeferredConversations(req.payload)).length } }),
  } as unknown as TaskConfig,
];
