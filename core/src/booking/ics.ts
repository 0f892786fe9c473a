/**
 * An iCalendar (RFC 5545) file of one visit, attached to the booking letters so the client's calendar shows it.
 * Times in UTC (`…Z`), so no VTIMEZONE block is needed; lines end with CRLF and are folded at 75 octets without
 * splitting a UTF-8 character.
 */

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

/** `2026-12-08T07:30:00.000Z` → `20261208T073000Z`. */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Escapes a TEXT value: backslash, semicolon, comma, line breaks. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line into pieces of at most 75 octets, continuation lines starting with one space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    const limit = pieces.length === 0 ? 75 : 74; // a continuation line's leading space counts
    if (size + octets > limit) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
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
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
