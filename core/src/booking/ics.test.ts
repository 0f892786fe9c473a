import { describe, expect, it } from 'vitest';
import { visitIcs } from './ics';

describe('the visit .ics', () => {
  it('is the RFC 5545 text by hand: CRLF lines, UTC times, escaped text', () => {
    const text = visitIcs({
      uid: 'booking-7@portal.example.ru',
      start: new Date('2026-12-08T07:00:00Z'),
      end: new Date('2026-12-08T07:30:00Z'),
      stamp: new Date('2026-12-07T21:00:05.123Z'),
      summary: 'Приём',
      location: 'Офис, ул. Ленина; 1',
      description: 'Код: З-ABC234\nПаспорт',
      sequence: 0,
    });
    expect(text).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//portal//booking//RU\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n' +
        'UID:booking-7@portal.example.ru\r\nSEQUENCE:0\r\nDTSTAMP:20261207T210005Z\r\nDTSTART:20261208T070000Z\r\nDTEND:20261208T073000Z\r\n' +
        'SUMMARY:Приём\r\nLOCATION:Офис\\, ул. Ленина\\; 1\r\nDESCRIPTION:Код: З-ABC234\\nПаспорт\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
  });
});
