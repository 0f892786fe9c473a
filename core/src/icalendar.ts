/**
 * The one iCalendar (RFC 5545) writer of the portal: TEXT escaping, UTC date-times, line folding and the CRLF
 * document. The booking letters' `.ics` (booking/ics.ts) and the planned-outage calendar (outage-feeds.ts) build
 * their content lines and hand them to `icsDocument`.
 */

const utf8 = new TextEncoder();

/** RFC 5545 §3.1: a content line is at most 75 octets, line break excluded. */
const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, and every line break
 * (CRLF, LF or a lone CR) becomes the two characters `\n`.
 */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** An instant as a UTC DATE-TIME: `2026-12-08T07:30:00.000Z` → `20261208T073000Z` (milliseconds dropped). */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Folds one content line (RFC 5545 §3.1): pieces of at most 75 octets joined by CRLF and one space, the space
 * counting towards its line's 75; a multi-octet UTF-8 character is never split between two lines.
 */
export function icsFold(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** A whole iCalendar text from its unfolded content lines: each folded, each ended by CRLF (the last one too). */
export function icsDocument(lines: readonly string[]): string {
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
