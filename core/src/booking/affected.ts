import { formatClock, type DaySchedule } from '../office-status';

/**
 * Bookings an office's new settings leave without a place (issue 20): the day closed, the hours moved, or the topic
 * no longer booked there. Pure: the CMS passes the day's hours (`hoursOn`) and the office's booking settings.
 */

/** A booking still ahead, as the check needs it. */
export interface HeldBooking {
  date: string;
  /** `HH:MM`, local. */
  startTime: string;
  /** `HH:MM`, local. */
  endTime: string;
  /** The topic's id as text. */
  topic: string;
}

/** The office's booking settings the check reads. */
export interface OfficeBookingRules {
  /** Dates the office takes no bookings (with the editor's note, if any). */
  closedDates: readonly { date: string; note?: string | null }[];
  /** Ids (as text) of the topics booked at the office. */
  topics: ReadonlySet<string>;
}

/** Why a booking lost its place; `reason` is the sentence the client's letter gives. */
export interface AffectedReason {
  kind: 'closed-date' | 'day-closed' | 'hours-changed' | 'topic-removed';
  reason: string;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const withNote = (text: string, note: string | null | undefined) => (note && note.trim() ? `${text} (${note.trim()})` : text);

/**
 * Why the booking no longer fits the office's day, or null when it still does. Order: a closed date, the whole day
 * closed, the visit outside the new hours or inside the lunch break, the topic taken off the office's list.
 */
export function affectedReason(booking: HeldBooking, day: DaySchedule, rules: OfficeBookingRules): AffectedReason | null {
  const closed = rules.closedDates.find((entry) => entry.date === booking.date);
  if (closed) return { kind: 'closed-date', reason: withNote('в этот день офис не ведёт приём по записи', closed.note) };
  if (!day.hours) return { kind: 'day-closed', reason: withNote('в этот день офис закрыт', day.note) };
  const start = minutes(booking.startTime);
  const end = minutes(booking.endTime);
  const { open, close, breakStart, breakEnd } = day.hours;
  const outside = start < minutes(open) || end > minutes(close);
  const inBreak = breakStart !== undefined && breakEnd !== undefined && start < minutes(breakEnd) && end > minutes(breakStart);
  if (outside || inBreak) {
    const hours = `${formatClock(open)}–${formatClock(close)}${breakStart && breakEnd ? `, перерыв ${formatClock(breakStart)}–${formatClock(breakEnd)}` : ''}`;
    return { kind: 'hours-changed', reason: withNote(`изменились часы работы офиса: в этот день он работает ${hours}`, day.kind === 'exception' ? day.note : null) };
  }
  if (!rules.topics.has(booking.topic)) return { kind: 'topic-removed', reason: 'по этому вопросу офис больше не ведёт приём по записи' };
  return null;
}
