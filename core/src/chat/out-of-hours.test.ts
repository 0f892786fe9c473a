import { describe, expect, it } from 'vitest';
import { CALENDAR_2026, ProductionCalendar } from '../production-calendar';
import { chatWorkingNow, instantOfLocal, outOfHoursReply } from './out-of-hours';

const calendar = new ProductionCalendar([CALENDAR_2026]);
/** The instant of a Moscow wall-clock time (UTC+3 all year). */
const moscow = (localDateTime: string) => new Date(`${localDateTime}+03:00`);

// Company hours (core/src/deadlines.ts defaults, written out): Mon–Thu 08:00–17:00, Fri 08:00–15:45, a shortened
// pre-holiday day one hour shorter. 2026 calendar (decree № 1466): 12–14 June and 4 November are days off, 11 June
// and 3 November are shortened.
describe('chat out of hours', () => {
  it('on Friday evening the reply names Monday 08:00 Moscow time', () => {
    const reply = outOfHoursReply(moscow('2026-12-11T18:00:00'), calendar);
    expect(reply?.startsAt).toBe('2026-12-14T05:00:00.000Z');
    expect(reply?.text).toContain('оператор ответит в понедельник, 14 декабря 2026 г., с 8:00 по московскому времени');
  });

  it('a Friday ends at 15:45: at 15:50 the chat is out of hours, at 15:40 it is not', () => {
    expect(outOfHoursReply(moscow('2026-12-11T15:40:00'), calendar)).toBeNull();
    expect(outOfHoursReply(moscow('2026-12-11T15:50:00'), calendar)?.startsAt).toBe('2026-12-14T05:00:00.000Z');
  });

  it('on the shortened day before the June holidays work ends at 16:00 and starts again on Monday 15 June', () => {
    expect(outOfHoursReply(moscow('2026-06-11T15:30:00'), calendar)).toBeNull();
    const reply = outOfHoursReply(moscow('2026-06-11T16:30:00'), calendar);
    expect(reply?.startsAt).toBe('2026-06-15T05:00:00.000Z');
    expect(reply?.text).toContain('в понедельник, 15 июня 2026 г., с 8:00');
  });

  it('after the shortened 3 November the holiday 4 November is skipped: work starts on Thursday 5 November', () => {
    const reply = outOfHoursReply(moscow('2026-11-03T16:10:00'), calendar);
    expect(reply?.startsAt).toBe('2026-11-05T05:00:00.000Z');
    expect(reply?.text).toContain('в четверг, 5 ноября 2026 г.,');
  });

  it('early on a working day the reply names the same day', () => {
    const reply = outOfHoursReply(moscow('2026-12-08T06:30:00'), calendar);
    expect(reply?.startsAt).toBe('2026-12-08T05:00:00.000Z');
    expect(reply?.text).toContain('во вторник, 8 декабря 2026 г., с 8:00');
  });

  it('work starts exactly at 08:00 and ends before 17:00', () => {
    expect(chatWorkingNow(moscow('2026-12-08T08:00:00'), calendar).working).toBe(true);
    expect(chatWorkingNow(moscow('2026-12-08T07:59:00'), calendar).working).toBe(false);
    expect(chatWorkingNow(moscow('2026-12-08T16:59:00'), calendar).working).toBe(true);
    expect(chatWorkingNow(moscow('2026-12-08T17:00:00'), calendar).working).toBe(false);
  });

  it('in Vladivostok the start is 08:00 local (22:00 UTC the day before) and the reply names the offset', () => {
    // Friday 11 December 2026, 19:00 in Vladivostok (UTC+10) → Monday 14 December 08:00 local = Sunday 22:00 UTC.
    const reply = outOfHoursReply(new Date('2026-12-11T09:00:00Z'), calendar, undefined, 'Asia/Vladivostok');
    expect(reply?.startsAt).toBe('2026-12-13T22:00:00.000Z');
    expect(reply?.text).toContain('с 8:00 по времени UTC+10:00');
  });

  it('converts a local wall-clock time to its instant', () => {
    expect(instantOfLocal('2026-07-01', '08:00', 'Europe/Moscow').toISOString()).toBe('2026-07-01T05:00:00.000Z');
    expect(instantOfLocal('2026-07-01', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(instantOfLocal('2026-01-15', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-01-15T07:00:00.000Z');
  });
});
