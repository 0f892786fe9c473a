/**
 * An iCalendar (RFC 5545) file of one visit, attached to the booking letters so the client's calendar shows it.
 * Times in UTC (`…Z`), so no VTIMEZONE block is needed; escaping, folding and line ends are the shared writer's
 * (../icalendar.ts).
 */

import { icsDocument, icsText, icsUtc } from '../icalendar';

export interface VisitEvent {
  /** Stable across moves and cancellation, e.g. `booking-17@portal.example.ru`. */
  uid: string;
  start: Date;
  end: Date;
  /** When the file was made. */
  stamp: Date;
  summary: string;
  location: string;
  description: string;
  /** 0 for the first booking, +1 on every move or cancellation. */
  sequence: number;
  cancelled?: boolean;
}

/** The whole `.ics` text of one visit. */
export function visitIcs(event: VisitEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//portal//booking//RU',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(event.end)}`,
    `SUMMARY:${icsText(event.summary)}`,
    `LOCATION:${icsText(event.location)}`,
    `DESCRIPTION:${icsText(event.description)}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return icsDocument(lines);
}
