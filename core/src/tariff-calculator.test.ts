import { describe, expect, it } from 'vitest';
import { calculateCost, CostQuerySchema, formatRubles, kopecksToDecimal, MissingRateError, parseKwhInput } from './tariff-calculator';
import { TariffPeriodSchema } from './tariffs';

const period = TariffPeriodSchema.parse({
  slug: '2026-2',
  title: 'с 1 июля по 31 декабря 2026 года',
  validFrom: '2026-07-01',
  validTo: '2026-12-31',
  decree: { number: '45-э', date: '2026-06-20', issuer: 'РСТ', publishedIn: 'портал правовой информации' },
  rates: [
    { group: 'rural', scheme: 'single', zone: 'all-day', priceKopecks: 517 },
    { group: 'rural', scheme: 'two', zone: 'day', priceKopecks: 593 },
    { group: 'rural', scheme: 'two', zone: 'night', priceKopecks: 307 },
    { group: 'urban', scheme: 'three', zone: 'peak', priceKopecks: 887 },
    { group: 'urban', scheme: 'three', zone: 'half-peak', priceKopecks: 739 },
    { group: 'urban', scheme: 'three', zone: 'night', priceKopecks: 439 },
  ],
});

describe('calculateCost', () => {
  it('bills a two-zone rural household to the kopeck', () => {
    const result = calculateCost(period, { group: 'rural', scheme: 'two', kwh: { day: 187, night: 93 } });
    // 187 × 5,93 = 1 108,91; 93 × 3,07 = 285,51; total 1 394,42
    expect(result.lines.map((line) => line.costKopecks)).toEqual([110_891, 28_551]);
    expect(result.totalKopecks).toBe(139_442);
    expect(formatRubles(result.totalKopecks)).toBe('1\u00a0394,42\u00a0₽');
  });

  it('bills every zone of a three-zone scheme and treats a missing zone as zero', () => {
    const result = calculateCost(period, { group: 'urban', scheme: 'three', kwh: { peak: 10, night: 1 } });
    expect(result.lines).toEqual([
      { zone: 'peak', kwh: 10, priceKopecks: 887, costKopecks: 8_870 },
      { zone: 'half-peak', kwh: 0, priceKopecks: 739, costKopecks: 0 },
      { zone: 'night', kwh: 1, priceKopecks: 439, costKopecks: 439 },
    ]);
    expect(result.totalKopecks).toBe(9_309);
  });

  it('ignores kWh given for zones the scheme does not bill', () => {
    const result = calculateCost(period, { group: 'rural', scheme: 'single', kwh: { 'all-day': 100, night: 500 } });
    expect(result.totalKopecks).toBe(51_700);
  });

  it('stays exact where floating-point rubles would drift', () => {
    // 0.1-style drift: 3 × 1,10 ₽ in floats is 3.3000000000000003.
    const p = { ...period, rates: [{ group: 'rural' as const, scheme: 'single' as const, zone: 'all-day' as const, priceKopecks: 110 }] };
    expect(calculateCost(p, { group: 'rural', scheme: 'single', kwh: { 'all-day': 3 } }).totalKopecks).toBe(330);
    const big = calculateCost(p, { group: 'rural', scheme: 'single', kwh: { 'all-day': 999_999 } });
    expect(big.totalKopecks).toBe(109_999_890);
  });

  it('refuses to guess a price the period does not publish', () => {
    expect(() => calculateCost(period, { group: 'gardening', scheme: 'two', kwh: { day: 1 } })).toThrow(MissingRateError);
  });
});

describe('CostQuerySchema', () => {
  it('accepts whole non-negative kWh and refuses fractions and negatives with Russian messages', () => {
    expect(CostQuerySchema.safeParse({ group: 'rural', scheme: 'two', kwh: { day: 0, night: 12 } }).success).toBe(true);
    const fraction = CostQuerySchema.safeParse({ group: 'rural', scheme: 'two', kwh: { day: 1.5 } });
    expect(fraction.error?.issues[0]?.message).toBe('Укажите расход в целых киловатт-часах');
    const negative = CostQuerySchema.safeParse({ group: 'rural', scheme: 'two', kwh: { day: -1 } });
    expect(negative.error?.issues[0]?.message).toBe('Расход не может быть отрицательным');
  });
});

describe('money formatting', () => {
  it('prints kopecks as rubles', () => {
    expect(formatRubles(5)).toBe('0,05\u00a0₽');
    expect(formatRubles(123_456_789)).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(kopecksToDecimal(643)).toBe('6.43');
    expect(kopecksToDecimal(7)).toBe('0.07');
  });
});

describe('TariffPeriodSchema', () => {
  it('refuses a zone that does not belong to the scheme', () => {
    const bad = TariffPeriodSchema.safeParse({ ...period, rates: [{ group: 'rural', scheme: 'two', zone: 'peak', priceKopecks: 1 }] });
    expect(bad.success).toBe(false);
  });
});

describe('parseKwhInput', () => {
  it('reads what visitors type', () => {
    expect(parseKwhInput(' 1 250 ')).toEqual({ ok: true, value: 1250 });
    expect(parseKwhInput('0')).toEqual({ ok: true, value: 0 });
    expect(parseKwhInput('12,5')).toEqual({ ok: false, message: 'Укажите расход в целых киловатт-часах' });
    expect(parseKwhInput('сто')).toEqual({ ok: false, message: 'Укажите расход числом, например 150' });
    expect(parseKwhInput('-3')).toEqual({ ok: false, message: 'Расход не может быть отрицательным' });
  });

  it('asks for a number when the field is empty instead of counting it as zero', () => {
    for (const blank of ['', '   ', '\u00a0']) {
      expect(parseKwhInput(blank)).toEqual({ ok: false, message: 'Укажите расход за месяц числом, например 150. Если расхода не было, укажите 0' });
    }
  });
});
