import type { CollectionConfig } from 'payload';
import { AUDIENCE_LABELS, AUDIENCES } from '@portal/core/audience';
import { isAnyone, isEditorOrAdmin } from '../../access/roles';
import { slugField } from '../../fields/slug';
import { rublesField } from '../../fields/money';
import { COLLECTIONS } from '../../slugs';

/**
 * The service catalogue of the «Заявка на услугу» forms. Editors keep it; the site lists active services
 * for individuals and legal entities with the price list of the paid work, and an application takes its topic (for
 * routing) from its service.
 */
export const Services: CollectionConfig = {
  slug: COLLECTIONS.services,
  labels: { singular: 'Услуга', plural: 'Услуги (каталог заявок)' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'audience', 'active', 'order'] },
  defaultSort: 'order',
  access: { read: isAnyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  custom: { accessProfile: 'public-reference' },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true },
    slugField(),
    {
      name: 'audience',
      label: 'Для кого',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
    },
    { name: 'topic', label: 'Тема (для маршрутизации)', type: 'relationship', relationTo: COLLECTIONS.topics, required: true },
    { name: 'description', label: 'Пояснение для клиента', type: 'textarea' },
    {
      // The price list of additional services the standard asks the site to publish ([004 L711]).
      name: 'prices',
      label: 'Прейскурант',
      type: 'array',
      labels: { singular: 'Работа', plural: 'Работы и цены' },
      admin: { description: 'Платные работы по услуге с ценами; сайт показывает их в прейскуранте на странице «Заявка на услугу». Пусто — услуги нет в прейскуранте.' },
      fields: [
        { name: 'item', label: 'Работа', type: 'text', required: true },
        { name: 'unit', label: 'Единица', type: 'text', required: true, defaultValue: 'за одну работу' },
        rublesField('price', 'Цена, ₽ с НДС', 'Цена для клиента, с НДС'),
      ],
    },
    { name: 'active', label: 'Принимаем заявки', type: 'checkbox', defaultValue: true },
    { name: 'order', label: 'Порядок', type: 'number', defaultValue: 0 },
  ],
};
