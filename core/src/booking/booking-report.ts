import { csvCell } from '../csv';
import type { DaySchedule } from '../office-status';

/**
 * The office booking report (issue 20): bookings, no-shows and utilisation per office and topic for a period.
 * Pure arithmetic over rows the CMS loads; the CMS also computes the offered minutes from the offices' hours.
 */

/** What became of a booking, as the report counts it. */
export type ReportBookingState = 'booked' | 'attended' | 'no-show' | 'cancelled';

/** One booking of the period (by the visit's date). */
export interface ReportBooking {
  /** Office name (or id) the report groups by. */
  office: string;
  /** Topic name (or id) the report groups by. */
  topic: string;
  /** The visit's length in minutes (the topic's slot length when it was booked). */
  minutes: number;
  state: ReportBookingState;
}

/** Desk-minutes an office offered for bookings in the period: in all, and for each topic (the desks serving it). */
export interface OfferedMinutes {
  office: string;
  /** Open minutes × desks taking bookings, every desk counted once even when it serves several topics. */
  minutes: number;
  /** Per topic: open minutes × desks serving that topic. */
  byTopic: Record<string, number>;
}

/** Figures of one office, or of one topic in an office. */
export interface BookingFigures {
  /** Bookings not cancelled (visits planned, made or missed). */
  bookings: number;
  attended: number;
  noShows: number;
  cancelled: number;
  /** Share of no-shows among the visits whose outcome is marked (attended + no-shows); null when none is. */
  noShowShare: number | null;
  /** Minutes of the bookings not cancelled. */
  bookedMinutes: number;
  offeredMinutes: number;
  /** Booked minutes / offered minutes; null when nothing was offered. */
  utilisation: number | null;
}

export interface BookingReportOffice extends BookingFigures {
  office: string;
  topics: (BookingFigures & { topic: string })[];
}

export interface BookingReport {
  offices: BookingReportOffice[];
  total: BookingFigures;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function figures(bookings: readonly ReportBooking[], offeredMinutes: number): BookingFigures {
  let attended = 0;
  let noShows = 0;
  let cancelled = 0;
  let bookedMinutes = 0;
  for (const booking of bookings) {
    if (booking.state === 'cancelled') {
      cancelled += 1;
      continue;
    }
    bookedMinutes += booking.minutes;
    if (booking.state === 'attended') attended += 1;
    if (booking.state === 'no-show') noShows += 1;
  }
  return {
    bookings: bookings.length - cancelled,
    attended,
    noShows,
    cancelled,
    noShowShare: ratio(noShows, attended + noShows),
    bookedMinutes,
    offeredMinutes,
    utilisation: ratio(bookedMinutes, offeredMinutes),
  };
}

/**
 * The report: one entry per office that offered time or had bookings (by name), each with its topics (by name),
 * and the total over all offices.
 */
export function bookingReport(bookings: readonly ReportBooking[], offered: readonly OfferedMinutes[]): BookingReport {
  const officeNames = new Set([...offered.map((entry) => entry.office), ...bookings.map((booking) => booking.office)]);
  const offices = [...officeNames].sort((a, b) => a.localeCompare(b, 'ru')).map((office): BookingReportOffice => {
    const own = bookings.filter((booking) => booking.office === office);
    const offer = offered.find((entry) => entry.office === office);
    const topicNames = new Set([...Object.keys(offer?.byTopic ?? {}), ...own.map((booking) => booking.topic)]);
    const topics = [...topicNames]
      .sort((a, b) => a.localeCompare(b, 'ru'))
      .map((topic) => ({ topic, ...figures(own.filter((booking) => booking.topic === topic), offer?.byTopic[topic] ?? 0) }));
    return { office, ...figures(own, offer?.minutes ?? 0), topics };
  });
  const offeredTotal = offered.reduce((sum, entry) => sum + entry.minutes, 0);
  return { offices, total: figures(bookings, offeredTotal) };
}

const percentCell = (share: number | null): string | null => (share === null ? null : (Math.round(share * 1000) / 10).toFixed(1).replace('.', ','));

/** The report as CSV for a spreadsheet: «;»-separated, UTF-8 with a BOM, a row per office («все темы») and per topic. */
export function bookingReportToCsv(report: BookingReport): string {
  const head = ['Офис', 'Тема', 'Записей', 'Пришли', 'Не пришли', 'Отменены', 'Доля неявок, %', 'Забронировано минут', 'Предложено минут', 'Загрузка, %'];
  const row = (office: string, topic: string, f: BookingFigures) => [office, topic, f.bookings, f.attended, f.noShows, f.cancelled, percentCell(f.noShowShare), f.bookedMinutes, f.offeredMinutes, percentCell(f.utilisation)];
  const lines: (string | number | null)[][] = [head];
  for (const office of report.offices) {
    lines.push(row(office.office, 'все темы', office));
    for (const topic of office.topics) lines.push(row(office.office, topic.topic, topic));
  }
  lines.push(row('Все офисы', 'все темы', report.total));
  return `\uFEFF${lines.map((line) => line.map((cell) => csvCell(cell, ';')).join(';')).join('\r\n')}\r\n`;
}

/** A topic as an office offers it, for the offered minutes. */
export interface OfferedTopic {
  topic: string;
  slotMinutes: number;
  desks: readonly number[];
}

const clockMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Desk-minutes an office offers for bookings on one day (closed: none). The office: open minutes without the lunch
 * break × the desks taking bookings (each desk once). A topic: the minutes of its whole slots (a tail shorter than a
 * slot before the break or closing is not bookable) × the desks serving it.
 */
export function offeredMinutesOfDay(day: DaySchedule, topics: readonly OfferedTopic[]): { minutes: number; byTopic: Record<string, number> } {
  const byTopic: Record<string, number> = {};
  if (!day.hours) {
    for (const topic of topics) byTopic[topic.topic] = 0;
    return { minutes: 0, byTopic };
  }
  const { open, close, breakStart, breakEnd } = day.hours;
  const stretches: [number, number][] = breakStart && breakEnd ? [[clockMinutes(open), clockMinutes(breakStart)], [clockMinutes(breakEnd), clockMinutes(close)]] : [[clockMinutes(open), clockMinutes(close)]];
  const openMinutes = stretches.reduce((sum, [from, to]) => sum + (to - from), 0);
  const desks = new Set(topics.flatMap((topic) => topic.desks));
  for (const topic of topics) {
    const slotMinutes = topic.slotMinutes > 0 ? stretches.reduce((sum, [from, to]) => sum + Math.floor((to - from) / topic.slotMinutes) * topic.slotMinutes, 0) : 0;
    byTopic[topic.topic] = (byTopic[topic.topic] ?? 0) + slotMinutes * topic.desks.length;
  }
  return { minutes: openMinutes * desks.size, byTopic };
}
