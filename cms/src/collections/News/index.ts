import type { CollectionConfig, TextFieldSingleValidation } from 'payload';
import { isIsoDate } from '@portal/core/iso-date';
import { NEWS_TYPE_LABELS, NEWS_TYPES } from '@portal/core/site-export';
import { publicContent } from '../../publishing/public-content';
import { isoDateField, textListField } from '../../fields/iso-date';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { newsSearchHooks } from './hooks/sync-search';

/** News: tariff changes, planned and emergency outages, new services. Urgent items show a site-wide banner. */
export const News: CollectionConfig = publicContent({
  slug: COLLECTIONS.news,
  labels: { singular: 'Новость', plural: 'Новости' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'type', 'date', 'urgent', '_status'] },
  defaultSort: '-date',
  hooks: { afterChange: [newsSearchHooks.afterChange], afterDelete: [newsSearchHooks.afterDelete] },
  fields: [
    { name: 'title', label: 'Заголовок', type: 'text', required: true, maxLength: 200 },
    slugField(),
    {
      type: 'row',
      fields: [
        { name: 'type', label: 'Тип', type: 'select', required: true, defaultValue: 'general', options: NEWS_TYPES.map((value) => ({ value, label: NEWS_TYPE_LABELS[value] })) },
        isoDateField('date', 'Дата публикации'),
      ],
    },
    textListField('settlements', 'Населённые пункты'),
    { name: 'period', label: 'Когда (для отключений)', type: 'text', admin: { description: 'Например: 3 декабря с 9:00 до 16:00.' } },
    { name: 'summary', label: 'Кратко', type: 'textarea', required: true, maxLength: 400 },
    { name: 'body', label: 'Текст новости', type: 'richText' },
    {
      type: 'row',
      fields: [
        { name: 'urgent', label: 'Срочная: показывать баннер на всех страницах', type: 'checkbox' },
        {
          name: 'urgentUntil',
          label: 'Показывать баннер по',
          type: 'text',
          admin: { description: 'Последний день показа, ГГГГ-ММ-ДД.' },
          validate: ((value: string | null | undefined, { siblingData }: { siblingData: { urgent?: boolean } }) => {
            if (!value) return siblingData.urgent ? 'Укажите, до какой даты показывать баннер' : true;
            return isIsoDate(value) ? true : 'Укажите дату в формате ГГГГ-ММ-ДД';
          }) as TextFieldSingleValidation,
        },
      ],
    },
  ],
}, { reviewBy: true });
