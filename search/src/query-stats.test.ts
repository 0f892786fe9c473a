import { describe, expect, it } from 'vitest';
import { isoWeek, SearchEventSchema, statsQueryText } from './query-stats';

describe('statsQueryText', () => {
  it('counts spelling variants of one query as one', () => {
    expect(statsQueryText('Счётчик  сломался!')).toBe('счетчик сломался');
    expect(statsQueryText('счетчик сломался')).toBe('счетчик сломался');
  });

  it('never keeps e-mail addresses, phone or account numbers', () => {
    expect(statsQueryText('лс 1234 5678 90 не работает')).toBe('лс # не работает');
    expect(statsQueryText('ivan.petrov@mail.ru пароль')).toBe('# пароль');
    expect(statsQueryText('+7 (912) 345-67-89')).toBe('#');
  });

  it('keeps short numbers such as days of the month', () => {
    expect(statsQueryText('до 25 числа')).toBe('до 25 числа');
  });
});

describe('isoWeek', () => {
  it('follows ISO 8601 around the new year', () => {
    expect(isoWeek(new Date('2026-11-27T12:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
  });
});

describe('SearchEventSchema', () => {
  it('accepts searches and clicks and rejects anything else', () => {
    expect(SearchEventSchema.safeParse({ kind: 'search', q: 'пени', results: 2 }).success).toBe(true);
    expect(SearchEventSchema.safeParse({ kind: 'click', q: 'пени', id: 'penya-za-prosrochku' }).success).toBe(true);
    expect(SearchEventSchema.safeParse({ kind: 'click', q: 'пени', id: 'x', ip: '1.2.3.4' }).success).toBe(false);
    expect(SearchEventSchema.safeParse({ kind: 'search', q: '', results: 0 }).success).toBe(false);
  });
});
