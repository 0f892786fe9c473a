import { ValidationError, type CollectionConfig } from 'payload';
import {
  SCHEME_ZONES,
  TARIFF_GROUP_LABELS,
  TARIFF_GROUPS,
  TariffPeriodSchema,
  ZONE_LABELS,
  ZONE_SCHEME_LABELS,
  ZONE_SCHEMES,
  ZONES,
  type ZoneScheme,
} from '@portal/core/tariffs';
import { publicContent } from '../../publishing/public-content';
import { isoDateField } from '../../fields/iso-date';
import { rublesField, toKopecks } from '../../fields/money';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { tariffSearchHooks } from './hooks/sync-search';

/** Raw rate row as stored. */
export interface TariffRateRow {
  group: string;
  scheme: string;
  zone: string;
  price: number;
}

/**
 * Regulated household tariffs for one validity period (usually a half-year) with the regulator's decree.
 * Past periods stay as the archive.
 */
export const TariffPeriods: CollectionConfig = publicContent({
  slug: COLLECTIONS.tariffPeriods,
  labels: { singular: 'Период тарифов', plural: 'Тарифы для населения' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'validFrom', 'validTo', '_status'] },
  defaultSort: '-validFrom',
  hooks: {
    afterChange: [tariffSearchHooks.afterChange],
    afterDelete: [tariffSearchHooks.afterDelete],
    beforeChange: [
      ({ data, req }) => {
        // The same rules the site and the open-data files rely on: zones belong to their scheme, dates in order.
        const result = TariffPeriodSchema.safeParse({
          slug: data.slug,
          title: data.title,
          validFrom: data.validFrom,
          validTo: data.validTo,
          decree: data.decree,
          rates: ((data.rates ?? []) as TariffRateRow[]).map((rate) => ({ ...rate, priceKopecks: toKopecks(rate.price) })),
        });
        if (!result.success) {
          throw new ValidationError({
            collection: COLLECTIONS.tariffPeriods,
            req,
            errors: result.error.issues.map((issue) => ({ path: issue.path.join('.').replace('priceKopecks', 'price'), message: issue.message })),
          });
        }
        return data;
      },
    ],
  },
  fields: [
    { name: 'title', label: 'Название периода', type: 'text', required: true, admin: { description: 'Например: с 1 июля по 31 декабря 2026 года.' } },
    slugField(),
    { type: 'row', fields: [isoDateField('validFrom', 'Действует с'), isoDateField('validTo', 'Действует по')] },
    {
      name: 'decree',
      label: 'Решение регулятора',
      type: 'group',
      fields: [
        { type: 'row', fields: [{ name: 'number', label: 'Номер', type: 'text', required: true }, isoDateField('date', 'Дата')] },
        { name: 'issuer', label: 'Кем принято', type: 'text', required: true },
        { name: 'publishedIn', label: 'Где официально опубликовано', type: 'text', required: true },
      ],
    },
    {
      name: 'rates',
      label: 'Тарифы',
      type: 'array',
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'group', label: 'Группа потребителей', type: 'select', required: true, options: TARIFF_GROUPS.map((value) => ({ value, label: TARIFF_GROUP_LABELS[value] })) },
            { name: 'scheme', label: 'Вид тарифа', type: 'select', required: true, options: ZONE_SCHEMES.map((value) => ({ value, label: ZONE_SCHEME_LABELS[value] })) },
            {
              name: 'zone',
              label: 'Зона суток',
              type: 'select',
              required: true,
              options: ZONES.map((value) => ({ value, label: ZONE_LABELS[value] })),
              validate: (value: string | null | undefined, { siblingData }: { siblingData: { scheme?: ZoneScheme } }) =>
                !siblingData.scheme || (value && SCHEME_ZONES[siblingData.scheme].includes(value as never)) ? true : 'Эта зона суток не относится к выбранному виду тарифа',
            },
            rublesField('price', 'Цена, ₽/кВт·ч с НДС', 'Например 6.43'),
          ],
        },
      ],
    },
  ],
}, { reviewBy: true });
