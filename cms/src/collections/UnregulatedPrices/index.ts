import type { CollectionConfig } from 'payload';
import { PRICE_CAPACITY_GROUP_LABELS, PRICE_CAPACITY_GROUPS, PRICE_CATEGORIES } from '@portal/core/tariffs';
import { publicContent } from '../../publishing/public-content';
import { monthField } from '../../fields/iso-date';
import { rublesField } from '../../fields/money';
import { COLLECTIONS } from '../../slugs';

/** Unregulated prices for legal entities for one month: price category (1–6) × capacity group. */
export const UnregulatedPrices: CollectionConfig = publicContent({
  slug: COLLECTIONS.unregulatedPrices,
  labels: { singular: 'Нерегулируемые цены за месяц', plural: 'Нерегулируемые цены' },
  admin: { useAsTitle: 'month', defaultColumns: ['month', '_status', 'updatedAt'] },
  defaultSort: '-month',
  versions: { maxPerDoc: 10 },
  fields: [
    { ...monthField('month', 'Месяц'), unique: true },
    {
      name: 'prices',
      label: 'Цены',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'category', label: 'Ценовая категория', type: 'select', required: true, options: PRICE_CATEGORIES.map((value) => ({ value: String(value), label: `${value}-я` })) },
            { name: 'group', label: 'Максимальная мощность', type: 'select', required: true, options: PRICE_CAPACITY_GROUPS.map((value) => ({ value, label: PRICE_CAPACITY_GROUP_LABELS[value] })) },
            rublesField('price', 'Цена, ₽/МВт·ч без НДС', 'Для категорий 3–6 — ставка за электроэнергию'),
          ],
        },
      ],
    },
  ],
}, { reviewBy: true });
