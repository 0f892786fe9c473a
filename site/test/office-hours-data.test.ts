import { describe, expect, it } from 'vitest';
import { OfficeScheduleSchema } from '@portal/core/office-hours';
import { officeStatusViewsAt } from '@portal/core/office-status';
import { CALENDAR_2026, ProductionCalendar } from '@portal/core/production-calendar';
import type { ExportOffice } from '@portal/core/site-export';
import { jsonForScriptBlock, officeHoursPageData } from '../src/lib/office-hours-data';
import { openStreetMapUrl, yandexMapUrl } from '../src/lib/map-links';

const office = (slug: string, note = ''): ExportOffice =>
  ({
    slug,
    kind: 'office',
    schedule: OfficeScheduleSchema.parse({
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '17:00' })),
      exceptions: [
        { date: '2026-11-20', note: 'санитарный день' },
        { date: '2026-12-01', note },
      ],
    }),
  }) as ExportOffice;

describe('the office hours a page ships for its status script', () => {
  const data = officeHoursPageData([office('a'), office('b')], new ProductionCalendar([CALENDAR_2026]), 'Europe/Moscow', '2026-11-27');

  it('holds each office of the page, the company time zone and this year’s and next year’s calendar', () => {
    expect(Object.keys(data.offices)).toEqual(['a', 'b']);
    expect(data.timeZone).toBe('Europe/Moscow');
    expect(data.calendar.daysOff).toContain('2026-11-04');
    // 2027 has no decree in the data: the statutory forecast (8 March 2027 is a Monday).
    expect(data.calendar.daysOff).toContain('2027-03-08');
    expect(data.calendar.shortDays).toContain('2026-11-03');
  });

  it('leaves out exceptions already past on the build day', () => {
    expect(data.offices.a?.exceptions.map((item) => item.date)).toEqual(['2026-12-01']);
  });

  it('gives the status of 4 November 2026 (a holiday) from the shipped data, as the browser would', () => {
    expect(officeStatusViewsAt(data, new Date('2026-11-04T10:00:00+03:00'))('a')?.text).toBe('Закрыто, откроется завтра в 8:00');
  });

  it('cannot end its <script> block early, whatever an editor typed into a note', () => {
    const json = jsonForScriptBlock(officeHoursPageData([office('a', '</script><script>alert(1)</script><!--')], new ProductionCalendar(), 'Europe/Moscow', '2026-11-27'));
    expect(json).not.toMatch(/<\/?script|<!--/i);
    expect(JSON.parse(json).offices.a.exceptions[0].note).toBe('</script><script>alert(1)</script><!--');
  });
});

describe('map links', () => {
  it('put a pin on the coordinates: Yandex takes longitude first, OpenStreetMap latitude first', () => {
    expect(yandexMapUrl(61.7715, 34.4102)).toBe('https://yandex.ru/maps/?pt=34.4102,61.7715&z=16&l=map');
    expect(openStreetMapUrl(61.7715, 34.4102)).toBe('https://www.openstreetmap.org/?mlat=61.7715&mlon=34.4102#map=16/61.7715/34.4102');
  });

  it('never print a coordinate in exponent form', () => {
    expect(yandexMapUrl(-0.0000001, 179.1234567)).toBe('https://yandex.ru/maps/?pt=179.123457,0&z=16&l=map');
  });
});
