import { describe, expect, it } from 'vitest';
import { describeDayHours, describeOfficeStatus, hoursOn, OfficeScheduleSchema, officeStatus, summarizeWeeklyHours } from './office-hours';
import { CALENDAR_2026, ProductionCalendar } from './production-calendar';

const calendar = new ProductionCalendar([CALENDAR_2026]);
const weekday = { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '12:45' };
const schedule = OfficeScheduleSchema.parse({
  weekly: [1, 2, 3, 4].map((day) => ({ weekday: day, ...weekday })).concat([{ weekday: 5, ...weekday, close: '16:00' }]),
  exceptions: [
    { date: '2026-12-12', hours: { open: '09:00', close: '14:00' }, note: 'дополнительная суббота для приёма показаний' },
    { date: '2026-12-01', note: 'санитарный день' },
  ],
});
const at = (date: string, time: string) => ({ date, minutesOfDay: Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) });
const status = (date: string, time: string) => describeOfficeStatus(officeStatus(schedule, calendar, at(date, time)));

describe('office status', () => {
  it('is open during working hours and mentions the coming lunch break', () => {
    expect(status('2026-11-25', '10:30')).toBe('Открыто до 17:00 (перерыв с 12:00)');
    expect(status('2026-11-25', '13:00')).toBe('Открыто до 17:00');
  });

  it('is on a break during lunch and says when it reopens', () => {
    expect(status('2026-11-25', '12:00')).toBe('Перерыв, откроется в 12:45');
    expect(status('2026-11-25', '12:44')).toBe('Перерыв, откроется в 12:45');
  });

  it('opens later today, tomorrow, or on Monday after a weekend', () => {
    expect(status('2026-11-25', '07:59')).toBe('Закрыто, откроется сегодня в 8:00');
    expect(status('2026-11-25', '17:00')).toBe('Закрыто, откроется завтра в 8:00');
    expect(status('2026-11-27', '16:00')).toBe('Закрыто, откроется в пн 8:00');
  });

  it('is closed on 4 November (a public holiday on a Wednesday) and shortened on 3 November', () => {
    expect(hoursOn(schedule, calendar, '2026-11-04').kind).toBe('holiday');
    expect(status('2026-11-04', '10:00')).toBe('Закрыто, откроется завтра в 8:00');
    expect(hoursOn(schedule, calendar, '2026-11-03').hours?.close).toBe('16:00');
    expect(status('2026-11-03', '16:30')).toBe('Закрыто, откроется в чт 8:00');
  });

  it('skips the whole New Year holidays', () => {
    expect(status('2026-12-31', '09:00')).toBe('Закрыто, откроется в пн, 11.01, в 8:00');
  });

  it('follows dated exceptions: an extra Saturday shift and a closed day', () => {
    expect(status('2026-12-12', '10:00')).toBe('Открыто до 14:00');
    expect(status('2026-12-01', '10:00')).toBe('Закрыто, откроется завтра в 8:00');
  });

  it('drops a lunch break that falls after a shortened closing time', () => {
    const late = OfficeScheduleSchema.parse({ weekly: [{ weekday: 2, open: '09:00', close: '17:00', breakStart: '16:00', breakEnd: '16:30' }] });
    const day = hoursOn(late, calendar, '2026-11-03');
    expect(day.hours).toEqual({ weekday: 2, open: '09:00', close: '16:00' });
  });
});

describe('hours text', () => {
  it('summarises the week and describes one day', () => {
    expect(summarizeWeeklyHours(schedule.weekly)).toBe('пн–чт 8:00–17:00, перерыв 12:00–12:45; пт 8:00–16:00, перерыв 12:00–12:45');
    expect(describeDayHours(undefined)).toBe('выходной');
  });
});

describe('schedule validation', () => {
  it('refuses a lunch break outside the working day', () => {
    expect(OfficeScheduleSchema.safeParse({ weekly: [{ weekday: 1, open: '09:00', close: '12:00', breakStart: '13:00', breakEnd: '14:00' }] }).success).toBe(false);
  });
});
