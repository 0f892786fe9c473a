import { z } from 'zod';
import { IsoDateSchema } from './iso-date';

/**
 * Regulated household tariffs and unregulated prices: the shared vocabulary of the CMS, the site
 * tables, the open-data downloads and the cost calculator. Prices are integers (kopecks) so sums are exact.
 */

/** Consumer groups of the regulated household tariff (the usual Russian split). */
export const TARIFF_GROUPS = ['urban', 'urban-electric', 'rural', 'gardening', 'communal'] as const;
export const TariffGroupSchema = z.enum(TARIFF_GROUPS);
export type TariffGroup = z.output<typeof TariffGroupSchema>;

/** Russian names of the groups, as the regulator's decrees word them (shortened). */
export const TARIFF_GROUP_LABELS: Record<TariffGroup, string> = {
  urban: 'Население в городах (дома с газовыми плитами)',
  'urban-electric': 'Население в городах, дома с электроплитами и (или) электроотоплением',
  rural: 'Население в сельских населённых пунктах',
  gardening: 'Садоводческие и огороднические товарищества, гаражные кооперативы',
  communal: 'Управляющие компании, ТСЖ и исполнители коммунальных услуг для населения',
};

/** Zone schemes: one rate all day, two zones (day/night), three zones (peak/half-peak/night). */
export const ZONE_SCHEMES = ['single', 'two', 'three'] as const;
export const ZoneSchemeSchema = z.enum(ZONE_SCHEMES);
export type ZoneScheme = z.output<typeof ZoneSchemeSchema>;

export const ZONE_SCHEME_LABELS: Record<ZoneScheme, string> = {
  single: 'Одноставочный тариф (круглые сутки)',
  two: 'Двухзонный тариф (день и ночь)',
  three: 'Трёхзонный тариф (пик, полупик, ночь)',
};

/** Time-of-day zones; each scheme uses its own subset (see {@link SCHEME_ZONES}). */
export const ZONES = ['all-day', 'day', 'night', 'peak', 'half-peak'] as const;
export const ZoneSchema = z.enum(ZONES);
export type Zone = z.output<typeof ZoneSchema>;

/** Zone names without their hours, for layouts that show the hours as a second, quieter line. */
export const ZONE_NAMES: Record<Zone, string> = {
  'all-day': 'Круглые сутки',
  day: 'Дневная зона',
  night: 'Ночная зона',
  peak: 'Пиковая зона',
  'half-peak': 'Полупиковая зона',
};

/** Hours of each zone (Moscow time zone practice: night 23:00–7:00); none for the all-day rate. */
export const ZONE_HOURS: Record<Zone, string | undefined> = {
  'all-day': undefined,
  day: '7:00–23:00',
  night: '23:00–7:00',
  peak: '7:00–10:00, 17:00–21:00',
  'half-peak': '10:00–17:00, 21:00–23:00',
};

/** Zone names with their hours in one line, e.g. «Дневная зона (7:00–23:00)». */
export const ZONE_LABELS = Object.fromEntries(
  ZONES.map((zone) => {
    const hours = ZONE_HOURS[zone];
    return [zone, hours ? `${ZONE_NAMES[zone]} (${hours})` : ZONE_NAMES[zone]];
  }),
) as Record<Zone, string>;

/** Which zones each scheme bills, in display order. */
export const SCHEME_ZONES: Record<ZoneScheme, readonly Zone[]> = {
  single: ['all-day'],
  two: ['day', 'night'],
  three: ['peak', 'half-peak', 'night'],
};

/** One price of a regulated tariff: group × scheme × zone, in kopecks per kWh including VAT. */
export const TariffRateSchema = z
  .object({
    group: TariffGroupSchema,
    scheme: ZoneSchemeSchema,
    zone: ZoneSchema,
    /** Price in kopecks per kWh with VAT, e.g. 643 for 6,43 ₽/кВт·ч. */
    priceKopecks: z.number().int().positive(),
  })
  .refine((rate) => SCHEME_ZONES[rate.scheme].includes(rate.zone), {
    error: 'Эта зона суток не относится к выбранному тарифу',
    path: ['zone'],
  });
export type TariffRate = z.output<typeof TariffRateSchema>;

/** The regulator's decree that set a period's tariffs. */
export const TariffDecreeSchema = z.object({
  /** Decree number, e.g. «45-э». */
  number: z.string().min(1),
  /** Date of the decree, `YYYY-MM-DD`. */
  date: IsoDateSchema,
  /** Issuing body, e.g. «Региональная служба по тарифам Озёрского края». */
  issuer: z.string().min(1),
  /** Where it was officially published (portal, newspaper and date). */
  publishedIn: z.string().min(1),
});
export type TariffDecree = z.output<typeof TariffDecreeSchema>;

/** One validity period of regulated household tariffs (usually a half-year). */
export const TariffPeriodSchema = z
  .object({
    /** URL slug, e.g. `2026-1` for the first half of 2026. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Title shown to visitors, e.g. «с 1 января по 30 июня 2026 года». */
    title: z.string().min(1),
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema,
    decree: TariffDecreeSchema,
    rates: z.array(TariffRateSchema),
  })
  .refine((period) => period.validFrom <= period.validTo, { error: 'Период начинается позже, чем заканчивается', path: ['validTo'] });
export type TariffPeriod = z.output<typeof TariffPeriodSchema>;

/** The period in force on `isoDate`, or undefined when none covers it. */
export function periodOn(periods: readonly TariffPeriod[], isoDate: string): TariffPeriod | undefined {
  return periods.find((period) => period.validFrom <= isoDate && isoDate <= period.validTo);
}

/** The price of one zone in a period, or undefined when the period does not publish it. */
export function rateOf(period: TariffPeriod, group: TariffGroup, scheme: ZoneScheme, zone: Zone): number | undefined {
  return period.rates.find((rate) => rate.group === group && rate.scheme === scheme && rate.zone === zone)?.priceKopecks;
}

/** Capacity groups of unregulated prices for legal entities (maximum capacity of the connection). */
export const PRICE_CAPACITY_GROUPS = ['lt670', '670-10000', 'gte10000'] as const;
export const PriceCapacityGroupSchema = z.enum(PRICE_CAPACITY_GROUPS);
export type PriceCapacityGroup = z.output<typeof PriceCapacityGroupSchema>;

export const PRICE_CAPACITY_GROUP_LABELS: Record<PriceCapacityGroup, string> = {
  lt670: 'менее 670 кВт',
  '670-10000': 'от 670 кВт до 10 МВт',
  gte10000: 'не менее 10 МВт',
};

/** Price categories 1–6 of the retail market rules. */
export const PRICE_CATEGORIES = [1, 2, 3, 4, 5, 6] as const;

/** One unregulated price: month × price category × capacity group, kopecks per MWh without VAT. */
export const UnregulatedPriceSchema = z.object({
  /** Month, `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  category: z.number().int().min(1).max(6),
  group: PriceCapacityGroupSchema,
  /** Final price in kopecks per MWh without VAT (for categories 3–6 the energy rate), e.g. 654321 for 6 543,21 ₽/МВт·ч. */
  priceKopecksPerMwh: z.number().int().positive(),
});
export type UnregulatedPrice = z.output<typeof UnregulatedPriceSchema>;
