import { z } from 'zod';
import { SCHEME_ZONES, TariffGroupSchema, ZoneSchemeSchema, ZoneSchema, rateOf, type TariffPeriod, type Zone } from './tariffs';

/** Monthly consumption of one zone in whole kWh (meters show whole kilowatt-hours). */
export const KwhSchema = z
  .number({ error: 'Укажите расход числом' })
  .int({ error: 'Укажите расход в целых киловатт-часах' })
  .min(0, { error: 'Расход не может быть отрицательным' })
  .max(1_000_000, { error: 'Проверьте расход: значение слишком большое' });

/** What the visitor asks the calculator: group, scheme and kWh per zone of that scheme. */
export const CostQuerySchema = z.object({
  group: TariffGroupSchema,
  scheme: ZoneSchemeSchema,
  kwh: z.partialRecord(ZoneSchema, KwhSchema),
});
export type CostQuery = z.output<typeof CostQuerySchema>;

/** One line of the bill. */
export interface CostLine {
  zone: Zone;
  kwh: number;
  priceKopecks: number;
  costKopecks: number;
}

/** The bill: lines per zone and the total, all in kopecks. */
export interface CostResult {
  lines: CostLine[];
  totalKopecks: number;
}

/** Thrown when the period does not publish a price the query needs. */
export class MissingRateError extends Error {
  constructor(readonly zone: Zone) {
    super(`No published price for zone ${zone}`);
    this.name = 'MissingRateError';
  }
}

/**
 * Cost of a month's consumption under one period's tariffs. Integer arithmetic only: whole kWh times
 * kopecks per kWh is an exact number of kopecks, so the result matches the bill to the kopeck.
 * Zones of the scheme missing from `kwh` count as zero.
 */
export function calculateCost(period: TariffPeriod, query: CostQuery): CostResult {
  const lines = SCHEME_ZONES[query.scheme].map((zone): CostLine => {
    const priceKopecks = rateOf(period, query.group, query.scheme, zone);
    if (priceKopecks === undefined) throw new MissingRateError(zone);
    const kwh = query.kwh[zone] ?? 0;
    return { zone, kwh, priceKopecks, costKopecks: kwh * priceKopecks };
  });
  return { lines, totalKopecks: lines.reduce((sum, line) => sum + line.costKopecks, 0) };
}

/** Kopecks as Russian money text: 123456 → «1 234,56 ₽» (non-breaking spaces). */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '−' : '';
  const abs = Math.abs(kopecks);
  const rubles = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${rubles},${String(abs % 100).padStart(2, '0')}\u00a0₽`;
}

/** Kopecks as a decimal rubles string for data files: 643 → `6.43`. */
export function kopecksToDecimal(kopecks: number): string {
  const abs = Math.abs(kopecks);
  return `${kopecks < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Message for an empty usage field: a blank is never read as zero, so no total of 0,00 ₽ is shown by mistake. */
export const KWH_REQUIRED_MESSAGE = 'Укажите расход за месяц числом, например 150. Если расхода не было, укажите 0';

/**
 * Reads a kWh field as the visitor typed it: spaces allowed as thousands separators. An empty field is an
 * error ({@link KWH_REQUIRED_MESSAGE}), not zero. Returns the whole number or the Russian message of {@link KwhSchema}.
 */
export function parseKwhInput(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (compact === '') return { ok: false, message: KWH_REQUIRED_MESSAGE };
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return { ok: false, message: 'Укажите расход числом, например 150' };
  const result = KwhSchema.safeParse(Number(compact));
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0]?.message ?? 'Проверьте расход' };
}
