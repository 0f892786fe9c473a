import { ValidationError, type CollectionConfig } from 'payload';
import { OfficeScheduleSchema, WEEKDAY_NAMES } from '@portal/core/office-hours';
import { OFFICE_CATEGORIES, OFFICE_KIND_LABELS, OFFICE_KINDS } from '@portal/core/site-export';
import { publicContent } from '../../publishing/public-content';
import { clockField, isoDateField, textListField } from '../../fields/iso-date';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { forgetBookingOfficesAfterChange, forgetBookingOfficesAfterDelete } from '../../booking/office-cache';
import { officeSearchHooks } from './hooks/sync-search';
import { scheduleInput, type OfficeScheduleFields } from './schedule';
import { bookingSettingsField } from './booking-settings';

const hoursRow = (required: boolean) => ({
  type: 'row' as const,
  fields: [clockField('open', 'Открытие', required), clockField('close', 'Закрытие', required), clockField('breakStart', 'Перерыв с', false), clockField('breakEnd', 'Перерыв до', false)],
});

/**
 * Customer service offices (ЦОК) and payment points: where they are, when they are open, what they offer.
 * Public holidays and shortened pre-holiday days come from the production calendar; dated exceptions
 * (extra shifts, closed days) are listed here.
 */
export const Offices: CollectionConfig = publicContent({
  slug: COLLECTIONS.offices,
  labels: { singular: 'Офис или пункт оплаты', plural: 'Офисы и пункты оплаты' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'settlement', '_status'] },
  defaultSort: 'order',
  hooks: {
    beforeChange: [
      ({ data, req }) => {
        const result = OfficeScheduleSchema.safeParse(scheduleInput(data as OfficeScheduleFields));
        if (!result.success) {
          throw new ValidationError({
            collection: COLLECTIONS.offices,
            req,
            errors: result.error.issues.map((issue) => ({ path: issue.path.filter((part) => part !== 'hours').join('.'), message: issue.message })),
          });
        }
        return data;
      },
    ],
    afterChange: [officeSearchHooks.afterChange, forgetBookingOfficesAfterChange],
    afterDelete: [officeSearchHooks.afterDelete, forgetBookingOfficesAfterDelete],
  },
  fields: [
    // Office bookings: a warning when the saved hours, closed dates or topics leave clients' bookings without a place.
    { name: 'affectedBookings', type: 'ui', admin: { components: { Field: '/components/AffectedBookingsPanel#AffectedBookingsPanel' }, disableListColumn: true } },
    { name: 'name', label: 'Название', type: 'text', required: true },
    slugField(),
    {
      type: 'row',
      fields: [
        { name: 'kind', label: 'Тип', type: 'select', required: true, defaultValue: 'office', options: OFFICE_KINDS.map((value) => ({ value, label: OFFICE_KIND_LABELS[value] })) },
        { name: 'category', label: 'Категория ЦОК', type: 'select', options: OFFICE_CATEGORIES.map((value) => ({ value, label: `${value} категория` })) },
        { name: 'order', label: 'Порядок', type: 'number', defaultValue: 0 },
      ],
    },
    { name: 'settlement', label: 'Населённый пункт', type: 'text', required: true },
    { name: 'address', label: 'Адрес', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'latitude', label: 'Широта', type: 'number', required: true, min: -90, max: 90 },
        { name: 'longitude', label: 'Долгота', type: 'number', required: true, min: -180, max: 180 },
      ],
    },
    textListField('transport', 'Как добраться (остановки и маршруты)'),
    textListField('phones', 'Телефоны'),
    { name: 'email', label: 'E-mail', type: 'email' },
    {
      type: 'row',
      fields: [
        { name: 'headName', label: 'Начальник офиса (ФИО)', type: 'text', admin: { description: 'Публикуется на странице офиса по стандарту обслуживания.' } },
        { name: 'headPhone', label: 'Телефон начальника офиса', type: 'text' },
      ],
    },
    {
      name: 'weekly',
      label: 'Часы работы по дням недели',
      type: 'array',
      admin: { description: 'Дни, которых нет в списке, — выходные.' },
      fields: [
        { name: 'weekday', label: 'День недели', type: 'select', required: true, options: Object.entries(WEEKDAY_NAMES).map(([value, label]) => ({ value, label })) },
        hoursRow(true),
      ],
    },
    {
      name: 'followsProductionCalendar',
      label: 'Работает по производственному календарю',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'В праздники закрыто, в предпраздничные дни закрывается на час раньше.' },
    },
    {
      name: 'exceptions',
      label: 'Особые дни',
      type: 'array',
      admin: { description: 'Дополнительные смены, санитарные дни и другие изменения на конкретную дату.', initCollapsed: true },
      fields: [
        { type: 'row', fields: [isoDateField('date', 'Дата'), { name: 'closed', label: 'Закрыто весь день', type: 'checkbox' }] },
        hoursRow(false),
        { name: 'note', label: 'Пояснение для посетителей', type: 'text' },
      ],
    },
    textListField('services', 'Услуги'),
    textListField('payment', 'Способы оплаты'),
    textListField('accessibility', 'Доступность для людей с инвалидностью'),
    {
      name: 'equipment',
      label: 'Оснащение',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'kiosk', label: 'Информационный киоск', type: 'checkbox' },
            { name: 'electronicQueue', label: 'Электронная очередь', type: 'checkbox' },
            { name: 'terminal', label: 'Платёжный терминал', type: 'checkbox' },
          ],
        },
      ],
    },
    { name: 'note', label: 'Примечание для посетителей', type: 'textarea' },
    bookingSettingsField,
  ],
}, { reviewBy: true });
