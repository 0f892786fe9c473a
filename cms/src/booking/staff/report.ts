import type { Payload } from 'payload';
import { bookingReport, offeredMinutesOfDay, type BookingReport, type OfferedMinutes, type ReportBooking, type ReportBookingState } from '@portal/core/booking/booking-report';
import { parseDeskList } from '@portal/core/booking/slots';
import { addDays } from '@portal/core/iso-date';
import { hoursOn } from '@portal/core/office-hours';
import { scheduleOf, type OfficeScheduleFields } from '../../collections/Offices/schedule';
import { loadCalendar } from '../../appeals/settings/settings';
import { COLLECTIONS } from '../../slugs';

type Related = { id?: number | string; title?: string; name?: string } | number | string | null | undefined;
const idOf = (value: Related): string => (value && typeof value === 'object' ? String(value.id ?? '') : String(value ?? ''));
const nameOf = (value: Related): string => (value && typeof value === 'object' ? String(value.title ?? value.name ?? value.id ?? '') : String(value ?? ''));
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

type OfficeDoc = OfficeScheduleFields & {
  id: number | string;
  name?: string;
  booking?: { enabled?: boolean | null; topics?: { topic?: Related; slotMinutes?: number | null; desks?: string | null }[] | null; closedDates?: { date?: string | null }[] | null } | null;
};

/** The longest period the report computes offered minutes for, day by day. */
export const REPORT_MAX_DAYS = 400;

/**
 * The bookings report for a period (company-local dates, both inclusive): every booking whose visit falls in it, and
 * the minutes each office taking bookings offered (its hours, lunch, exceptions, the production calendar and dates
 * closed to booking, with today's settings). Offices and topics by name.
 */
export async function loadBookingReport(payload: Payload, period: { from: string; to: string }): Promise<BookingReport> {
  const found = await payload.find({
    collection: COLLECTIONS.bookings,
    where: { and: [{ date: { greater_than_equal: period.from } }, { date: { less_than_equal: period.to } }] },
    limit: 100_000,
    depth: 1,
    overrideAccess: true,
    pagination: false,
    select: { office: true, topic: true, startTime: true, endTime: true, state: true } as never,
  });
  const bookings: ReportBooking[] = found.docs.map((doc) => {
    const row = doc as unknown as Record<string, unknown>;
    return {
      office: nameOf(row.office as Related),
      topic: nameOf(row.topic as Related),
      minutes: Math.max(0, minutesOf(String(row.endTime ?? '00:00')) - minutesOf(String(row.startTime ?? '00:00'))),
      state: row.state as ReportBookingState,
    };
  });

  const offices = (await payload.find({ collection: COLLECTIONS.offices, limit: 500, depth: 1, overrideAccess: true, draft: true, pagination: false })).docs as unknown as OfficeDoc[];
  const calendar = await loadCalendar(payload);
  const offered: OfferedMinutes[] = [];
  for (const office of offices) {
    if (!office.booking?.enabled) continue;
    const topics = (office.booking.topics ?? [])
      .filter((row) => row.topic)
      .map((row) => ({ topic: nameOf(row.topic), topicId: idOf(row.topic), slotMinutes: Number(row.slotMinutes ?? 0), desks: parseDeskList(row.desks ?? '') }));
    const closed = new Set((office.booking.closedDates ?? []).map((row) => row.date).filter(Boolean));
    const schedule = scheduleOf(office);
    const total: OfferedMinutes = { office: office.name ?? String(office.id), minutes: 0, byTopic: {} };
    for (let date = period.from, n = 0; date <= period.to && n < REPORT_MAX_DAYS; date = addDays(date, 1), n++) {
      if (closed.has(date)) continue;
      const day = offeredMinutesOfDay(hoursOn(schedule, calendar, date), topics);
      total.minutes += day.minutes;
      for (const [topic, minutes] of Object.entries(day.byTopic)) total.byTopic[topic] = (total.byTopic[topic] ?? 0) + minutes;
    }
    offered.push(total);
  }
  return bookingReport(bookings, offered);
}
