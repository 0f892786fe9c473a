import type { Payload, TaskConfig, Where } from 'payload';
import type { AppealType } from '@portal/core/appeal-type';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { readCmsEnv } from '../../env';
import { COLLECTIONS, GLOBALS } from '../../slugs';
import { deadlineReminderLetter, type ReminderKind } from '../letters/deadline-reminder';
import { mailer, robotMessageId, type OutgoingMessage } from '../outbox/mailer';
import { SETTLED_STATES } from './queue';
import { loadCalendar, loadCompany } from '../settings/settings';
import { updateAppealInternally } from './internal-update';

export const DEADLINE_REMINDERS_TASK = 'deadlineReminders';

export type { ReminderKind } from '../letters/deadline-reminder';

interface OpenAppeal {
  id: number | string;
  registrationNumber: string;
  type: AppealType;
  status: string;
  deadlineDate: string;
  assignee?: { email?: string | null } | number | string | null;
  reminders?: { dayBeforeFor?: string | null; dueDayFor?: string | null } | null;
}

/** One letter the job sent (for tests and the job's output). */
export interface SentReminder {
  registrationNumber: string;
  kind: ReminderKind;
  to: string;
}

/**
 * Reminds handlers of deadlines: on the working day before an open appeal's deadline, and on the deadline day,
 * a letter goes to the assignee (or to the handlers' shared address when nobody is assigned). Nothing is sent on
 * days off — the working day before covers them. Each reminder is sent once per deadline: the appeal remembers
 * the deadline it was sent for, so an extension makes both due again. `now` is passed in so tests fix the clock.
 */
export async function sendDeadlineReminders(payload: Payload, now: Date = new Date()): Promise<SentReminder[]> {
  const [company, calendar] = await Promise.all([loadCompany(payload), loadCalendar(payload)]);
  const today = toLocalIsoDate(now, company.timeZone);
  if (!calendar.isWorkingDay(today)) return [];
  const nextWorkingDay = calendar.nextWorkingDay(today);
  const settings = (await payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 })) as { handlersEmail?: string | null; email?: string | null };

  const where: Where = {
    and: [{ status: { not_in: [...SETTLED_STATES] } }, { deadlineDate: { greater_than_equal: today } }, { deadlineDate: { less_than_equal: nextWorkingDay } }],
  };
  const due = await payload.find({ collection: COLLECTIONS.appeals, where, depth: 1, pagination: false, sort: ['deadlineDate', 'registrationNumber'], overrideAccess: true });
  const env = readCmsEnv();
  const from = env.MAIL_FROM ?? settings.email ?? 'robot@example.ru';
  const adminOrigin = (env.CMS_PUBLIC_URL ?? '').replace(/\/$/, '');
  const sent: SentReminder[] = [];
  for (const appeal of due.docs as unknown as OpenAppeal[]) {
    const kind: ReminderKind = appeal.deadlineDate === today ? 'due-day' : 'day-before';
    const marker = kind === 'due-day' ? appeal.reminders?.dueDayFor : appeal.reminders?.dayBeforeFor;
    if (marker === appeal.deadlineDate) continue;
    const to = (typeof appeal.assignee === 'object' && appeal.assignee?.email) || settings.handlersEmail;
    if (!to) continue;
    await mailer().send(reminderLetter(appeal, kind, to, from, settings.email, adminOrigin));
    // Marked after sending: a crash in between repeats a letter rather than losing one.
    await updateAppealInternally(payload, appeal.id, { reminders: { ...appeal.reminders, [kind === 'due-day' ? 'dueDayFor' : 'dayBeforeFor']: appeal.deadlineDate } });
    sent.push({ registrationNumber: appeal.registrationNumber, kind, to });
  }
  return sent;
}

/** The reminder letter (letters/deadline-reminder.ts) addressed: stable Message-ID per appeal, kind and deadline. */
function reminderLetter(appeal: OpenAppeal, kind: ReminderKind, to: string, from: string, companyEmail: string | null | undefined, adminOrigin: string): OutgoingMessage {
  const letter = deadlineReminderLetter({
    kind,
    registrationNumber: appeal.registrationNumber,
    type: appeal.type,
    status: appeal.status,
    deadlineDate: appeal.deadlineDate,
    adminUrl: `${adminOrigin}/admin/collections/${COLLECTIONS.appeals}/${appeal.id}`,
  });
  return { from, to, ...letter, messageId: robotMessageId(`appeal-${appeal.id}-reminder-${kind}-${appeal.deadlineDate}`, companyEmail) };
}

/** Hourly during the working day; idempotent per appeal and deadline, so repeats are harmless. */
export const deadlineReminderTasks: TaskConfig[] = [
  {
    slug: DEADLINE_REMINDERS_TASK,
    label: 'Напоминания о сроках ответа',
    schedule: [{ cron: '0 0 8-18 * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { sent: (await sendDeadlineReminders(req.payload)).length } }),
  } as unknown as TaskConfig,
];
