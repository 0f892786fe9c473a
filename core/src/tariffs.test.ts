import { describe, expect, it } from 'vitest';
import { periodOn, rateOf, TariffPeriodSchema, ZONE_HOURS, ZONE_LABELS, ZONE_NAMES, ZONES, type TariffPeriod } from './tariffs';

describe('zone names and hours', () => {
  it('keep the one-line labels the calculator and open data use', () => {
    expect(ZONE_LABELS).toEqual({
      'all-day': 'Круглые сутки',
      day: 'Дневная зона (7:00–23:00)',
      night: 'Ночная зона (23:00–7:00)',
      peak: 'Пиковая зона (7:00–10:00, 17:00–21:00)',
      'half-peak': 'Полупиковая зона (10:00–17:00, 21:00–23:00)',
    });
  });

  it('give every zone a name, and hours to every zone but the all-day one', () => {
    for (const zone of ZONES) {
      expect(ZONE_NAMES[zone]).not.toBe('');
      expect(ZONE_HOURS[zone] === undefined).toBe(zone === 'all-day');
    }
  });
});

/** A half-year period as the regulator publishes it, with two prices. */
function period(slug: string, validFrom: string, validTo: string): TariffPeriod {
  return TariffPeriodSchema.parse({
    slug,
    title: slug,
    validFrom,
    validTo,
    decree: { number: '45-э', date: '2025-12-15', issuer: 'Региональная служба по тарифам', publishedIn: 'портал правовой информации' },
    rates: [
      { group: 'urban', scheme: 'single', zone: 'all-day', priceKopecks: 643 },
      { group: 'urban', scheme: 'two', zone: 'night', priceKopecks: 312 },
    ],
  });
}

describe('tariff periods', () => {
  const first = period('2026-1', '2026-01-01', '2026-06-30');
  const second = period('2026-2', '2026-07-01', '2026-12-31');

  it('finds the period in force on a day, its first and last days included', () => {
    expect(periodOn([first, second], '2026-01-01')?.slug).toBe('2026-1');
    expect(periodOn([first, second], '2026-06-30')?.slug).toBe('2026-1');
    expect(periodOn([first, second], '2026-07-01')?.slug).toBe('2026-2');
    expect(periodOn([first, second], '2026-12-31')?.slug).toBe('2026-2');
  });

  it('finds none before the first period or after the last', () => {
    expect(periodOn([first, second], '2025-12-31')).toBeUndefined();
    expect(periodOn([first, second], '2027-01-01')).toBeUndefined();
    expect(periodOn([], '2026-03-01')).toBeUndefined();
  });

  it('gives the price of exactly the group, scheme and zone asked for', () => {
    expect(rateOf(first, 'urban', 'single', 'all-day')).toBe(643);
    expect(rateOf(first, 'urban', 'two', 'night')).toBe(312);
    expect(rateOf(first, 'urban', 'two', 'day')).toBeUndefined();
    expect(rateOf(first, 'rural', 'single', 'all-day')).toBeUndefined();
    expect(rateOf(first, 'urban', 'three', 'night')).toBeUndefined();
  });

  it('accepts a one-day period and refuses one that ends before it starts', () => {
    expect(() => period('day', '2026-03-01', '2026-03-01')).not.toThrow();
    expect(() => period('back', '2026-03-02', '2026-03-01')).toThrow(/Период начинается позже, чем заканчивается/);
  });
});
