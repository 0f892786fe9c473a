import type { AppealState } from '@portal/core/appeal-state';

/** States in which an appeal no longer waits for the handler: no deadline marks or reminders for them. */
export const SETTLED_STATES: readonly AppealState[] = ['answered', 'closed', 'rejected', 'not-considered'];

/** Where an open appeal stands against its deadline on `today` (both ISO dates in the company's time zone). */
export type DeadlineMark = 'overdue' | 'due-today' | 'due-next-working-day' | null;

/**
 * The handler queue's mark for an appeal: overdue, due today, or due on the next working day (given as
 * `nextWorkingDay`); nothing for settled appeals or later deadlines.
 */
export function deadlineMark(status: string, deadlineDate: string, today: string, nextWorkingDay?: string): DeadlineMark {
  if ((SETTLED_STATES as readonly string[]).includes(status)) return null;
  if (deadlineDate < today) return 'overdue';
  if (deadlineDate === today) return 'due-today';
  if (nextWorkingDay && deadlineDate <= nextWorkingDay) return 'due-next-working-day';
  return null;
}

/** Russian labels for the marks, as the admin list shows them. */
export const DEADLINE_MARK_LABELS: Record<Exclude<DeadlineMark, null>, string> = {
  overdue: 'Просрочено',
  'due-today': 'Срок сегодня',
  'due-next-working-day': 'Срок завтра',
};
