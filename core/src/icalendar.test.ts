import { describe, expect, it } from 'vitest';
import { icsDocument, icsFold, icsText, icsUtc } from './icalendar';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('iCalendar TEXT escaping (RFC 5545 §3.3.11)', () => {
  it('puts a backslash before backslash, semicolon and comma', () => {
    expect(icsText('C:\\папка; офис 1, окно 2')).toBe('C:\\\\папка\\; офис 1\\, окно 2');
  });

  it('writes every kind of line break (LF, CRLF, a lone CR) as the two characters \\n', () => {
    expect(icsText('раз\nдва\r\nтри\rчетыре')).toBe('раз\\nдва\\nтри\\nчетыре');
  });

  it('leaves colons, quotes and plain Cyrillic text as they are', () => {
    expect(icsText('Код: «З-ABC234»')).toBe('Код: «З-ABC234»');
  });
});

describe('iCalendar UTC date-times', () => {
  it('drops separators and milliseconds and keeps the Z', () => {
    expect(icsUtc(new Date('2026-12-08T07:30:45.678Z'))).toBe('20261208T073045Z');
  });
});

describe('iCalendar line folding at 75 octets (RFC 5545 §3.1)', () => {
  it('leaves a line of exactly 75 octets whole and folds the 76th octet onto a line starting with a space', () => {
    expect(icsFold('A'.repeat(75))).toBe('A'.repeat(75));
    expect(icsFold('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it('counts the leading space of a continuation line: 74 more octets fit on it', () => {
    // 75 + 74 + 1: the second line is a space and 74 letters (75 octets), the third a space and one letter.
    expect(icsFold('B'.repeat(150))).toBe(`${'B'.repeat(75)}\r\n ${'B'.repeat(74)}\r\n B`);
  });

  it('never splits a two-octet Cyrillic letter', () => {
    // 73 ASCII + «ж» (2 octets) = 75: fits. 74 ASCII + «ж» = 76: the letter goes whole to the next line.
    expect(icsFold(`${'x'.repeat(73)}ж`)).toBe(`${'x'.repeat(73)}ж`);
    expect(icsFold(`${'x'.repeat(74)}ж`)).toBe(`${'x'.repeat(74)}\r\n ж`);
    // «DESCRIPTION:» is 12 octets; 31 letters (62) make 74, a 32nd would make 76. Then a space and 9 letters.
    expect(icsFold(`DESCRIPTION:${'ж'.repeat(40)}`)).toBe(`DESCRIPTION:${'ж'.repeat(31)}\r\n ${'ж'.repeat(9)}`);
  });

  it('never splits a three-octet character (€) or a four-octet one (an emoji, two UTF-16 units)', () => {
    // «SUMMARY:» 8 octets + 22 × 3 = 74 (a 23rd makes 77); then a space + 24 × 3 = 73 (a 25th makes 76); 8 are left.
    expect(icsFold(`SUMMARY:${'€'.repeat(54)}`)).toBe(`SUMMARY:${'€'.repeat(22)}\r\n ${'€'.repeat(24)}\r\n ${'€'.repeat(8)}`);
    expect(icsFold(`${'y'.repeat(72)}😀`)).toBe(`${'y'.repeat(72)}\r\n 😀`);
    expect(icsFold(`${'y'.repeat(71)}😀`)).toBe(`${'y'.repeat(71)}😀`);
  });

  it('keeps every physical line within 75 octets and unfolds back to the original line', () => {
    const line = `LOCATION:${'Северо-Озёрск, ул. Ленина, 1; '.repeat(9)}`;
    const folded = icsFold(line);
    for (const piece of folded.split('\r\n')) expect(octets(piece)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('an iCalendar document', () => {
  it('ends every line, the last one too, with CRLF and folds each line on its own', () => {
    expect(icsDocument(['BEGIN:VCALENDAR', `X-WR-CALNAME:${'К'.repeat(35)}`, 'END:VCALENDAR'])).toBe(
      // «X-WR-CALNAME:» is 13 octets: 31 letters make 75, the other 4 follow a space.
      `BEGIN:VCALENDAR\r\nX-WR-CALNAME:${'К'.repeat(31)}\r\n ${'К'.repeat(4)}\r\nEND:VCALENDAR\r\n`,
    );
  });
});
