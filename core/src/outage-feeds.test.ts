import { describe, expect, it } from 'vitest';
import { currentAndPlannedOutages, outagesIn, outagesOfDay, outageWhen, plannedOutagesIcs, type OutageNews } from './outage-feeds';
import { interestMatches } from './outages';

const base = { date: '2026-11-25', summary: 'Замена опор.', settlements: ['пгт Тихоречье'], settlementSlugs: ['tikhorechye'], streets: [], period: '' };
const item = (over: Partial<OutageNews> & { slug: string }): OutageNews => ({ title: over.slug, type: 'planned-outage', outageState: 'planned', ...base, ...over });

describe('outages of the day in the company time zone (Europe/Moscow, UTC+3)', () => {
  // 20:30Z on 3 December is 23:30 in Moscow; 22:00Z is 01:00 on 4 December.
  const overMidnight = item({ slug: 'night', outageStart: '2026-12-03T20:30:00Z', outageEnd: '2026-12-03T22:00:00Z' });
  // 21:30Z on 4 December is already 00:30 on 5 December in Moscow, though still the 4th in UTC.
  const earlyFifth = item({ slug: 'early', outageStart: '2026-12-04T21:30:00Z' });
  const news = [overMidnight, earlyFifth];

  it('an outage from 23:30 to 01:00 Moscow time is an outage of both days, and not of the day after', () => {
    expect(outagesOfDay(news, '2026-12-03', 'Europe/Moscow').map((n) => n.slug)).toEqual(['night']);
    expect(outagesOfDay(news, '2026-12-04', 'Europe/Moscow').map((n) => n.slug)).toEqual(['night']);
  });

  it('an outage at 00:30 Moscow time belongs to that Moscow day even though it is the previous day in UTC', () => {
    expect(outagesOfDay(news, '2026-12-05', 'Europe/Moscow').map((n) => n.slug)).toEqual(['early']);
  });

  it('the same instants in Yekaterinburg (UTC+5) fall on the next local day', () => {
    // 20:30Z = 01:30 on 4 December in Yekaterinburg; 22:00Z = 03:00 the same day.
    expect(outagesOfDay(news, '2026-12-03', 'Asia/Yekaterinburg').map((n) => n.slug)).toEqual([]);
    expect(outagesOfDay(news, '2026-12-04', 'Asia/Yekaterinburg').map((n) => n.slug)).toEqual(['night']);
  });

  it('says when in company time: same day «9:00 — 16:00», across midnight with both dates', () => {
    expect(outageWhen({ outageStart: '2026-12-03T06:00:00Z', outageEnd: '2026-12-03T13:00:00Z' }, 'Europe/Moscow')).toBe('3 декабря 2026 г., 9:00 — 16:00');
    expect(outageWhen(overMidnight, 'Europe/Moscow')).toBe('3 декабря 2026 г., 23:30 — 4 декабря 2026 г., 1:00');
    expect(outageWhen({ outageStart: '2026-12-03T06:00:00Z' }, 'Europe/Moscow')).toBe('с 3 декабря 2026 г., 9:00');
  });
});

describe('the outages page lists what is current and planned', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const news = [
    item({ slug: 'later', outageStart: '2026-12-10T06:00:00Z', outageEnd: '2026-12-10T12:00:00Z' }),
    item({ slug: 'now', type: 'emergency-outage', outageState: 'ongoing', outageStart: '2026-12-03T08:00:00Z' }),
    item({ slug: 'soon', outageStart: '2026-12-04T06:00:00Z', outageEnd: '2026-12-04T12:00:00Z', settlements: ['с. Озерки'], settlementSlugs: ['ozerki'] }),
    item({ slug: 'over', outageStart: '2026-12-02T06:00:00Z', outageEnd: '2026-12-02T12:00:00Z' }),
    item({ slug: 'fixed', outageState: 'restored', outageStart: '2026-12-03T06:00:00Z', outageEnd: '2026-12-03T12:00:00Z' }),
    { ...item({ slug: 'free-text' }), outageState: undefined, outageStart: undefined },
    item({ slug: 'tariff', type: 'tariff', outageStart: '2026-12-04T06:00:00Z' }),
  ];

  it('ongoing first, then planned by start; nothing restored, over, unstructured or not an outage', () => {
    expect(currentAndPlannedOutages(news, now).map((n) => n.slug)).toEqual(['now', 'soon', 'later']);
  });

  it('a settlement page shows only the outages that name that settlement', () => {
    expect(outagesIn(currentAndPlannedOutages(news, now), 'ozerki').map((n) => n.slug)).toEqual(['soon']);
    expect(outagesIn(currentAndPlannedOutages(news, now), 'tikhorechye').map((n) => n.slug)).toEqual(['now', 'later']);
  });
});

describe('the calendar of planned outages (RFC 5545)', () => {
  const news = [
    item({ slug: 'tikhorechye-dec', title: 'Отключение; замена опор, Тихоречье', outageStart: '2026-12-03T06:00:00Z', outageEnd: '2026-12-03T13:00:00Z', streets: [{ settlement: 'tikhorechye', street: 'ул. Лесная' }] }),
    item({ slug: 'emergency', type: 'emergency-outage', outageState: 'ongoing', outageStart: '2026-12-03T06:00:00Z' }),
  ];

  it('is written out exactly: CRLF, escaped text, stable UID, DTSTAMP of the build, UTC times; emergencies are left out', () => {
    const ics = plannedOutagesIcs({ news, calendarName: 'Плановые отключения', host: 'energo.example.ru', stamp: new Date('2026-12-01T09:30:00.500Z'), link: (slug) => `https://energo.example.ru/otklyucheniya/#${slug}` });
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//energo.example.ru//outages//RU',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Плановые отключения',
        'BEGIN:VEVENT',
        'UID:tikhorechye-dec@energo.example.ru',
        'DTSTAMP:20261201T093000Z',
        'DTSTART:20261203T060000Z',
        'DTEND:20261203T130000Z',
        'SUMMARY:Отключение\\; замена опор\\, Тихоречье',
        'LOCATION:пгт Тихоречье: ул. Лесная',
        'DESCRIPTION:Замена опор.',
        'URL:https://energo.example.ru/otklyucheniya/#tikhorechye-dec',
        'STATUS:CONFIRMED',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

});

describe('who hears about an item', () => {
  const subscriber = { kinds: ['planned'], settlements: ['tikhorechye'], streets: [{ settlement: 'tikhorechye', street: 'ул. Лесная' }] };

  it('a subscriber of one street hears of an outage on that street or in the whole settlement, not on another street', () => {
    expect(interestMatches(subscriber, { kind: 'planned', settlements: ['tikhorechye'], streets: [{ settlement: 'tikhorechye', street: 'ул. лесная ' }] })).toBe(true);
    expect(interestMatches(subscriber, { kind: 'planned', settlements: ['tikhorechye'] })).toBe(true);
    expect(interestMatches(subscriber, { kind: 'planned', settlements: ['tikhorechye'], streets: [{ settlement: 'tikhorechye', street: 'ул. Речная' }] })).toBe(false);
  });

  it('not of another settlement or another kind; tariff news without settlements reaches every tariff subscriber', () => {
    expect(interestMatches(subscriber, { kind: 'planned', settlements: ['ozerki'] })).toBe(false);
    expect(interestMatches(subscriber, { kind: 'emergency', settlements: ['tikhorechye'] })).toBe(false);
    expect(interestMatches({ ...subscriber, kinds: ['tariff'] }, { kind: 'tariff', settlements: [] })).toBe(true);
  });
});
