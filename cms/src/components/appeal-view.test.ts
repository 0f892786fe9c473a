import { describe, expect, it } from 'vitest';
import { CALENDAR_2026, ProductionCalendar } from '@portal/core/production-calendar';
import { deadlineLine, detailRows, letterRows } from './appeal-view';

const calendar = new ProductionCalendar([CALENDAR_2026]);

describe('the appeal screen', () => {
  it('says how many working days are left for an open appeal and marks overdue ones', () => {
    // Monday 7 December 2026, deadline Wednesday 9 December: Tuesday and Wednesday are left.
    expect(deadlineLine('registered', '2026-12-09', '2026-12-07', calendar)).toEqual({ text: '9 декабря 2026 — осталось 2 рабочих дня', tone: 'normal' });
    expect(deadlineLine('routed', '2026-12-08', '2026-12-07', calendar)).toEqual({ text: '8 декабря 2026 — остался 1 рабочий день', tone: 'soon' });
    expect(deadlineLine('in-progress', '2026-12-07', '2026-12-07', calendar)).toEqual({ text: '7 декабря 2026 — срок сегодня', tone: 'today' });
    // Deadline Friday 4 December, seen on Monday 7: one working day overdue.
    expect(deadlineLine('in-progress', '2026-12-04', '2026-12-07', calendar)).toEqual({ text: '4 декабря 2026 — просрочено на 1 рабочий день', tone: 'overdue' });
    // A settled appeal keeps its date, without counting.
    expect(deadlineLine('answered', '2026-12-04', '2026-12-07', calendar)).toEqual({ text: '4 декабря 2026', tone: 'settled' });
  });

  it('shows the form\'s own fields with Russian names, the service by its title, readings by zone', () => {
    expect(detailRows({ service: 'pribory-ucheta', serviceTitle: 'Замена прибора учёта', objectAddress: 'ул. Лесная, 7' })).toEqual([
      { label: 'Услуга', value: 'Замена прибора учёта' },
      { label: 'Адрес объекта', value: 'ул. Лесная, 7' },
    ]);
    expect(detailRows({ service: 'pribory-ucheta' }, new Map([['pribory-ucheta', 'Приборы учёта']]))).toEqual([{ label: 'Услуга', value: 'Приборы учёта' }]);
    expect(detailRows({ tariff: '2', t1: 1234.5, t2: 567, confirmedLower: false })).toEqual([
      { label: 'Тариф', value: 'Двухтарифный (день и ночь)' },
      { label: 'День (Т1)', value: '1234,5' },
      { label: 'Ночь (Т2)', value: '567' },
      { label: 'Показание ниже прежнего подтверждено', value: 'нет' },
    ]);
    // Nothing the client sent is hidden: an unknown key keeps its name.
    expect(detailRows('{"rating":4,"extra":"x"}')).toEqual([
      { label: 'Оценка (1–5)', value: '4' },
      { label: 'extra', value: 'x' },
    ]);
    expect(detailRows(null)).toEqual([]);
  });

  it('lists the robot\'s letters with state, time in the company zone and attempts', () => {
    const rows = letterRows(
      {
        confirmation: { state: 'sent', attempts: 1, sentAt: '2026-12-07T02:31:10Z' },
        handlerNotice: { state: 'pending', attempts: 2, lastError: 'SMTP 451', nextAttemptAt: '2026-12-07T02:32:00Z' },
        answerDelivery: null,
        survey: { state: 'not-needed' },
      },
      'Europe/Moscow',
    );
    expect(rows).toEqual([
      { letter: 'Подтверждение клиенту', state: 'Отправлено', when: '7 декабря 2026, 05:31 МСК', attempts: '1', error: '' },
      { letter: 'Уведомление специалистов', state: 'Ожидает отправки', when: 'следующая попытка 7 декабря 2026, 05:32 МСК', attempts: '2', error: 'SMTP 451' },
      { letter: 'Опрос о качестве ответа', state: 'Не отправляется: нет e-mail', when: '—', attempts: '—', error: '' },
    ]);
  });

  it('shows why a confirmation was withheld from a client who gave an e-mail (a forged or flooding sender)', () => {
    const reason = 'Не отправляется: с этого адреса за час пришло больше 10 обращений.';
    const rows = letterRows({ confirmation: { state: 'not-needed', attempts: 0, lastError: reason } }, 'Europe/Moscow');
    expect(rows).toEqual([{ letter: 'Подтверждение клиенту', state: reason, when: '—', attempts: '—', error: '' }]);
  });
});
