import type { CollectionConfig } from 'payload';
import { publicContent } from '../../publishing/public-content';
import { COLLECTIONS } from '../../slugs';

/** Useful external links: the regulator, consumer protection, state services. */
export const UsefulLinks: CollectionConfig = publicContent({
  slug: COLLECTIONS.usefulLinks,
  labels: { singular: 'Полезная ссылка', plural: 'Полезные ссылки' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'group', 'url', '_status'] },
  defaultSort: 'order',
  versions: { maxPerDoc: 5 },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true },
    {
      name: 'url',
      label: 'Адрес',
      type: 'text',
      required: true,
      validate: (value: string | null | undefined) => {
        try {
          return value && ['http:', 'https:'].includes(new URL(value).protocol) ? true : 'Укажите адрес, начинающийся с https:// или http://';
        } catch {
          return 'Укажите адрес, начинающийся с https:// или http://';
        }
      },
    },
    { name: 'description', label: 'Описание', type: 'text' },
    { type: 'row', fields: [{ name: 'group', label: 'Группа', type: 'text' }, { name: 'order', label: 'Порядок', type: 'number', defaultValue: 0 }] },
  ],
}, {});
