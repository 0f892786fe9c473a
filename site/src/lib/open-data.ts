import { csvCell } from '@portal/core/csv';
import { kopecksToDecimal } from '@portal/core/tariff-calculator';
import {
  PRICE_CAPACITY_GROUP_LABELS,
  TARIFF_GROUP_LABELS,
  ZONE_LABELS,
  ZONE_SCHEME_LABELS,
  type TariffPeriod,
  type UnregulatedPrice,
} from '@portal/core/tariffs';

/**
 * Open-data downloads of tariffs and prices: CSV (RFC 4180, UTF-8, comma, decimal point) and JSON.
 * Column names are stable English identifiers; Russian names ride along in `*_name` columns.
 */

/** One CSV field of the open data: comma-separated, formulas neutralised and line breaks quoted (core/src/csv.ts). */
export function csvField(value: string | number): string {
  return csvCell(value, ',');
}

/** A whole CSV document with CRLF line ends, as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const TARIFF_CSV_HEADER = [
  'period',
  'valid_from',
  'valid_to',
  'decree_number',
  'decree_date',
  'decree_issuer',
  'group',
  'group_name',
  'scheme',
  'scheme_name',
  'zone',
  'zone_name',
  'price_rub_per_kwh_with_vat',
] as const;

/** Every rate of every period, oldest period first. */
export function tariffsCsv(periods: readonly TariffPeriod[]): string {
  const rows = [...periods]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .flatMap((period) =>
      period.rates.map((rate) => [
        period.slug,
        period.validFrom,
        period.validTo,
        period.decree.number,
        period.decree.date,
        period.decree.issuer,
        rate.group,
        TARIFF_GROUP_LABELS[rate.group],
        rate.scheme,
        ZONE_SCHEME_LABELS[rate.scheme],
        rate.zone,
        ZONE_LABELS[rate.zone],
        kopecksToDecimal(rate.priceKopecks),
      ]),
    );
  return toCsv(TARIFF_CSV_HEADER, rows);
}

/** The periods as JSON: prices in rubles as decimal strings, so no reader meets binary floating point. */
export function tariffsJson(periods: readonly TariffPeriod[], generatedAt: string): string {
  return JSON.stringify(
    {
      generatedAt,
      unit: 'RUB/kWh, VAT included',
      periods: periods.map((period) => ({
        ...period,
        rates: period.rates.map(({ priceKopecks, ...rate }) => ({ ...rate, price: kopecksToDecimal(priceKopecks) })),
      })),
    },
    null,
    2,
  );
}

export const PRICES_CSV_HEADER = ['month', 'price_category', 'capacity_group', 'capacity_group_name', 'price_rub_per_mwh_without_vat'] as const;

/** Unregulated prices by month, category and capacity group. */
export function pricesCsv(prices: readonly UnregulatedPrice[]): string {
  const rows = [...prices]
    .sort((a, b) => a.month.localeCompare(b.month) || a.category - b.category)
    .map((price) => [price.month, price.category, price.group, PRICE_CAPACITY_GROUP_LABELS[price.group], kopecksToDecimal(price.priceKopecksPerMwh)]);
  return toCsv(PRICES_CSV_HEADER, rows);
}

/** Unregulated prices as JSON, in rubles as decimal strings. */
export function pricesJson(prices: readonly UnregulatedPrice[], generatedAt: string): string {
  return JSON.stringify(
    {
      generatedAt,
      unit: 'RUB/MWh, VAT excluded',
      prices: prices.map(({ priceKopecksPerMwh, ...price }) => ({ ...price, price: kopecksToDecimal(priceKopecksPerMwh) })),
    },
    null,
    2,
  );
}
