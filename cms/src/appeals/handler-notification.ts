import type { Payload, TaskConfig } from 'payload';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { formatRussianDate } from '@portal/core/time-zone';
import { escapeHtml } from '@portal/forms-api/escape-html';
import { readCmsEnv } from '../env';
import { COLLECTIONS, GLOBALS } from '../slugs';
import { mailer } from './robot-mail';

export const NOTIFY_HANDLERS_TASK = 'notifyHandlers';

/** Appeal types the routing handlers hear about at once (the standards: applications and complaints). */
export const NOTIFIED_TYPES: readonly AppealType[] = ['application', 'complaint'];


/** Queues the handlers' notification of a new application or complaint; failures are logged, not thrown. */
export async function queueHandlerNotification(payload: Payload, appealId: number | string, type: AppealType): Promise<void> {
  if (!NOTIFIED_TYPES.includes(type)) return;
  await payload.jobs
    .queue({ task: NOTIFY_HANDLERS_TASK, input: { appealId: String(appealId) } } as never)
    .catch((error: unknown) => payload.logger.warn({ err: error instanceof Error ? error.name : typeof error, appealId }, 'handler notification not queued'));
}

/**
 * E-mails the handlers' address from the company settings about a new appeal: number, type, topic, deadline
 * and where to open it. No client data in the letter — the handler reads it in the admin, behind a login.
 */
export async function notifyHandlers(payload: Payload, appealId: number | string): Promise<'sent' | 'skipped'> {
  const settings = (await payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 })) as { handlersEmail?: string | null; email?: string | null };
  if (!settings.handlersEmail) return 'skipped';
  const id = payload.db.defaultIDType === 'number' ? Number(appealId) : appealId;
  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id, overrideAccess: true, depth: 1, disableErrors: true })) as unknown as {
    id: number | string;
    registrationNumber: string;
    type: AppealType;
    deadlineDate: string;
    topic?: { title?: string } | null;
    attachments?: unknown[] | null;
  } | null;
  if (!appeal) return 'skipped';
  const lines = [
    `Поступило новое обращение: ${APPEAL_TYPE_LABELS[appeal.type].toLowerCase()} № ${appeal.registrationNumber}.`,
    `Тема: ${appeal.topic?.title ?? 'не указана'}.`,
    `Срок ответа: ${formatRussianDate(appeal.deadlineDate)}.`,
    `Вложений: ${appeal.attachments?.length ?? 0}.`,
    '',
    `Открыть в панели управления: /admin/collections/${COLLECTIONS.appeals}/${appeal.id}`,
  ];
  await mailer().send({
    from: readCmsEnv().MAIL_FROM ?? settings.email ?? 'robot@example.ru',
    to: settings.handlersEmail,
    subject: `Новое обращение № ${appeal.registrationNumber}`,
    text: lines.join('\n'),
    html: lines.map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`)).join('\n'),
    // Stable per appeal: a retry after a crash is recognisable as the same letter.
    messageId: `<appeal-${appeal.id}-handlers@${(settings.email ?? 'portal.local').split('@')[1] ?? 'portal.local'}>`,
  });
  return 'sent';
}

/** The notification job, retried with backoff while SMTP is down. */
export const handlerNotificationTasks: TaskConfig[] = [
  {
    slug: NOTIFY_HANDLERS_TASK,
    label: 'Уведомление специалистов о новой заявке или жалобе',
    inputSchema: [{ name: 'appealId', type: 'text', required: true }],
    retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
    handler: async ({ input, req }: { input: unknown; req: { payload: Payload } }) => ({ output: { result: await notifyHandlers(req.payload, (input as { appealId: string }).appealId) } }),
    // Cast: the generated task-slug type is refreshed only when payload-types.ts is regenerated.
  } as unknown as TaskConfig,
];
