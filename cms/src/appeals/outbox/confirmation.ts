import { statusPageUrl, statusTokenFor } from '../intake/status-token';
import type { Payload, TaskConfig } from 'payload';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { computeDeadline } from '@portal/core/deadlines';
import { formatRussianDate, formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { renderConfirmationEmail } from '../letters/confirmation-email';
import type { OutgoingMessage } from './mailer';
import { readCmsEnv } from '../../env';
import { dispatchOutbox } from './outbox';
import type { RobotSettings } from '../settings/settings-cache';

/** Runs the outbox dispatcher once; queued by registrations in processes without the in-process dispatcher. */
export const DISPATCH_OUTBOX_TASK = 'dispatchOutbox';
/** Former per-appeal tasks: jobs queued before the outbox dispatcher still run, as a dispatch. */
export const SEND_CONFIRMATION_TASK = 'sendConfirmation';
export const NOTIFY_HANDLERS_TASK = 'notifyHandlers';
export const SWEEP_CONFIRMATIONS_TASK = 'sweepConfirmations';

/** The appeal facts the confirmation uses. */
export interface ConfirmationAppeal {
  id: number | string;
  registrationNumber: string;
  type: AppealType;
  name: string;
  email?: string | null;
  receivedAt: string;
  deadlineDate: string;
  attachments?: unknown[] | null;
}

/** The client's confirmation letter of an appeal (HTML and plain text, the company's details). */
export async function confirmationMessage(settings: RobotSettings, appeal: ConfirmationAppeal): Promise<OutgoingMessage> {
  const { company, calendar } = settings;
  const receivedAt = new Date(appeal.receivedAt);
  const rule = await settings.rule(appeal.type);
  const deadline = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone });
  const notes = rule.note ? [withFullStop(rule.note)] : [];
  if (appeal.type === 'application' && (appeal.attachments?.length ?? 0) > 0) {
    // The standards: originals of documents sent as copies are due within 6 working days (CMS table).
    const originalsRule = await settings.rule('document-originals');
    const originals = computeDeadline({ receivedAt, rule: originalsRule, calendar, timeZone: company.timeZone });
    notes.push(`Оригиналы документов, копии которых вы приложили к заявке, пожалуйста, представьте в офис обслуживания не позднее ${formatRussianDate(originals.deadlineDate)}.`);
  }
  const message = renderConfirmationEmail({
    company,
    appeal: {
      registrationNumber: appeal.registrationNumber,
      typeLabel: APPEAL_TYPE_LABELS[appeal.type].toLowerCase(),
      clientName: appeal.name,
      receivedAtText: formatRussianDateTime(toLocalIsoDateTime(receivedAt, company.timeZone)),
      deadlineText: formatRussianDate(appeal.deadlineDate),
      statusUrl: statusPageUrl(statusTokenFor(appeal.registrationNumber, receivedAt.toISOString())),
      ...(notes.length > 0 ? { deadlineNote: notes.join(' ') } : {}),
      ...(deadline.receivedOutsideWorkingHours && deadline.workStartsAt
        ? {
            outsideHoursNote: `Обращение поступило в нерабочее время. Специалисты приступят к работе ${formatRussianDateTime(deadline.workStartsAt)}.`,
          }
        : {}),
    },
  });
  return {
    from: readCmsEnv().MAIL_FROM ?? company.email,
    to: appeal.email ?? '',
    replyTo: company.email,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // ASCII only (RFC 5322) and stable per appeal, so a resend after a crash is recognisable as the same letter.
    messageId: `<appeal-${appeal.id}-confirmation@${company.email.split('@')[1] ?? 'portal.local'}>`,
  };
}

/**
 * The outbox sweep: sends every confirmation and handler notice still pending whose retry time has come and
 * that no live process holds (never sent, failed, or held by a process that died). Returns how many went out.
 */
export async function sweepConfirmations(payload: Payload, now = new Date()): Promise<number> {
  const result = await dispatchOutbox(payload, now);
  if (result.sent > 0) payload.logger.info({ sent: result.sent }, 'outbox sweep sent pending letters');
  return result.sent;
}

/** A dispatch as a job: throws while letters failed, so the job runner retries it with backoff. */
async function dispatchAsJob(payload: Payload) {
  const result = await dispatchOutbox(payload);
  if (result.failed > 0) throw new Error(`${result.failed} letters not sent yet; will retry`);
  return { output: { sent: result.sent } };
}

/** Job definitions of the mail robot's outbox. */
export const confirmationTasks: TaskConfig[] = [
  {
    slug: DISPATCH_OUTBOX_TASK,
    label: 'Отправка писем робота (подтверждения и уведомления)',
    // 2 s, 4 s, 8 s … about 2.3 hours in all; the scheduled sweep covers anything left after that.
    retries: { attempts: 12, backoff: { type: 'exponential', delay: 2000 } },
    handler: async ({ req }: { req: { payload: Payload } }) => dispatchAsJob(req.payload),
    // Cast: the generated task-slug type is refreshed only when payload-types.ts is regenerated.
  } as unknown as TaskConfig,
  ...[SEND_CONFIRMATION_TASK, NOTIFY_HANDLERS_TASK].map(
    (slug) =>
      ({
        slug,
        label: 'Отправка писем робота (задание прежнего вида)',
        inputSchema: [{ name: 'appealId', type: 'text', required: true }],
        retries: { attempts: 12, backoff: { type: 'exponential', delay: 2000 } },
        handler: async ({ req }: { req: { payload: Payload } }) => dispatchAsJob(req.payload),
      }) as unknown as TaskConfig,
  ),
  {
    slug: SWEEP_CONFIRMATIONS_TASK,
    label: 'Повторная отправка неотправленных писем робота',
    schedule: [{ cron: '*/30 * * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { sent: await sweepConfirmations(req.payload) } }),
  } as TaskConfig,
];

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
