import type { CollectionConfig, PayloadRequest, TextFieldSingleValidation } from 'payload';
import { isIsoDate } from '@portal/core/iso-date';
import { NEWS_TYPE_LABELS, NEWS_TYPES } from '@portal/core/site-export';
import { isOutageType, OUTAGE_STATE_LABELS, OUTAGE_STATES } from '@portal/core/outages';
import { publicContent } from '../../publishing/public-content';
import { isoDateField } from '../../fields/iso-date';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { newsSearchHooks } from './hooks/sync-search';
import { startCampaignOnPublish } from '../../alerts/campaigns/from-news';

const idOf = (value: unknown): string => String(value && typeof value === 'object' ? (value as { id?: unknown }).id : value);

/**
 * Streets of an outage: each belongs to one of the item's settlements and is on that settlement's list in
 * «Территории», spelled the same way, so subscribers of a street are matched exactly.
 */
async function validateOutageStreets(value: unknown, { data, req }: { data: { settlements?: unknown[] | null }; req: PayloadRequest }): Promise<string | true> {
  if (!Array.isArray(value) || value.length === 0) return true;
  const rows = value as { settlement?: unknown; street?: string | null }[];
  const chosen = new Set((data.settlements ?? []).map(idOf));
  if (rows.some((row) => !chosen.has(idOf(row.settlement)))) return 'Улица должна относиться к одному из выбранных населённых пунктов';
  const found = await req.payload.find({ collection: COLLECTIONS.territories, where: { id: { in: [...chosen] } }, pagination: false, depth: 0, overrideAccess: true, req });
  const streets = new Map(found.docs.map((doc) => [String(doc.id), ((doc as { streets?: { text?: string | null }[] | null }).streets ?? []).map((line) => line.text ?? '')]));
  const unknown = rows.find((row) => !(streets.get(idOf(row.settlement)) ?? []).includes((row.street ?? '').trim()));
  return unknown ? `Улицы «${unknown.street ?? ''}» нет в списке улиц населённого пункта (раздел «Территории»)` : true;
}

/** News: tariff changes, planned and emergency outages, new services. Urgent items show a site-wide banner. */
export const News: CollectionConfig = publicContent({
  slug: COLLECTIONS.news,
  labels: { singular: 'Новость', plural: 'Новости' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'type', 'date', 'urgent', '_status'] },
  defaultSort: '-date',
  hooks: { afterChange: [newsSearchHooks.afterChange, startCampaignOnPublish], afterDelete: [newsSearchHooks.afterDelete] },
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
    {
      name: 'settlements',
      label: 'Населённые пункты',
      type: 'relationship',
      relationTo: COLLECTIONS.territories,
      hasMany: true,
      admin: { description: 'Из списка «Территории». По ним работают фильтр страницы «Отключения», ленты и подписки на уведомления.' },
      validate: ((value: unknown, { siblingData }: { siblingData: { type?: string } }) =>
        isOutageType(siblingData.type) && (!Array.isArray(value) || value.length === 0) ? 'Укажите хотя бы один населённый пункт отключения' : true) as never,
    },
    {
      name: 'streets',
      label: 'Улицы (если отключение не во всём населённом пункте)',
      type: 'array',
      admin: { initCollapsed: true, condition: (data) => isOutageType(data?.type), description: 'Улица выбирается из списка улиц населённого пункта (раздел «Территории»).' },
      validate: validateOutageStreets as never,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'settlement', label: 'Населённый пункт', type: 'relationship', relationTo: COLLECTIONS.territories, required: true },
            { name: 'street', label: 'Улица', type: 'text', required: true },
          ],
        },
      ],
    },
    {
      type: 'row',
      admin: { condition: (data) => isOutageType(data?.type) },
      fields: [
        {
          name: 'outageState',
          label: 'Состояние отключения',
          type: 'select',
          index: true,
          options: OUTAGE_STATES.map((value) => ({ value, label: OUTAGE_STATE_LABELS[value] })),
          validate: ((value: unknown, { siblingData }: { siblingData: { type?: string } }) =>
            isOutageType(siblingData.type) && !value ? 'Укажите состояние отключения' : true) as never,
        },
        {
          name: 'outageStart',
          label: 'Начало',
          type: 'date',
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 15 } },
          validate: ((value: unknown, { siblingData }: { siblingData: { type?: string } }) =>
            isOutageType(siblingData.type) && !value ? 'Укажите начало отключения' : true) as never,
        },
        {
          name: 'outageEnd',
          label: 'Ожидаемое окончание',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 15 } },
          validate: ((value: unknown, { siblingData }: { siblingData: { outageStart?: unknown } }) => {
            if (!value || !siblingData.outageStart) return true;
            return new Date(String(value)).getTime() > new Date(String(siblingData.outageStart)).getTime() ? true : 'Окончание должно быть позже начала';
          }) as never,
        },
      ],
    },
    { name: 'period', label: 'Когда (текстом, необязательно)', type: 'text', admin: { description: 'Если пусто, на сайте показываются начало и ожидаемое окончание. Например: 3 декабря с 9:00 до 16:00.' } },
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
    {
      // Read by the campaigns (alerts-campaigns): publishing an item so marked sends it to the matching subscribers.
      name: 'notifySubscribers',
      label: 'Оповестить подписчиков',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar', description: 'При публикации письмо получат подписчики этих населённых пунктов, выбравшие такой вид уведомлений.' },
    },
  ],
}, { reviewBy: true });
