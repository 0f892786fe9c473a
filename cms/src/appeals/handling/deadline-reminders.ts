import type { Payload, TaskConfig, Where } from 'payload';
import { APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { escapeHtml } from '@portal/core/escape-html';
import { readCmsEnv } from '../../env';
import { COLLECTIONS, GLOBALS } from '../../slugs';
import { mailer } from '../outbox/robot-mail';
import { SETTLED_STATES } from './queue';
import { loadCalendar, loadCompany } from '../settings/settings';
import { updateAppealInternally } from './internal-update';

export const DEADLINE_REMINDERS_TASK = 'deadlineReminders';

/** Which reminder a letter is: one working day before the deadline, or on the deadline day. */
export type ReminderKind = 'day-before' | 'due-day';

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
  const sent: SentReminder[] = [];
  for (const appeal of due.docs as unknown as OpenAppeal[]) {
    const kind: ReminderKind = appeal.deadlineDate === today ? 'due-day' : 'day-before';
    const marker = kind === 'due-day' ? appeal.reminders?.dueDayFor : appeal.reminders?.dayBeforeFor;
    if (marker === appeal.deadlineDate) continue;
    const to = (typeof appeal.assignee === 'object' && appeal.assignee?.email) || settings.handlersEmail;
    if (!to) continue;
    await mailer().send(reminderLetter(appeal, kind, to, readCmsEnv().MAIL_FROM ?? settings.email ?? 'robot@example.ru', settings.email));
    // Marked after sending: a crash in between repeats a letter rather than losing one.
    await updateAppealInternally(payload, appeal.id, { reminders: { ...appeal.reminders, [kind === 'due-day' ? 'dueDayFor' : 'dayBeforeFor']: appeal.deadlineDate } });
    sent.push({ registrationNumber: appeal.registrationNumber, kind, to });
  }
  return sent;
}

/** The reminder letter: number, type, state, deadline and a link into the admin — no client data. */
function reminderLetter(appeal: OpenAppeal, kind: ReminderKind, to: string, from: string, companyEmail: string | null | undefined) {
  const state = AppealStateSchema.safeParse(appeal.status);
  const when = kind === 'due-day' ? 'сегодня' : `в следующий рабочий день, ${formatRussianDate(appeal.deadlineDate)}`;
  const lines = [
    `Напоминаем: срок ответа по обращению № ${appeal.registrationNumber} истекает ${when}.`,
    `Вид: ${APPEAL_TYPE_LABELS[appeal.type]?.toLowerCase() ?? appeal.type}.`,
    `Состояние: ${state.success ? APPEAL_STATE_LABELS[state.data] : appeal.status}.`,
    `Срок ответа: ${formatRussianDate(appeal.deadlineDate)}.`,
    '',
    `Открыть в панели управления: /admin/collections/${COLLECTIONS.appeals}/${appeal.id}`,
  ];
  return {
    from,
    to,
    subject: `${kind === 'due-day' ? 'Срок сегодня' : 'Срок завтра'}: обращение № ${appeal.registrationNumber}`,
    text: lines.join('\n'),
    html: lines.map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`)).join('\n'),
    messageId: `<appeal-${appeal.id}-reminder-${kind}-${appeal.deadlineDate}@${(companyEmail ?? 'portal.local').split('@')[1] ?? 'portal.local'}>`,
  };
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
