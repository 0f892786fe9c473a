import { describe, expect, it } from 'vitest';
import { OfficeScheduleSchema } from '../office-hours';
import { CALENDAR_2026, ProductionCalendar } from '../production-calendar';
import { bookableDates, cellKey, cellsOf, daySlots, instantOfLocal, isBookableDate, parseDeskList, reminderDate, slotGrid, type OfficeBookingSettings, type OfficeTopicSettings } from './slots';

// Mon–Fri 08:00–17:00 with lunch 12:00–13:00; follows the 2026 production calendar.
const weekday = { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' };
const schedule = OfficeScheduleSchema.parse({
  weekly: [1, 2, 3, 4, 5].map((day) => ({ weekday: day, ...weekday })),
  exceptions: [{ date: '2026-12-16', hours: { open: '10:00', close: '12:00' }, note: 'учёба персонала' }],
});
const calendar = new ProductionCalendar([CALENDAR_2026]);
const halfHour: OfficeTopicSettings = { topicId: '1', slotMinutes: 30, desks: [1, 2], documents: '' };
const settings: OfficeBookingSettings = { enabled: true, horizonDays: 14, topics: [halfHour], closedDates: ['2026-12-17'] };
const starts = (topic: OfficeTopicSettings, date: string) => slotGrid(schedule, calendar, settings, topic, date).map((slot) => slot.start);

describe('slots of a day', () => {
  it('an ordinary Tuesday has 30-minute slots 08:00–11:30 and 13:00–16:30, none in the lunch break', () => {
    expect(starts(halfHour, '2026-12-08')).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
  });

  it('45-minute slots never cross the lunch break or closing time', () => {
    const long = { ...halfHour, slotMinutes: 45 };
    // 08:00 +45 … 11:00–11:45 (11:45–12:30 would cross lunch); 13:00 … 16:00–16:45 (16:45–17:30 would cross closing).
    expect(starts(long, '2026-12-08')).toEqual(['08:00', '08:45', '09:30', '10:15', '11:00', '13:00', '13:45', '14:30', '15:15', '16:00']);
  });

  it('a shortened pre-holiday day (3 November 2026) closes at 16:00: the last slot starts at 15:30', () => {
    const list = starts(halfHour, '2026-11-03');
    expect(list.at(-1)).toBe('15:30');
    expect(list).toHaveLength(14);
  });

  it('no slots on a holiday (4 November), a weekend, a closed date, or when booking is off', () => {
    expect(starts(halfHour, '2026-11-04')).toEqual([]);
    expect(starts(halfHour, '2026-12-12')).toEqual([]);
    expect(starts(halfHour, '2026-12-17')).toEqual([]);
    expect(slotGrid(schedule, calendar, { ...settings, enabled: false }, halfHour, '2026-12-08')).toEqual([]);
  });

  it('a dated exception with special hours gives its own slots (10:00–12:00: four)', () => {
    expect(starts(halfHour, '2026-12-16')).toEqual(['10:00', '10:30', '11:00', '11:30']);
  });

  it('with two desks a slot stays free until both desks hold it', () => {
    const claimed = new Set([0, 5, 10, 15, 20, 25].map((m) => cellKey(1, '2026-12-08', 9 * 60 + m)));
    const nine = () => daySlots(schedule, calendar, settings, halfHour, '2026-12-08', claimed).find((slot) => slot.start === '09:00');
    expect(nine()?.freeDesks).toEqual([2]);
    for (const m of [0, 5, 10, 15, 20, 25]) claimed.add(cellKey(2, '2026-12-08', 9 * 60 + m));
    expect(nine()?.freeDesks).toEqual([]);
    // The neighbours are untouched.
    expect(daySlots(schedule, calendar, settings, halfHour, '2026-12-08', claimed).find((slot) => slot.start === '09:30')?.freeDesks).toEqual([1, 2]);
  });

  it('a 15-minute visit at 09:15 on a desk makes a 30-minute slot at 09:00 on that desk unavailable', () => {
    const claimed = new Set(cellsOf('09:15', 15).map((cell) => cellKey(1, '2026-12-08', cell)));
    expect(cellsOf('09:15', 15)).toEqual([555, 560, 565]);
    expect(daySlots(schedule, calendar, settings, halfHour, '2026-12-08', claimed).find((slot) => slot.start === '09:00')?.freeDesks).toEqual([2]);
  });
});

describe('booking window and reminders', () => {
  it('is bookable from tomorrow to 14 days ahead', () => {
    const dates = bookableDates('2026-12-07', 14);
    expect(dates[0]).toBe('2026-12-08');
    expect(dates.at(-1)).toBe('2026-12-21');
    expect(dates).toHaveLength(14);
    expect(isBookableDate('2026-12-07', 14, '2026-12-07')).toBe(false);
    expect(isBookableDate('2026-12-07', 14, '2026-12-21')).toBe(true);
    expect(isBookableDate('2026-12-07', 14, '2026-12-22')).toBe(false);
  });

  it('reminds on the working day before: Friday for a Monday visit, 3 November for 5 November', () => {
    expect(reminderDate(calendar, '2026-12-14')).toBe('2026-12-11');
    expect(reminderDate(calendar, '2026-11-05')).toBe('2026-11-03');
    expect(reminderDate(calendar, '2026-12-09')).toBe('2026-12-08');
  });

  it('local Moscow time → instant (UTC+3)', () => {
    expect(instantOfLocal('2026-12-08', '10:00', 'Europe/Moscow').toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(instantOfLocal('2026-12-08', '01:30', 'Asia/Vladivostok').toISOString()).toBe('2026-12-07T15:30:00.000Z');
  });

  it('reads desk lists', () => {
    expect(parseDeskList('2, 1; 2')).toEqual([1, 2]);
    expect(parseDeskList('1, окно')).toEqual([]);
    expect(parseDeskList('0')).toEqual([]);
  });
});
