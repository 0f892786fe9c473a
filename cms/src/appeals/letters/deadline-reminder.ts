import { APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { formatRussianDate } from '@portal/core/time-zone';
import { linesAsParagraphs, sentence, type Letter } from './letter';

/** Which reminder a letter is: one working day before the deadline, or on the deadline day. */
export type ReminderKind = 'day-before' | 'due-day';

/** What a deadline reminder says: no client data, the handler reads the appeal in the admin. */
export interface DeadlineReminderInput {
  kind: ReminderKind;
  registrationNumber: string;
  type: AppealType;
  /** The appeal's state code as stored (shown by its Russian name; an unknown code as it is). */
  status: string;
  /** The stored deadline, local `YYYY-MM-DD`. */
  deadlineDate: string;
  /** Where the appeal opens in the admin (a path such as `/admin/collections/appeals/7`, or a full URL). */
  adminUrl: string;
}

/** The reminder to a handler: number, type, state, deadline and a link into the admin. */
export function deadlineReminderLetter(reminder: DeadlineReminderInput): Letter {
  const state = AppealStateSchema.safeParse(reminder.status);
  const when = reminder.kind === 'due-day' ? 'сегодня' : `в следующий рабочий день, ${formatRussianDate(reminder.deadlineDate)}`;
  const lines = [
    sentence(`Напоминаем: срок ответа по обращению № ${reminder.registrationNumber} истекает ${when}`),
    `Вид: ${APPEAL_TYPE_LABELS[reminder.type]?.toLowerCase() ?? reminder.type}.`,
    `Состояние: ${state.success ? APPEAL_STATE_LABELS[state.data] : reminder.status}.`,
    sentence(`Срок ответа: ${formatRussianDate(reminder.deadlineDate)}`),
    '',
    `Открыть в панели управления: ${reminder.adminUrl}`,
  ];
  return {
    subject: `${reminder.kind === 'due-day' ? 'Срок сегодня' : 'Срок завтра'}: обращение № ${reminder.registrationNumber}`,
    text: lines.join('\n'),
    html: linesAsParagraphs(lines),
  };
}
