import { describe, expect, it } from 'vitest';
import type { DaySchedule } from '../office-status';
import { bookingReport, bookingReportToCsv, offeredMinutesOfDay, type OfferedMinutes, type ReportBooking } from './booking-report';

// Hand-made period: «Центральный» offered 8 h on 2 desks (960 desk-minutes); both desks take «Договор» (960),
// one takes «Оплата» (480). «Ясноборск» offered 4 h on one desk, nobody booked. «Закрытый» stopped offering
// bookings but one is still on its books.
const offered: OfferedMinutes[] = [
  { office: 'Центральный', minutes: 960, byTopic: { Договор: 960, Оплата: 480 } },
  { office: 'Ясноборск', minutes: 240, byTopic: { Договор: 240 } },
];
const bookings: ReportBooking[] = [
  { office: 'Центральный', topic: 'Договор', minutes: 30, state: 'attended' },
  { office: 'Центральный', topic: 'Договор', minutes: 30, state: 'no-show' },
  { office: 'Центральный', topic: 'Договор', minutes: 30, state: 'booked' },
  { office: 'Центральный', topic: 'Договор', minutes: 30, state: 'cancelled' },
  { office: 'Центральный', topic: 'Оплата', minutes: 15, state: 'attended' },
  { office: 'Центральный', topic: 'Оплата', minutes: 15, state: 'attended' },
  { office: 'Закрытый', topic: 'Оплата', minutes: 20, state: 'booked' },
];

describe('booking report', () => {
  const report = bookingReport(bookings, offered);
  const office = (name: string) => report.offices.find((entry) => entry.office === name)!;

  it('counts an office’s bookings without the cancelled ones, and its no-shows among the marked visits', () => {
    const central = office('Центральный');
    expect(central).toMatchObject({ bookings: 5, attended: 3, noShows: 1, cancelled: 1, noShowShare: 0.25, bookedMinutes: 120, offeredMinutes: 960 });
    // 120 booked of 960 offered desk-minutes.
    expect(central.utilisation).toBeCloseTo(0.125, 10);
  });

  it('gives each topic its own bookings, no-shows and utilisation against the desks serving it', () => {
    const topics = Object.fromEntries(office('Центральный').topics.map((entry) => [entry.topic, entry]));
    expect(topics['Договор']).toMatchObject({ bookings: 3, attended: 1, noShows: 1, cancelled: 1, noShowShare: 0.5, bookedMinutes: 90, offeredMinutes: 960 });
    expect(topics['Договор']!.utilisation).toBeCloseTo(90 / 960, 10);
    expect(topics['Оплата']).toMatchObject({ bookings: 2, attended: 2, noShows: 0, noShowShare: 0, bookedMinutes: 30, offeredMinutes: 480 });
    expect(topics['Оплата']!.utilisation).toBeCloseTo(0.0625, 10);
  });

  it('lists an office with offered time and no bookings at zero utilisation, and one offering nothing without a share', () => {
    expect(office('Ясноборск')).toMatchObject({ bookings: 0, noShowShare: null, utilisation: 0, offeredMinutes: 240 });
    expect(office('Ясноборск').topics.map((entry) => entry.topic)).toEqual(['Договор']);
    expect(office('Закрытый')).toMatchObject({ bookings: 1, bookedMinutes: 20, offeredMinutes: 0, utilisation: null });
  });

  it('sorts offices in Russian alphabetical order and totals every office', () => {
    expect(report.offices.map((entry) => entry.office)).toEqual(['Закрытый', 'Центральный', 'Ясноборск']);
    expect(report.total).toMatchObject({ bookings: 6, attended: 3, noShows: 1, cancelled: 1, noShowShare: 0.25, bookedMinutes: 140, offeredMinutes: 1200 });
    expect(report.total.utilisation).toBeCloseTo(140 / 1200, 10);
  });

  it('writes CSV rows with percentages a Russian spreadsheet reads', () => {
    const lines = bookingReportToCsv(report).split('\r\n');
    expect(lines[0]).toBe('\uFEFFОфис;Тема;Записей;Пришли;Не пришли;Отменены;Доля неявок, %;Забронировано минут;Предложено минут;Загрузка, %');
    expect(lines).toContain('Центральный;все темы;5;3;1;1;25,0;120;960;12,5');
    // 90 / 960 = 9.375 % → 9,4.
    expect(lines).toContain('Центральный;Договор;3;1;1;1;50,0;90;960;9,4');
    expect(lines).toContain('Закрытый;все темы;1;0;0;0;;20;0;');
    expect(lines.at(-2)).toBe('Все офисы;все темы;6;3;1;1;25,0;140;1200;11,7');
  });

  it('neutralises a formula in an office name', () => {
    const csv = bookingReportToCsv(bookingReport([{ office: '=HYPERLINK("x")', topic: 'Оплата', minutes: 15, state: 'booked' }], []));
    expect(csv).toContain(`"'=HYPERLINK(""x"")";все темы`);
  });
});

describe('minutes an office offers for bookings on a day', () => {
  const day = (hours: DaySchedule['hours']): DaySchedule => ({ date: '2026-12-15', hours, kind: 'regular', note: '' });

  it('counts open minutes without lunch on every desk once, and each topic’s whole slots on its desks', () => {
    // 09:00–18:00 with lunch 13:00–14:00: 240 + 240 = 480 open minutes; desks 1, 2 and 3 → 1,440.
    // «Договор», 45 min on desks 1, 2: 09:00–12:45 (5 slots = 225) + 14:00–17:45 (5 slots = 225) = 450 × 2 = 900.
    // «Оплата», 15 min on desks 2, 3: 480 × 2 = 960.
    const offered = offeredMinutesOfDay(day({ open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '14:00' }), [
      { topic: 'Договор', slotMinutes: 45, desks: [1, 2] },
      { topic: 'Оплата', slotMinutes: 15, desks: [2, 3] },
    ]);
    expect(offered).toEqual({ minutes: 1440, byTopic: { Договор: 900, Оплата: 960 } });
  });

  it('offers nothing on a closed day', () => {
    expect(offeredMinutesOfDay(day(null), [{ topic: 'Оплата', slotMinutes: 15, desks: [1] }])).toEqual({ minutes: 0, byTopic: { Оплата: 0 } });
  });

  it('counts a day without a lunch break as one stretch', () => {
    // 08:00–12:00 = 240 minutes on one desk; 50-minute slots: 4 whole ones = 200.
    expect(offeredMinutesOfDay(day({ open: '08:00', close: '12:00' }), [{ topic: 'Договор', slotMinutes: 50, desks: [4] }])).toEqual({ minutes: 240, byTopic: { Договор: 200 } });
  });
});
