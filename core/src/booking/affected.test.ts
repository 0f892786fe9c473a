import { describe, expect, it } from 'vitest';
import type { DaySchedule } from '../office-status';
import { affectedReason, type OfficeBookingRules } from './affected';

const regular: DaySchedule = { date: '2026-12-15', hours: { open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '14:00' }, kind: 'regular', note: '' };
const rules: OfficeBookingRules = { closedDates: [], topics: new Set(['7']) };
const visit = (startTime: string, endTime: string, topic = '7') => ({ date: '2026-12-15', startTime, endTime, topic });

describe('bookings an office change leaves without a place', () => {
  it('keeps a visit inside the hours, also one ending at closing time or at the lunch break', () => {
    expect(affectedReason(visit('09:00', '09:15'), regular, rules)).toBeNull();
    expect(affectedReason(visit('17:45', '18:00'), regular, rules)).toBeNull();
    expect(affectedReason(visit('12:45', '13:00'), regular, rules)).toBeNull();
    expect(affectedReason(visit('14:00', '14:30'), regular, rules)).toBeNull();
  });

  it('names a date the editor closed for bookings, with the note', () => {
    const closedRules = { ...rules, closedDates: [{ date: '2026-12-15', note: 'санитарный день' }] };
    expect(affectedReason(visit('10:00', '10:15'), regular, closedRules)).toEqual({ kind: 'closed-date', reason: 'в этот день офис не ведёт приём по записи (санитарный день)' });
  });

  it('names a day the office is closed, with the exception’s note', () => {
    const closedDay: DaySchedule = { date: '2026-12-15', hours: null, kind: 'exception', note: 'ремонт' };
    expect(affectedReason(visit('10:00', '10:15'), closedDay, rules)).toEqual({ kind: 'day-closed', reason: 'в этот день офис закрыт (ремонт)' });
  });

  it('names the new hours when the visit falls outside them or into the new lunch break', () => {
    const shorter: DaySchedule = { date: '2026-12-15', hours: { open: '10:00', close: '16:00', breakStart: '12:00', breakEnd: '12:30' }, kind: 'exception', note: '' };
    const text = 'изменились часы работы офиса: в этот день он работает 10:00–16:00, перерыв 12:00–12:30';
    expect(affectedReason(visit('09:45', '10:00'), shorter, rules)).toEqual({ kind: 'hours-changed', reason: text });
    expect(affectedReason(visit('15:50', '16:05'), shorter, rules)?.kind).toBe('hours-changed');
    expect(affectedReason(visit('12:15', '12:30'), shorter, rules)?.kind).toBe('hours-changed');
    expect(affectedReason(visit('11:50', '12:05'), shorter, rules)?.kind).toBe('hours-changed');
    expect(affectedReason(visit('12:30', '12:45'), shorter, rules)).toBeNull();
  });

  it('names a topic no longer booked at the office', () => {
    expect(affectedReason(visit('10:00', '10:15', '8'), regular, rules)).toEqual({ kind: 'topic-removed', reason: 'по этому вопросу офис больше не ведёт приём по записи' });
  });
});
