import { describe, expect, it } from 'vitest';
import { TariffPeriodSchema } from '@portal/core/tariffs';
import { csvField, pricesCsv, tariffsCsv, tariffsJson } from '../src/lib/open-data';

const period = TariffPeriodSchema.parse({
  slug: '2026-2',
  title: 'с 1 октября',
  validFrom: '2026-10-01',
  validTo: '2026-12-31',
  decree: { number: '112-э', date: '2025-12-17', issuer: 'РСТ, отдел "Цены"', publishedIn: 'портал' },
  rates: [{ group: 'rural', scheme: 'two', zone: 'night', priceKopecks: 307 }],
});

describe('open data', () => {
  it('writes one CSV row per rate with a decimal-point price and quotes fields that need it', () => {
    const lines = tariffsCsv([period]).split('\r\n');
    expect(lines[0]).toBe('period,valid_from,valid_to,decree_number,decree_date,decree_issuer,group,group_name,scheme,scheme_name,zone,zone_name,price_rub_per_kwh_with_vat');
    expect(lines[1]).toBe('2026-2,2026-10-01,2026-12-31,112-э,2025-12-17,"РСТ, отдел ""Цены""",rural,Население в сельских населённых пунктах,two,Двухзонный тариф (день и ночь),night,Ночная зона (23:00–7:00),3.07');
    expect(lines[2]).toBe('');
  });

  it('gives JSON prices as decimal strings', () => {
    const json = JSON.parse(tariffsJson([period], '2026-11-27T00:00:00Z'));
    expect(json.periods[0].rates[0]).toEqual({ group: 'rural', scheme: 'two', zone: 'night', price: '3.07' });
  });

  it('sorts unregulated prices by month and category', () => {
    const csv = pricesCsv([
      { month: '2026-02', category: 1, group: 'lt670', priceKopecksPerMwh: 100 },
      { month: '2026-01', category: 2, group: 'lt670', priceKopecksPerMwh: 654321 },
    ]);
    expect(csv.split('\r\n')[1]).toBe('2026-01,2,lt670,менее 670 кВт,6543.21');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  // Hand-written: OWASP «CSV injection» and RFC 4180 quoting.
  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://e.example")')).toBe(`"'=HYPERLINK(""http://e.example"")"`);
    expect(csvField('+7')).toBe("'+7");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('x\r=1')).toBe('"x\r=1"');
    expect(csvField('№ 12-э')).toBe('№ 12-э');
    expect(csvField(-1.5)).toBe('-1.5');
  });
});
